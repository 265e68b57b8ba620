/**
 * Input hygiene the shared schemas leave to the server: text PostgreSQL cannot store (NUL) or
 * that is not Unicode (lone surrogates), instants outside the years 1970–9999, and names made
 * only of invisible characters.
 */
import type { ValidationIssue } from '../src/sdk/errors.js';

// With the `u` flag a surrogate pair is one code point, so this matches only lone halves.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Why `text` cannot be stored, or null when it can. */
export function badText(text: string): string | null {
  if (text.includes('\0')) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it holds a lone surrogate)';
  return null;
}

/** Every string (and object key) in a parsed JSON value that cannot be stored, with its path. */
export function badTextIssues(value: unknown, path: string[] = [], out: ValidationIssue[] = []): ValidationIssue[] {
  if (out.length >= 20) return out;
  const at = (p: string[]) => p.join('.') || '(root)';
  if (typeof value === 'string') {
    const why = badText(value);
    if (why) out.push({ path: at(path), message: `Text ${why}` });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => badTextIssues(item, [...path, String(i)], out));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const why = badText(key);
      if (why) out.push({ path: at(path), message: `A key ${why}` });
      else badTextIssues(item, [...path, key], out);
    }
  }
  return out;
}

const MIN_MS = Date.UTC(1970, 0, 1);
const MAX_MS = Date.UTC(10000, 0, 1);

/** An issue when the instant lies outside the years 1970–9999 (PostgreSQL has no year 0). */
export function instantIssue(iso: string | undefined, path: string): ValidationIssue | null {
  if (iso === undefined) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && ms >= MIN_MS && ms < MAX_MS ? null : { path, message: 'Must be an instant in the years 1970–9999' };
}

// Letters, digits, symbols or punctuation, minus the blank-looking ones that are not
// White_Space: zero-width characters are Cf (excluded), Hangul fillers and the braille blank are not.
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;
const LOOKS_BLANK = /[\u115F\u1160\u2800\u3164\uFFA0]/gu;

/** True when a person could read at least one character of `text`. */
export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE.test(text.replace(LOOKS_BLANK, ''));
}
