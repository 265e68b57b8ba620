/**
 * The HTTP contract as an OpenAPI 3.1 document, generated from the same zod schemas that type the
 * SDK and validate every body (`z.toJSONSchema`). Server-side only: never import it from the
 * SDK's index or an element — it would pull zod's JSON Schema generator into browser bundles.
 */
import * as z from 'zod/mini';
import { Attendance, Booking, BookingRequest, Catalog, MentorBookingPage, Series, SeriesRequest, Session, SessionInput, SessionPatch, Slot, WaitlistEntry } from './schemas.js';

export interface OpenApiOptions {
  serverUrl?: string;
  version?: string;
}

type Json = Record<string, unknown>;

const schema = (s: z.ZodMiniType, io: 'input' | 'output' = 'output'): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json;
  return rest;
};
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (body: Json) => ({ content: { 'application/json': { schema: body } } });
const list = (item: string, paged = false): Json => ({
  type: 'object',
  required: paged ? ['items', 'nextCursor'] : ['items'],
  properties: { items: { type: 'array', items: ref(item) }, ...(paged ? { nextCursor: { type: ['string', 'null'] } } : {}) },
});
const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: PROBLEM_TEXT[s] ?? 'Error', content: { 'application/problem+json': { schema: ref('Problem') } } }]));
const PROBLEM_TEXT: Record<number, string> = {
  400: 'Invalid input (malformed JSON, wrong types); `issues` lists the failing paths',
  401: 'Missing or invalid bearer token',
  403: 'Not allowed (wrong cancel token, not an admin)',
  404: 'Unknown id (or not the caller\'s)',
  409: 'Conflict: the slot was just taken',
  413: 'Body larger than the limit',
  415: 'Body is not application/json',
  422: 'Idempotency key reused with a different body',
};
const bearer = [{ bearer: [] }];
const optionalBearer = [{}, { bearer: [] }];
const idParam = (what: string) => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: `${what} id` });
const cancelTokenHeader = { name: 'Cancel-Token', in: 'header', required: false, schema: { type: 'string' }, description: 'The cancelToken from the booking response (anonymous visitors)' };

