/**
 * httpBackend: the same Backend over the documented HTTP contract (docs/http-api.md).
 * Placeholder until the HTTP issue lands; the signature is the contract.
 */
import { MentorshipError } from '../errors.js';
import type { Backend } from './backend.js';

export interface HttpBackendOptions {
  baseUrl: string;
  getToken?: () => string | undefined | Promise<string | undefined>;
  timeoutMs?: number;
  retries?: number;
}

export function httpBackend(options: HttpBackendOptions): Backend {
  const fail = () => Promise.reject(new MentorshipError('network', `HTTP backend at ${options.baseUrl} is not available yet`));
  return {
    kind: 'http',
    getCatalog: fail,
    listSlots: fail,
    listBookings: fail,
    createBooking: fail,
    cancelBooking: fail,
    rescheduleBooking: fail,
    listSessions: fail,
    putSession: fail,
    deleteSession: fail,
    getPlan: fail,
    setPlan: fail,
  };
}
