/** Writing sessions that came from elsewhere (an import, an undo), for the client and backends. */
import type { Backend } from './backends/backend.js';
import type { Session } from './schemas.js';

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

/** The fallback for backends without `importSessions`: the sessions not stored yet, one write each. */
export async function putEach(backend: Backend, sessions: Session[]): Promise<Session[]> {
  const existing = new Set((await backend.listSessions()).map((s) => s.id));
  const stored: Session[] = [];
  for (const session of sessions) if (!existing.has(session.id)) stored.push(await backend.putSession(session));
  return stored;
}