/** The OpenAPI document served at GET /v1/openapi.json. */
export function buildOpenApi(options: OpenApiOptions = {}): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'mentorship-kit HTTP API',
      version: options.version ?? '1',
      description: 'The contract httpBackend speaks and the reference server serves. Errors are application/problem+json (RFC 9457) with a `code` matching MentorshipError.',
    },
    servers: [{ url: options.serverUrl ?? 'http://127.0.0.1:8787/v1' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (HS256, sub = mentee id, optional role "admin"; role "mentor" with sub = mentor id)' } },
      schemas: {
        Catalog: schema(Catalog),
        Slot: schema(Slot),
        BookingRequest: schema(BookingRequest, 'input'),
        Booking: schema(Booking),
        SeriesRequest: schema(SeriesRequest, 'input'),
        Series: schema(Series),
        WaitlistEntry: schema(WaitlistEntry),
        SessionInput: schema(SessionInput, 'input'),
        Session: schema(Session),
        SessionPatch: schema(SessionPatch, 'input'),
        MentorBookingPage: schema(MentorBookingPage),
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail', 'code'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            code: { enum: ['invalid-input', 'not-found', 'conflict', 'unauthorized', 'bad-response'] },
            instance: { type: 'string' },
            issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
    paths: {
      '/catalog': {
        get: { summary: 'The catalog: programs, session types, mentors, commitment models', security: optionalBearer, responses: { 200: { description: 'The catalog', ...json(ref('Catalog')) } } },
        put: { summary: 'Replace the catalog (admin)', security: bearer, requestBody: json(ref('Catalog')), responses: { 200: { description: 'The new catalog', ...json(ref('Catalog')) }, ...problems(400, 401, 403, 413) } },
      },
      '/mentors/{id}/slots': {
        get: {
          summary: 'Free slots of one mentor for one session type, starts in [from, to)',
          parameters: [
            idParam('Mentor'),
            { name: 'sessionType', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date-time' } },
            { name: 'to', in: 'query', required: true, schema: { type: 'string', format: 'date-time' } },
          ],
          responses: { 200: { description: 'Free slots, sorted', ...json(list('Slot')) }, ...problems(400, 404) },
        },
      },
      '/mentors/{id}/full-sessions': {
        get: {
          summary: 'Full occurrences of a group session with a start in [from, to): no seat left, a waitlist to join',
          parameters: [
            idParam('Mentor'),
            { name: 'sessionType', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date-time' } },
            { name: 'to', in: 'query', required: true, schema: { type: 'string', format: 'date-time' } },
          ],
          responses: { 200: { description: 'Full occurrences, sorted', ...json(list('Slot')) }, ...problems(400, 404) },
        },
      },
      '/bookings': {
        post: {
          summary: 'Book a slot (atomic: exactly one of two racing requests wins)',
          security: optionalBearer,
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'Retries with the same key and body return the first booking' }],
          requestBody: json(ref('BookingRequest')),
          responses: { 201: { description: 'The booking, with its cancelToken', ...json(ref('Booking')) }, ...problems(400, 404, 409, 413, 415, 422) },
        },
        get: { summary: "The caller's bookings", security: bearer, responses: { 200: { description: 'Bookings', ...json(list('Booking')) }, ...problems(401) } },
      },
      '/bookings/{id}': {
        get: { summary: 'One booking (its mentee, an admin, or with Cancel-Token)', parameters: [idParam('Booking'), cancelTokenHeader], responses: { 200: { description: 'The booking', ...json(ref('Booking')) }, ...problems(403, 404) } },
      },
      '/bookings/{id}/cancel': {
        post: { summary: 'Cancel a booking', parameters: [idParam('Booking'), cancelTokenHeader], responses: { 200: { description: 'The cancelled booking', ...json(ref('Booking')) }, ...problems(403, 404) } },
      },
      '/bookings/{id}/reschedule': {
        post: {
          summary: 'Move a booking to another free slot (atomic)',
          parameters: [idParam('Booking'), cancelTokenHeader],
          requestBody: json({ type: 'object', required: ['start'], properties: { start: { type: 'string', format: 'date-time' } } }),
          responses: { 200: { description: 'The moved booking', ...json(ref('Booking')) }, ...problems(400, 403, 404, 409) },
        },
      },
      '/bookings/{id}/attendance': {
        post: {
          summary: "The mentee's word on their own booking once its session has ended (null takes it back); never against the mentor's record",
          security: bearer,
          parameters: [idParam('Booking')],
          requestBody: json({ type: 'object', required: ['attendance'], properties: { attendance: { anyOf: [schema(Attendance), { type: 'null' }] } } }),
          responses: { 200: { description: 'The booking with attendance and attendanceBy "mentee"', ...json(ref('Booking')) }, ...problems(400, 401, 404, 409) },
        },
      },
      '/mentor/bookings': {
        get: {
          summary: "A mentor's own bookings, any status, by start (a token with role \"mentor\", sub = the mentor id)",
          security: bearer,
          parameters: [
            { name: 'status', in: 'query', required: false, schema: { enum: ['confirmed', 'cancelled'] } },
            { name: 'from', in: 'query', required: false, schema: { type: 'string', format: 'date-time' } },
            { name: 'to', in: 'query', required: false, schema: { type: 'string', format: 'date-time' } },
            { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
          ],
          responses: { 200: { description: 'One page', ...json(ref('MentorBookingPage')) }, ...problems(400, 401, 403) },
        },
      },
      '/mentor/bookings/{id}/attendance': {
        post: {
          summary: "Mark one of the mentor's bookings, once its session has ended, attended or a no-show",
          security: bearer,
          parameters: [idParam('Booking')],
          requestBody: json({ type: 'object', required: ['attendance'], properties: { attendance: schema(Attendance) } }),
          responses: { 200: { description: 'The booking with attendance and attendanceBy "mentor"', ...json(ref('Booking')) }, ...problems(400, 401, 403, 404, 409) },
        },
      },
      '/series': {
        post: {
          summary: 'Book a recurring series: every occurrence at the same wall time in the mentor\'s zone, each checked; all or none (atomic)',
          security: optionalBearer,
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'Retries with the same key and body return the first series' }],
          requestBody: json(ref('SeriesRequest')),
          responses: {
            201: { description: 'The series with its bookings, the starts skipped (skipConflicts) and its cancelToken', ...json(ref('Series')) },
            ...problems(400, 404, 413, 415, 422),
            409: {
              description: 'An occurrence is not free (and skipConflicts is not set): `conflicts` lists the starts; or a booking policy refused (the issue path names the rule)',
              content: { 'application/problem+json': { schema: { allOf: [ref('Problem'), { type: 'object', properties: { conflicts: { type: 'array', items: { type: 'string', format: 'date-time' } } } }] } } },
            },
          },
        },
      },
      '/series/{id}': {
        get: { summary: 'One series with all its bookings (its mentee, an admin, or with Cancel-Token)', parameters: [idParam('Series'), cancelTokenHeader], responses: { 200: { description: 'The series', ...json(ref('Series')) }, ...problems(403, 404) } },
      },
      '/series/{id}/cancel': {
        post: {
          summary: "Cancel the series' occurrences starting at or after `from` (all without it); one occurrence alone: POST /bookings/{id}/cancel with the series' token",
          parameters: [idParam('Series'), cancelTokenHeader],
          requestBody: { required: false, ...json({ type: 'object', properties: { from: { type: 'string', format: 'date-time' } } }) },
          responses: { 200: { description: 'The series after cancelling', ...json(ref('Series')) }, ...problems(400, 403, 404, 409) },
        },
      },
      '/waitlist': {
        post: {
          summary: 'Join the waitlist of a full group session (the body is a booking request for the occurrence). When a seat frees, the first in line is promoted to a booking atomically (first come, first served)',
          security: optionalBearer,
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'Retries with the same key and body return the first entry' }],
          requestBody: json(ref('BookingRequest')),
          responses: {
            201: { description: 'The entry (`waiting`, with its `position`) and its cancelToken, which later also cancels the promoted booking', ...json(ref('WaitlistEntry')) },
            ...problems(400, 404, 413, 415, 422),
            409: { description: 'Not full (issue path `waitlist.seatsLeft`: book the seat), no such occurrence, already started, or the visitor already has a seat or waits', content: { 'application/problem+json': { schema: ref('Problem') } } },
          },
        },
        get: { summary: "The caller's waitlist entries", security: bearer, responses: { 200: { description: 'Entries', ...json(list('WaitlistEntry')) }, ...problems(401) } },
      },
      '/waitlist/{id}': {
        get: {
          summary: 'One entry (its mentee, an admin, or with Cancel-Token): `waiting` with its position, `promoted` with its booking, or `left`',
          parameters: [idParam('Waitlist entry'), cancelTokenHeader],
          responses: { 200: { description: 'The entry', ...json(ref('WaitlistEntry')) }, ...problems(403, 404) },
        },
      },
      '/waitlist/{id}/leave': {
        post: {
          summary: 'Leave the line (409 once promoted: cancel the booking instead)',
          parameters: [idParam('Waitlist entry'), cancelTokenHeader],
          responses: { 200: { description: 'The entry, `left`', ...json(ref('WaitlistEntry')) }, ...problems(403, 404, 409) },
        },
      },
      '/sessions': {
        get: {
          summary: "The caller's sessions, paged by id",
          security: bearer,
          parameters: [
            { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 200 } },
          ],
          responses: { 200: { description: 'One page', ...json(list('Session', true)) }, ...problems(400, 401) },
        },
        post: {
          summary: 'Create (201) or, with an id the caller owns, replace (200) a session',
          security: bearer,
          requestBody: json({ oneOf: [ref('Session'), ref('SessionInput')] }),
          responses: { 200: { description: 'Replaced', ...json(ref('Session')) }, 201: { description: 'Created', ...json(ref('Session')) }, ...problems(400, 401, 409, 413, 415) },
        },
      },
      '/sessions/{id}': {
        get: { summary: 'One of the caller\'s sessions', security: bearer, parameters: [idParam('Session')], responses: { 200: { description: 'The session', ...json(ref('Session')) }, ...problems(401, 404) } },
        patch: { summary: 'Change some fields', security: bearer, parameters: [idParam('Session')], requestBody: json(ref('SessionPatch')), responses: { 200: { description: 'The session', ...json(ref('Session')) }, ...problems(400, 401, 404) } },
        delete: { summary: 'Delete', security: bearer, parameters: [idParam('Session')], responses: { 204: { description: 'Deleted' }, ...problems(401, 404) } },
      },
    },
  };
}
