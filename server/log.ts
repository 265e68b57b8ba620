/**
 * Structured logs (pino, one JSON line each): request id, route, status and latency per request.
 * Personal fields are redacted wherever they appear, so a log line never carries a visitor's
 * name, email or message, a mentee's notes, a token or a query's parameters.
 */
import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = Pick<PinoLogger, 'info' | 'warn' | 'error' | 'debug'>;

const PERSONAL = ['name', 'email', 'message', 'goals', 'notes', 'cancelToken', 'token', 'authorization', 'parameters', 'detail'];

export const REDACT_PATHS = [...PERSONAL, ...PERSONAL.map((key) => `*.${key}`), 'err.detail', 'err.parameters', 'booking.message', 'body.message', 'request.message', 'headers["cancel-token"]'].filter(
  // an error's own message is needed to find a bug; it never holds query parameters
  (path) => path !== '*.message',
);

export function createLogger(level = 'info', destination?: NodeJS.WritableStream): PinoLogger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { pid: process.pid } }, destination as never);
}

export const silentLogger: Logger = pino({ level: 'silent' });
