/** Helpers for browser tests against the reference server that `npm test` starts. */
import { createClient } from '../src/sdk/client.js';
import { httpBackend, type HttpBackendOptions } from '../src/sdk/backends/http.js';
import { MentorshipError } from '../src/sdk/errors.js';
import { freshNamespace } from './helpers.js';

declare global {
  interface Window {
    __MK_SERVER__?: string;
  }
}

/** The server's /v1 URL, or '' when the tests run without one (then the suite is skipped). */
export const SERVER = typeof window !== 'undefined' ? (window.__MK_SERVER__ ?? '') : '';

/** A dev-mode bearer token for a new mentee no other test uses. */
export async function menteeToken(sub = freshNamespace('mentee')): Promise<{ sub: string; token: string }> {
  const response = await fetch(`${SERVER}/dev/token?sub=${encodeURIComponent(sub)}`);
  if (!response.ok) throw new Error(`GET /dev/token: HTTP ${response.status} (is the server in dev mode?)`);
  return response.json();
}

/** A network that can be cut: while `offline` is true every request fails like a dropped line. */
export function switchableNetwork() {
  const net = {
    offline: false,
    /** Let the next request reach the server, then lose its response (the write happened). */
    loseNextResponse: false,
    requests: 0,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (net.offline) throw new TypeError('Failed to fetch');
      net.requests++;
      const response = await fetch(input, init);
      if (net.loseNextResponse) {
        net.loseNextResponse = false;
        throw new TypeError('Failed to fetch');
      }
      return response;
    }) as typeof fetch,
    isOnline: () => !net.offline,
  };
  return net;
}

export function httpClient(options: Partial<HttpBackendOptions> = {}) {
  const backend = httpBackend({ baseUrl: SERVER, namespace: freshNamespace('http'), retries: 0, ...options });
  return createClient({ backend });
}

/** Start of a UTC day `days` from today. */
export function dayFromNow(days: number): string {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return new Date(d.getTime() + days * 86_400_000).toISOString();
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function caught(promise: Promise<unknown>): Promise<MentorshipError> {
  try {
    await promise;
  } catch (error) {
    return error as MentorshipError;
  }
  throw new Error('expected a rejection');
}
