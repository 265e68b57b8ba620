import { expect } from '@open-wc/testing';
import { escapeIcsText, foldIcsLine, icsDateTime, toIcs } from '../../src/sdk/export/ics.js';

const octets = (line: string) => new TextEncoder().encode(line).length;
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('ICS writer', () => {
  const event = {
    uid: 'b-123@mentorship-kit',
    start: '2026-03-03T09:00:00.000Z',
    end: '2026-03-03T10:00:00.000Z',
    stamp: '2026-03-01T12:30:45.000Z',
    summary: '1:1 coaching with Lena Hoffmann',
    description: 'Goals: design, influence; delivery\\ship\nSecond line',
    status: 'CONFIRMED' as const,
    sequence: 2,
  };

  it('writes one VEVENT in UTC with CRLF line ends', () => {
    const text = toIcs([event]);
    expect(text.endsWith('\r\n')).to.equal(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).to.equal(false);
    const lines = unfold(text).split('\r\n');
    expect(lines.slice(0, 5)).to.deep.equal(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//mentorship-kit//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']);
    expect(lines).to.include.members([
      'BEGIN:VEVENT',
      'UID:b-123@mentorship-kit',
      'DTSTAMP:20260301T123045Z',
      'DTSTART:20260303T090000Z',
      'DTEND:20260303T100000Z',
      'SUMMARY:1:1 coaching with Lena Hoffmann',
      'DESCRIPTION:Goals: design\\, influence\\; delivery\\\\ship\\nSecond line',
      'STATUS:CONFIRMED',
      'SEQUENCE:2',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });

  it('escapes backslash, semicolon, comma and every kind of newline', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf\rg')).to.equal('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('formats instants as UTC basic format', () => {
    expect(icsDateTime('2026-10-25T01:30:00Z')).to.equal('20261025T013000Z');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const long = 'DESCRIPTION:' + 'Zielsetzung für Führungskräfte – '.repeat(8);
    const folded = foldIcsLine(long);
    const parts = folded.split('\r\n');
    expect(parts.length).to.be.greaterThan(1);
    for (const [i, part] of parts.entries()) {
      expect(octets(part)).to.be.at.most(75);
      if (i > 0) expect(part.startsWith(' ')).to.equal(true);
    }
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).to.equal(long);
    expect(octets(parts[0]!)).to.be.within(73, 75);
    expect(foldIcsLine('SHORT:x')).to.equal('SHORT:x');
    // Exactly 75 octets stays on one line; 76 folds.
    expect(foldIcsLine('X:' + 'a'.repeat(73))).to.equal('X:' + 'a'.repeat(73));
    expect(foldIcsLine('X:' + 'a'.repeat(74))).to.equal('X:' + 'a'.repeat(73) + '\r\n a');
  });

  it('folds long lines inside a whole calendar and keeps every physical line within 75 octets', () => {
    const text = toIcs([{ ...event, summary: 'S'.repeat(200), description: 'é'.repeat(100) }], { name: 'Bookings, mine' });
    for (const line of text.split('\r\n')) expect(octets(line)).to.be.at.most(75);
    const lines = unfold(text).split('\r\n');
    expect(lines).to.include('SUMMARY:' + 'S'.repeat(200));
    expect(lines).to.include('DESCRIPTION:' + 'é'.repeat(100));
    expect(lines).to.include('X-WR-CALNAME:Bookings\\, mine');
  });
});
