/**
 * Importing sessions: validation of each record, then one write. Backends that can store many
 * records atomically implement `importSessions`; for the others `putEach` writes one by one.
 */
import type { Backend } from './backends/backend.js';
import * as V from './generated/validators.js';
import type { Session } from './schemas.js';
import { parseOrThrow } from './validate.js';

/**
 * A session to write as new, without the version it had where it came from (another server's, an
 * export's, before its deletion): a versioned backend then creates it instead of expecting that
 * version (HTTP: a POST, not a PATCH with If-Match).
 */
export function withoutVersion(session: Session): Session {
  const fresh = { ...session };
  delete fresh.version;
  return fresh;
}

/** The valid sessions (first of each id only) and the position and reason of every invalid record. */
export function validateImport(records: unknown[]): { valid: Session[]; repeated: number; invalid: { index: number; message: string }[] } {
  const valid: Session[] = [];
  let repeated = 0;
  const invalid: { index: number; message: string }[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    try {
      const session = parseOrThrow(V.Session, record, `session ${index + 1}`);
      // A file naming one id twice counts the second as already there.
      if (seen.has(session.id)) repeated++;
      else valid.push(withoutVersion(session));
      seen.add(session.id);
    } catch (error) {
      invalid.push({ index, message: (error as Error).message });
    }
  });
  return { valid, repeated, invalid };
}

/** The fallback for backends without `importSessions`: the sessions not stored yet, one write each. */
export async function putEach(backend: Backend, sessions: Session[]): Promise<Session[]> {
  const existing = new Set((await backend.listSessions()).map((s) => s.id));
  const stored: Session[] = [];
  for (const session of sessions) if (!existing.has(session.id)) stored.push(await backend.putSession(session));
  return stored;
}
