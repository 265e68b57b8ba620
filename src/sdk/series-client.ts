/**
 * `client.series`: recurring series over any backend that implements them. Validates the
 * request, then announces every occurrence as a booking change, so the elements that follow
 * bookings (the tracker's upcoming list) see each one.
 */
import type { Backend } from './backends/backend.js';
import { MentorshipError } from './errors.js';
import { newId } from './ids.js';
import { parse } from './load-validation.js';
import type { Booking, Series, SeriesRequest } from './schemas.js';

export function seriesResource(backend: Backend, call: <T>(op: () => Promise<T>) => Promise<T>, announce: (kind: 'added' | 'updated', booking: Booking) => void) {
  const need = <K extends 'createSeries' | 'getSeries' | 'cancelSeries'>(method: K): NonNullable<Backend[K]> => {
    const fn = backend[method];
    if (!fn) throw new MentorshipError('invalid-input', `The ${backend.kind} backend does not support recurring series.`);
    return fn.bind(backend) as NonNullable<Backend[K]>;
  };
  return {
    /** Books a series; throws `conflict` listing the taken starts unless `skipConflicts`. */
    create: (request: SeriesRequest, options: { idempotencyKey?: string } = {}): Promise<Series> =>
      call(async () => {
        const valid = await parse('SeriesRequest', request, 'series');
        const series = await need('createSeries')(valid, { idempotencyKey: options.idempotencyKey ?? newId('idem-') });
        for (const booking of series.bookings) announce('added', booking);
        return series;
      }),
    get: (id: string): Promise<Series> => call(() => need('getSeries')(id)),
    /** Cancels this occurrence and all later ones (`from`), or the whole series. */
    cancel: (id: string, options: { from?: string } = {}): Promise<Series> =>
      call(async () => {
        if (options.from) await parse('Instant', options.from, 'from');
        const before = await need('getSeries')(id).catch(() => undefined);
        const series = await need('cancelSeries')(id, options);
        for (const booking of series.bookings) {
          const was = before?.bookings.find((b) => b.id === booking.id);
          if (booking.status === 'cancelled' && was?.status !== 'cancelled') announce('updated', booking);
        }
        return series;
      }),
  };
}
