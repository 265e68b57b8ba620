/** The mentee's own session log: /v1/sessions. */
import { newId } from '../../src/sdk/ids.js';
import { Session, SessionInput, SessionPatch } from '../../src/sdk/schemas.js';
import { parse, readJson, requireMentee, type App, type Deps } from '../http.js';
import { HttpProblem } from '../problem.js';

const cursorCodec = {
  encode: (id: string) => Buffer.from(id).toString('base64url'),
  decode: (cursor: string) => Buffer.from(cursor, 'base64url').toString(),
};

export function sessionRoutes(app: App, { db, now }: Deps): void {
  app.get('/v1/sessions', async (c) => {
    const sub = requireMentee(c);
    const rawLimit = c.req.query('limit');
    const limit = rawLimit === undefined ? 200 : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new HttpProblem(400, 'Invalid limit: a whole number from 1 to 1000.', [{ path: 'limit', message: 'expected 1–1000' }]);
    const cursor = c.req.query('cursor');
    const after = cursor ? cursorCodec.decode(cursor) : '';
    const rows = await db.query<{ id: string; doc: Session }>(
      'SELECT id, doc FROM sessions WHERE mentee_id = $1 AND id > $2 ORDER BY id LIMIT $3',
      [sub, after, limit + 1],
    );
    const page = rows.slice(0, limit);
    return c.json({ items: page.map((r) => r.doc), nextCursor: rows.length > limit ? cursorCodec.encode(page.at(-1)!.id) : null });
  });

  /** Creates (201) or replaces (200) one of the caller's sessions; the id makes replays safe. */
  app.post('/v1/sessions', async (c) => {
    const sub = requireMentee(c);
    const body = await readJson(c);
    const stamp = new Date(now()).toISOString();
    const withId = typeof body === 'object' && body !== null && 'id' in body;
    const session: Session = withId
      ? { ...parse(Session, body, 'session'), menteeId: sub }
      : { ...parse(SessionInput, body, 'session'), id: newId('s-'), createdAt: stamp, updatedAt: stamp, menteeId: sub };
    const [row] = await db.query<{ inserted: boolean }>(
      `INSERT INTO sessions (id, mentee_id, doc) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc, updated_at = now() WHERE sessions.mentee_id = EXCLUDED.mentee_id
       RETURNING (xmax = 0) AS inserted`,
      [session.id, sub, JSON.stringify(session)],
    );
    if (!row) throw new HttpProblem(409, `A session with id "${session.id}" already exists.`);
    return c.json(session, row.inserted ? 201 : 200);
  });

  const ownSession = async (sub: string, id: string): Promise<Session> => {
    const [row] = await db.query<{ doc: Session }>('SELECT doc FROM sessions WHERE id = $1 AND mentee_id = $2', [id, sub]);
    if (!row) throw new HttpProblem(404, `No session with id "${id}".`);
    return row.doc;
  };

  app.get('/v1/sessions/:id', async (c) => c.json(await ownSession(requireMentee(c), c.req.param('id'))));

  app.patch('/v1/sessions/:id', async (c) => {
    const sub = requireMentee(c);
    const patch = parse(SessionPatch, await readJson(c), 'session change');
    const current = await ownSession(sub, c.req.param('id'));
    const next = parse(Session, { ...current, ...patch, id: current.id, menteeId: sub, updatedAt: new Date(now()).toISOString() }, 'session');
    await db.query('UPDATE sessions SET doc = $3, updated_at = now() WHERE id = $1 AND mentee_id = $2', [next.id, sub, JSON.stringify(next)]);
    return c.json(next);
  });

  app.delete('/v1/sessions/:id', async (c) => {
    const sub = requireMentee(c);
    const rows = await db.query('DELETE FROM sessions WHERE id = $1 AND mentee_id = $2 RETURNING id', [c.req.param('id'), sub]);
    if (!rows.length) throw new HttpProblem(404, `No session with id "${c.req.param('id')}".`);
    return c.body(null, 204);
  });
}
