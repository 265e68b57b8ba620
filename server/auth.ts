/**
 * Who is calling. Mentees carry `Authorization: Bearer <HS256 JWT>` signed with AUTH_SECRET
 * (`sub` = mentee id, optional `role: "admin"`). Visitors need no token to read the catalog,
 * see slots and book; their booking carries a cancel token instead.
 */
import { sign, verify } from 'hono/jwt';
import { HttpProblem } from './problem.js';

export interface Caller {
  /** Mentee id (`sub`), or null for an anonymous visitor. */
  sub: string | null;
  admin: boolean;
  /** A mentor's token (`role: "mentor"`, `sub` = mentor id): the mentor id; such a caller is no mentee. */
  mentorId?: string | null;
}

export async function callerFrom(header: string | undefined, secret: string): Promise<Caller> {
  if (!header) return { sub: null, admin: false };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new HttpProblem(401, 'The Authorization header must be "Bearer <token>".');
  try {
    const payload = await verify(match[1]!, secret, 'HS256');
    if (typeof payload.sub !== 'string' || !payload.sub) throw new Error('no sub');
    if (payload.role === 'mentor') return { sub: null, admin: false, mentorId: payload.sub };
    return { sub: payload.sub, admin: payload.role === 'admin' };
  } catch {
    throw new HttpProblem(401, 'The bearer token is invalid or expired.');
  }
}

/** A signed token for a mentee (or an admin), valid for `days`. */
export function issueToken(secret: string, sub: string, options: { role?: 'admin' | 'mentor'; days?: number } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return sign({ sub, ...(options.role ? { role: options.role } : {}), iat: now, exp: now + (options.days ?? 30) * 86400 }, secret, 'HS256');
}

export function randomSecret(bytes = 32): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64url');
}

export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Buffer.from(digest).toString('hex');
}

/** Compares two strings in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
