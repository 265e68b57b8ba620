/**
 * Recurring series over HTTP (POST /series, GET /series/{id}, POST /series/{id}/cancel). The
 * series' cancel token stays in this browser, also on each of its bookings, so one occurrence can
 * be cancelled through the booking itself.
 */
import * as V from '../generated/validators.js';
import type { Booking, Series } from '../schemas.js';
import type { Validator } from '../validator.js';
import type { Backend } from './backend.js';
import type { RecordStore } from './record-store.js';
import type { CallOptions } from './http-client.js';

const TOKEN = 'series-token:';

type Call = <T>(validator: Validator<T>, method: string, path: string, init?: CallOptions) => Promise<T>;

export function httpSeries(call: Call, store: RecordStore, remember: (booking: Booking) => Promise<Booking>): Required<Pick<Backend, 'createSeries' | 'getSeries' | 'cancelSeries'>> {
  const withToken = async (series: Series): Promise<Series> => {
    const token = series.cancelToken ?? (await store.get<string>(TOKEN + series.id));
    if (!token) return series;
    if (series.cancelToken) await store.set(TOKEN + series.id, token);
    const bookings = await Promise.all(series.bookings.map((b) => remember({ ...b, cancelToken: token })));
    return { ...series, cancelToken: token, bookings };
  };
  const headers = async (id: string): Promise<Record<string, string>> => {
    const token = await store.get<string>(TOKEN + id);
    return token ? { 'Cancel-Token': token } : {};
  };
  const path = (id: string) => `series/${encodeURIComponent(id)}`;
  return {
    createSeries: async (request, { idempotencyKey }) =>
      withToken(await call(V.Series, 'POST', 'series', { json: request, idempotencyKey })),
    getSeries: async (id) => withToken(await call(V.Series, 'GET', path(id), { headers: await headers(id) })),
    cancelSeries: async (id, options = {}) => withToken(await call(V.Series, 'POST', `${path(id)}/cancel`, { json: options, headers: await headers(id) })),
  };
}
