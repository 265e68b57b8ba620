/** Admin: how each mentor's busy calendar is doing (`GET /v1/busy-calendars`), and fetch one now. */
import { requireAdmin } from '../http-helpers.js';
import { pathId, type App, type Deps } from '../http.js';
import { HttpProblem } from '../problem.js';

export function busyCalendarRoutes(app: App, { busy }: Deps): void {
  app.get('/v1/busy-calendars', async (c) => {
    requireAdmin(c, 'read busy calendar status');
    return c.json({ items: busy ? await busy.status() : [] });
  });
  app.post('/v1/busy-calendars/:id/refresh', async (c) => {
    requireAdmin(c, 'refresh busy calendars');
    if (!busy) throw new HttpProblem(404, 'Busy calendars are not enabled on this server.');
    const id = pathId(c);
    await busy.refresh(id);
    const status = (await busy.status()).find((s) => s.mentorId === id);
    if (!status) throw new HttpProblem(404, `Mentor "${id}" has no busyCalendarUrl.`);
    return c.json(status);
  });
}
