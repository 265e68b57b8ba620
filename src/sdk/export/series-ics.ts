/**
 * A series as iCalendar: one VEVENT per booked occurrence, each at its own UTC instant (so every
 * calendar shows the mentor's wall time across DST without needing time-zone rules), with a UID
 * per booking so a later cancel of one occurrence replaces just that event.
 */
import type { Series } from '../schemas.js';
import { toIcs } from './ics.js';

export function seriesToIcs(series: Series, summary: string, description = ''): string {
  return toIcs(
    series.bookings.map((b) => ({
      uid: `${b.id}@mentorship-kit`,
      start: b.start,
      end: b.end,
      stamp: b.updatedAt,
      summary,
      description,
      status: b.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      sequence: b.status === 'cancelled' ? 1 : 0,
    })),
  );
}
