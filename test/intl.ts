/**
 * Expected text for what the elements format with Intl. Browsers ship different ICU versions, and
 * they differ in the spaces (U+0020, U+00A0 no-break, U+202F narrow no-break, U+2009 thin: "5:00 – 6:00 pm"
 * in one Chromium, "5:00 – 6:00 pm" in another) and sometimes in more. So a test builds its expected
 * text with the same Intl call the element makes, and compares text with every space made plain.
 */

/** Text with each run of whitespace (any Unicode space) as one plain space, trimmed. */
export const plain = (value: string | null | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();

export const dateText = (locale: string, value: string | number | Date, options: Intl.DateTimeFormatOptions): string =>
  plain(new Intl.DateTimeFormat(locale, options).format(new Date(value)));

export const dateRangeText = (locale: string, start: string | number, end: string | number, options: Intl.DateTimeFormatOptions): string =>
  plain(new Intl.DateTimeFormat(locale, options).formatRange(new Date(start), new Date(end)));

export const unitText = (locale: string, value: number, unit: string, options: Intl.NumberFormatOptions = {}): string =>
  plain(new Intl.NumberFormat(locale, { style: 'unit', unit, ...options }).format(value));

/** "a, b, and c" in `locale`, as the elements join lists (Intl.ListFormat, long conjunction). */
export const listText = (locale: string, items: string[]): string =>
  plain(new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items));
