/**
 * Session exports, pure: an RFC 4180 CSV writer (and reader, for round trips) and the versioned
 * JSON format `{ format: 'mentorship-kit.sessions', version: 1, sessions: [...] }`.
 */
import { MentorshipError } from '../errors.js';
import type { Session } from '../schemas.js';

/**
 * One CSV field: quoted when it holds a comma, a quote, CR or LF; quotes are doubled. A field
 * starting with `=`, `+`, `-`, `@`, a tab or CR gets a leading `'`, so a spreadsheet shows it as
 * text instead of running it as a formula (OWASP's advice against CSV injection: a note such as
 * `=HYPERLINK(…)` stays a note).
 */
export function csvField(value: unknown): string {
  const raw = String(value ?? '');
  const text = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text: fields joined by commas, every record (the last too) ended by CRLF. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks) into rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') (field += '"'), i++;
      else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(field), (field = '');
    else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += char;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

/** The CSV columns, in order; the header row uses these names. */
export const SESSION_CSV_COLUMNS = [
  'id',
  'start',
  'end',
  'minutes',
  'activity',
  'mentor',
  'notes',
  'tags',
  'source',
  'bookingId',
  'createdAt',
  'updatedAt',
] as const;

export const sessionEnd = (session: Pick<Session, 'start' | 'minutes'>): string =>
  new Date(Date.parse(session.start) + session.minutes * 60_000).toISOString();

/** Sessions as CSV with a header row; tags are joined with "; ". */
export function sessionsToCsv(sessions: readonly Session[]): string {
  return toCsv([
    SESSION_CSV_COLUMNS,
    ...sessions.map((s) => SESSION_CSV_COLUMNS.map((c) => (c === 'end' ? sessionEnd(s) : c === 'tags' ? s.tags.join('; ') : s[c]))),
  ]);
}

export const SESSIONS_FORMAT = 'mentorship-kit.sessions';
export const SESSIONS_FORMAT_VERSION = 1;

export interface SessionsExport {
  format: typeof SESSIONS_FORMAT;
  version: typeof SESSIONS_FORMAT_VERSION;
  exportedAt: string;
  sessions: Session[];
}

/** The versioned JSON export, pretty-printed. */
export function sessionsToJson(sessions: readonly Session[], exportedAt = new Date().toISOString()): string {
  const data: SessionsExport = { format: SESSIONS_FORMAT, version: SESSIONS_FORMAT_VERSION, exportedAt, sessions: [...sessions] };
  return JSON.stringify(data, null, 2);
}

/**
 * Reads a JSON export and returns its session records, still unvalidated (the client checks each
 * one and skips duplicates). Throws `invalid-input` with the reason when the file as a whole is
 * unusable: not JSON, another format, a newer version, no session list.
 */
export function readSessionsJson(text: string): unknown[] {
  // Any JSON value: `?.` reads nothing from null, and a number or string has no such fields.
  let data: Partial<Record<keyof SessionsExport, unknown>> | null;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new MentorshipError('invalid-input', `The file is not JSON (${(error as Error).message})`, { cause: error });
  }
  const unusable = (message: string) => new MentorshipError('invalid-input', message);
  if (data?.format !== SESSIONS_FORMAT) throw unusable(`The file is not a session export: "format" must be "${SESSIONS_FORMAT}"`);
  if (data.version !== SESSIONS_FORMAT_VERSION) throw unusable(`Unsupported export version ${JSON.stringify(data.version)}; this version reads ${SESSIONS_FORMAT_VERSION}`);
  if (!Array.isArray(data.sessions)) throw unusable('The file has no "sessions" list');
  return data.sessions;
}
