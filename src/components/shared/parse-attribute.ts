/**
 * Attribute values arrive as strings a site owner typed. These parse them without throwing:
 * `{ ok: false, message }` names what was wrong so the element can show it.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseNumberAttribute(
  raw: string | null | undefined,
  { min, max, integer = false }: { min?: number; max?: number; integer?: boolean },
): Parsed<number> {
  const text = (raw ?? '').trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) return { ok: false, message: `"${raw ?? ''}" is not a number` };
  if (integer && !Number.isInteger(value)) return { ok: false, message: `${value} is not a whole number` };
  if (min !== undefined && value < min) return { ok: false, message: `${value} is below the minimum of ${min}` };
  if (max !== undefined && value > max) return { ok: false, message: `${value} is above the maximum of ${max}` };
  return { ok: true, value };
}

export function parseEnumAttribute<T extends string>(raw: string | null | undefined, allowed: readonly T[]): Parsed<T> {
  const text = (raw ?? '').trim() as T;
  if (allowed.includes(text)) return { ok: true, value: text };
  return { ok: false, message: `"${raw ?? ''}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}` };
}
