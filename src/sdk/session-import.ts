/**
 * Importing sessions: validation of each record, then one write. Backends that can store many
 * records atomically implement `importSessions`; for the others `putEach` (session-records.ts)
 * writes one by one. Part of the validation chunk (validation.ts).
 */
import * as V from './generated/validators.js';
import type { Session } from './schemas.js';
import { withoutVersion } from './session-records.js';
import { parseOrThrow } from './validate.js';

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
