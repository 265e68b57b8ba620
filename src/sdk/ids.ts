/** A random id that sorts roughly by creation time: "<time base36>-<random>". */
export function newId(prefix = ''): string {
  const random = crypto.getRandomValues(new Uint32Array(2));
  const tail = Array.from(random, (n) => n.toString(36).padStart(7, '0')).join('');
  return `${prefix}${Date.now().toString(36)}-${tail}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
