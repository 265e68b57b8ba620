/**
 * The mentee's own session log: /v1/sessions. Every session carries a `version`, sent as
 * `ETag: "<version>"`; PATCH, DELETE and a replacing POST honour `If-Match` (412 with the current
 * session when stale). Each change is one atomic statement, so two writers never lose a change.
 */
import { newId } from '../../src/sdk/ids.js';
import { Id, Session, SessionInput, SessionPatch } from '../../src/sdk/schemas.js';
import * as z from 'zod/mini';
import type { Queryable } from '../db.js';
import { checkInstants, etag, ifMatch, parse, pathId, readJson, requireMentee, type App, type Ctx, type Deps } from '../http.js';
import { HttpProblem } from '../problem.js';

/** Opaque page cursors: base64url of the last id; anything that does not round-trip is a 400. */
const cursorCodec = {
  encode: (id: string) => Buffer.from(id).toString('base64url'),
  decode(cursor: string): string {
    const id = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '';
    if (!z.safeParse(Id, id).success || Buffer.from(id).toString('base64url') !== cursor) {
      throw new HttpProblem(400, 'Invalid cursor: pass back the nextCursor of an earlier page.', [{ path: 'cursor', message: 'Invalid cursor' }]);
    }
    return id;
  },
};

type Row = { doc: Session; version: number };
/** The stored document with its version (rows from before versions lack it in the document). */
const withVersion = (row: Row): Session => ({ ...row.doc, version: row.version });

const send = (c: Ctx, session: Session, status: 200 | 201 = 200) => c.json(session, status, { ETag: etag(session.version!) });

/** 412 with the session as it is now, or 404 when it is gone. */
async function staleOrGone(q: Queryable, sub: string, id: string): Promise<never> {
  const [row] = await q.query<Row>('SELECT doc, version FROM sessions WHERE id = $1 AND mentee_id = $2', [id, sub]);
  if (!row) throw new HttpProblem(404, `No session with id "${id}".`);
  const current = withVersion(row);
  throw new HttpProblem(412, `This session was changed elsewhere (now version ${current.version}). Review the current version, then retry your change.`, undefined, {
    body: { current },
    headers: { ETag: etag(current.version!) },
  });
}

/** The version a writer expects, from `If-Match`; null for "any" (no header, or `*`). */
function expected(c: Ctx): number | null {
  const want = ifMatch(c);
  if (want === undefined || want === '*') return null;
  return Number.isNaN(want) ? 0 : want; // versions start at 1: a tag that is no version matches nothing
}

export function sessionRoutes(app: App, { db, now }: Deps): void {
  app.get('/v1/sessions', async (c) => {
    const sub = requireMentee(c);
    const rawLimit = c.req.query('limit');
    const limit = rawLimit === undefined ? 200 : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new HttpProblem(400, 'Invalid limit: a whole number from 1 to 1000.', [{ path: 'limit', message: 'expected 1–1000' }]);
    const cursor = c.req.query('cursor');
    const after = cursor === undefined ? '' : cursorCodec.decode(cursor);
    const rows = await db.query<Row & { id: string }>(
      'SELECT id, doc, version FROM sessions WHERE mentee_id = $1 AND id > $2 ORDER BY id LIMIT $3',
      [sub, after, limit + 1],
    );
    const page = rows.slice(0, limit);
    c.header('Cache-Control', 'no-store');
    return c.json({ items: page.map(withVersion), nextCursor: rows.length > limit ? cursorCodec.encode(page.at(-1)!.id) : null });
  });

  /**
   * Creates (201) or replaces (200) one of the caller's sessions; the id makes replays safe.
   * Replacing honours If-Match, or else the `version` in the body when it has one.
   */
  app.post('/v1/sessions', async (c) => {
    const sub = requireMentee(c);
    const body = await readJson(c);
    const stamp = new Date(now()).toISOString();
    const withId = typeof body === 'object' && body !== null && 'id' in body;
    const parsed = withId ? parse(Session, body, 'session') : undefined;
    const { version: bodyVersion, ...given } = parsed ?? { version: undefined };
    const session: Session = parsed
      ? { ...(given as Session), menteeId: sub }
      : { ...parse(SessionInput, body, 'session'), id: newId('s-'), createdAt: stamp, updatedAt: stamp, menteeId: sub };
    checkInstants({ start: session.start, createdAt: session.createdAt, updatedAt: session.updatedAt });
    const want = expected(c) ?? bodyVersion ?? null;
    const [row] = await db.query<Row & { inserted: boolean }>(
      `INSERT INTO sessions (id, mentee_id, doc, version) VALUES ($1, $2, $3::jsonb || '{"version": 1}', 1)
       ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc || jsonb_build_object('version', sessions.version + 1), version = sessions.version + 1, updated_at = now()
         WHERE sessions.mentee_id = EXCLUDED.mentee_id AND ($4::int IS NULL OR sessions.version = $4::int)
       RETURNING (xmax = 0) AS inserted, doc, version`,
      [session.id, sub, JSON.stringify(session), want],
    );
    if (!row) {
      const [mine] = await db.query('SELECT 1 FROM sessions WHERE id = $1 AND mentee_id = $2', [session.id, sub]);
      if (!mine) throw new HttpProblem(409, `A session with id "${session.id}" already exists.`);
      return staleOrGone(db, sub, session.id);
    }
    return send(c, withVersion(row), row.inserted ? 201 : 200);
  });

  app.get('/v1/sessions/:id', async (c) => {
    const sub = requireMentee(c);
    const id = pathId(c);
    const [row] = await db.query<Row>('SELECT doc, version FROM sessions WHERE id = $1 AND mentee_id = $2', [id, sub]);
    if (!row) throw new HttpProblem(404, `No session with id "${id}".`);
    c.header('Cache-Control', 'no-store');
    return send(c, withVersion(row));
  });

  /** Merges only the fields sent, in one statement: concurrent patches of different fields both land. */
  app.patch('/v1/sessions/:id', async (c) => {
    const sub = requireMentee(c);
    const id = pathId(c);
    const raw = await readJson(c);
    const parsed = parse(SessionPatch, raw, 'session change');
    // Only what the body names: zod fills defaults for absent fields, which must not overwrite.
    const sent = Object.fromEntries(Object.entries(parsed).filter(([key]) => Object.hasOwn(raw as object, key)));
    checkInstants({ start: sent.start as string | undefined });
    const [row] = await db.query<Row>(
      `UPDATE sessions SET doc = doc || $3::jsonb || jsonb_build_object('updatedAt', $4::text, 'version', version + 1),
         version = version + 1, updated_at = now()
       WHERE id = $1 AND mentee_id = $2 AND ($5::int IS NULL OR version = $5::int)
       RETURNING doc, version`,
      [id, sub, JSON.stringify(sent), new Date(now()).toISOString(), expected(c)],
    );
    if (!row) return staleOrGone(db, sub, id);
    return send(c, withVersion(row));
  });

  app.delete('/v1/sessions/:id', async (c) => {
    const sub = requireMentee(c);
    const id = pathId(c);
    const rows = await db.query('DELETE FROM sessions WHERE id = $1 AND mentee_id = $2 AND ($3::int IS NULL OR version = $3::int) RETURNING id', [id, sub, expected(c)]);
    if (!rows.length) return staleOrGone(db, sub, id);
    return c.body(null, 204);
  });
}
