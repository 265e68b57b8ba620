/**
 * The tracker's exports and import, loaded on the first click (or when the pointer or focus
 * reaches the export links): CSV, JSON and ICS files of the sessions, and reading a JSON export.
 */
import { readSessionsJson, sessionEnd, sessionsToCsv, sessionsToJson } from '../../sdk/export/csv.js';
import { toIcs } from '../../sdk/export/ics.js';
import type { Session } from '../../sdk/schemas.js';

export { readSessionsJson };

export type ExportKind = 'csv' | 'json' | 'ics';

/** The file for `kind`: its media type and text. `name` gives an activity's name for the calendar. */
export function exportSessions(kind: ExportKind, sessions: Session[], name: (activity: string) => string): { type: string; text: string } {
  if (kind === 'csv') return { type: 'text/csv', text: sessionsToCsv(sessions) };
  if (kind === 'json') return { type: 'application/json', text: sessionsToJson(sessions) };
  const events = sessions.map((s) => ({
    uid: `${s.id}@mentorship-kit`,
    start: s.start,
    end: sessionEnd(s),
    summary: [name(s.activity), s.mentor].filter(Boolean).join(' · '),
    description: s.notes,
    stamp: s.updatedAt,
  }));
  return { type: 'text/calendar', text: toIcs(events) };
}
