/**
 * The strings of the tracker's attendance section (attendance.ts), apart from the rest so they
 * travel with that on-demand chunk. German registers with the tracker's (src/locales/de.ts).
 */
export const en = {
  attendanceTitle: 'Did these take place?',
  attendanceHint: 'An attended session counts toward your weekly goal.',
  attended: 'Attended',
  noShow: 'No-show',
  markedAttended: (what: string, length: string) => `${what} counted as attended (${length}).`,
  markedNoShow: (what: string) => `${what} marked as a no-show.`,
  attendanceUndone: 'Attendance taken back.',
};

export const de: typeof en = {
  attendanceTitle: 'Haben diese Sitzungen stattgefunden?',
  attendanceHint: 'Eine besuchte Sitzung zählt für dein Wochenziel.',
  attended: 'Teilgenommen',
  noShow: 'Nicht erschienen',
  markedAttended: (what, length) => `${what} als besucht gezählt (${length}).`,
  markedNoShow: (what) => `${what} als nicht erschienen markiert.`,
  attendanceUndone: 'Anwesenheit zurückgenommen.',
};

export type AttendanceMessages = typeof en;
