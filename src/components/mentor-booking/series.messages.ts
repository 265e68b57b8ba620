/**
 * Text of <mentor-booking>'s recurring series. English joins the element's built-in table when the
 * series chunk loads (series.ts), so pages that never repeat a session never download it; German
 * ships in the German locale file like every other string.
 */
type Plural = Intl.LDMLPluralRule;

export const seriesEn = {
  repeat: 'Repeat',
  repeatOn: 'Book this time as a series',
  frequency: 'How often',
  'freq:weekly': 'Every week',
  'freq:biweekly': 'Every two weeks',
  'freq:monthly': 'Every month',
  count: 'How many sessions',
  untilEnd: (count: string) => `Until the program ends (${count})`,
  visitorCap: (mentor: string, count: string) => `${mentor} takes at most ${count} upcoming sessions per visitor, so a series holds at most ${count}.`,
  noSeries: (mentor: string) => `${mentor} takes one upcoming session per visitor at a time, so this time cannot be repeated.`,
  occurrences: 'Sessions in this series',
  conflicts: (count: string, p: Plural) =>
    p === 'one' ? 'One session is not available: leave it out or choose another time for it.' : `${count} sessions are not available: leave them out or choose other times for them.`,
  conflict: 'Not available',
  drop: 'Leave out',
  dropped: 'Left out',
  undo: 'Undo',
  otherTime: 'Other time',
  movedFrom: (when: string) => `Instead of ${when}`,
  noOther: 'No other free time within three days.',
  bookSeries: (count: string, _p: Plural) => `Book ${count} sessions`,
  stepSeriesDone: (count: string, p: Plural) => (p === 'one' ? 'Your session is booked' : `Your ${count} sessions are booked`),
  cancelled: 'Cancelled',
  cancelOne: 'Cancel',
  cancelRest: 'Cancel this and all later',
  cancelledCount: (count: string, p: Plural) => (p === 'one' ? 'One session cancelled.' : `${count} sessions cancelled.`),
};

export const seriesDe: typeof seriesEn = {
  repeat: 'Wiederholen',
  repeatOn: 'Diesen Termin als Serie buchen',
  frequency: 'Wie oft',
  'freq:weekly': 'Jede Woche',
  'freq:biweekly': 'Alle zwei Wochen',
  'freq:monthly': 'Jeden Monat',
  count: 'Wie viele Sitzungen',
  untilEnd: (count) => `Bis zum Ende des Programms (${count})`,
  visitorCap: (mentor, count) => `${mentor} nimmt höchstens ${count} anstehende Sitzungen pro Person an; eine Serie umfasst daher höchstens ${count}.`,
  noSeries: (mentor) => `${mentor} nimmt pro Person nur eine anstehende Sitzung an; dieser Termin kann daher nicht wiederholt werden.`,
  occurrences: 'Sitzungen dieser Serie',
  conflicts: (count, p) =>
    p === 'one' ? 'Eine Sitzung ist nicht frei: auslassen oder eine andere Zeit dafür wählen.' : `${count} Sitzungen sind nicht frei: auslassen oder andere Zeiten dafür wählen.`,
  conflict: 'Nicht frei',
  drop: 'Auslassen',
  dropped: 'Ausgelassen',
  undo: 'Rückgängig',
  otherTime: 'Andere Zeit',
  movedFrom: (when) => `Statt ${when}`,
  noOther: 'Keine andere freie Zeit innerhalb von drei Tagen.',
  bookSeries: (count) => `${count} Sitzungen buchen`,
  stepSeriesDone: (count, p) => (p === 'one' ? 'Ihre Sitzung ist gebucht' : `Ihre ${count} Sitzungen sind gebucht`),
  cancelled: 'Storniert',
  cancelOne: 'Stornieren',
  cancelRest: 'Diese und alle späteren stornieren',
  cancelledCount: (count, p) => (p === 'one' ? 'Eine Sitzung storniert.' : `${count} Sitzungen storniert.`),
};
