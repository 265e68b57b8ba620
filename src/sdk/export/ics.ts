/**
 * iCalendar (RFC 5545) writer: one VCALENDAR with VEVENTs in UTC. Escapes `\` `;` `,` and
 * newlines in text, ends lines with CRLF and folds them at 75 octets (UTF-8 aware).
 */
export interface IcsEvent {
  uid: string;
  /** ISO instants. */
  start: string;
  end: string;
  summary: string;
  description?: string;
  location?: string;
  /** When the data was made; defaults to now. */
  stamp?: string;
  status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  /** Bumped on every change so calendars replace the old copy (reschedule, cancel). */
  sequence?: number;
}

export function escapeIcsText(text: string): string {
  return text.replace(/[\\;,]/g, '\\$&').replace(/\r\n?|\n/g, '\\n');
}

/** "2026-03-29T07:00:00.000Z" → "20260329T070000Z". */
export function icsDateTime(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]|\.\d+/g, '');
}

const encoder = new TextEncoder();

/** Folds one content line at 75 octets, never splitting a UTF-8 character. */
export function foldIcsLine(line: string): string {
  let folded = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > 75) {
      folded += '\r\n '; // a continuation line starts with a space, its first octet
      octets = 1;
    }
    folded += char;
    octets += size;
  }
  return folded;
}

export function toIcs(events: IcsEvent[], options: { productId?: string; name?: string } = {}): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${options.productId ?? '-//mentorship-kit//EN'}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeIcsText(options.name)}`);
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeIcsText(event.uid)}`,
      `DTSTAMP:${icsDateTime(event.stamp ?? new Date().toISOString())}`,
      `DTSTART:${icsDateTime(event.start)}`,
      `DTEND:${icsDateTime(event.end)}`,
      `SUMMARY:${escapeIcsText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeIcsText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeIcsText(event.location)}`);
    if (event.status) lines.push(`STATUS:${event.status}`);
    if (event.sequence !== undefined) lines.push(`SEQUENCE:${event.sequence}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
