import { expect } from '@open-wc/testing';
import {
  csvField,
  parseCsv,
  readSessionsJson,
  SESSION_CSV_COLUMNS,
  sessionsToCsv,
  sessionsToJson,
  toCsv,
} from '../../src/sdk/export/csv.js';
import { MentorshipError } from '../../src/sdk/errors.js';
import type { Session } from '../../src/sdk/schemas.js';

const session = (over: Partial<Session> = {}): Session => ({
  id: 's-1',
  start: '2026-01-05T09:00:00.000Z',
  minutes: 90,
  activity: 'code-review',
  mentor: 'Lena Hoffmann',
  notes: '',
  tags: [],
  source: 'manual',
  createdAt: '2026-01-05T10:31:00.000Z',
  updatedAt: '2026-01-05T10:31:00.000Z',
  ...over,
});

describe('CSV (RFC 4180)', () => {
  it('quotes only fields with commas, quotes or line breaks, doubling quotes', () => {
    expect(csvField('plain text')).to.equal('plain text');
    expect(csvField('a,b')).to.equal('"a,b"');
    expect(csvField('say "hi"')).to.equal('"say ""hi"""');
    expect(csvField('line 1\nline 2')).to.equal('"line 1\nline 2"');
    expect(csvField('cr\rhere')).to.equal('"cr\rhere"');
    expect(csvField(90)).to.equal('90');
    expect(csvField(undefined)).to.equal('');
  });

  it('neutralises cells a spreadsheet would run as a formula: =, +, -, @, tab and CR first', () => {
    for (const notes of ['=HYPERLINK("http://evil.example","Click")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1']) {
      const rows = parseCsv(sessionsToCsv([session({ notes, mentor: notes })]));
      expect([rows[1]![5], rows[1]![6]]).to.deep.equal([`'${notes}`, `'${notes}`]);
    }
    expect(csvField('=1+1')).to.equal("'=1+1");
    expect(csvField('a = b - c')).to.equal('a = b - c'); // only a first character counts
    expect(csvField('2026-01-05T09:00:00.000Z')).to.equal('2026-01-05T09:00:00.000Z');
  });

  it('ends every record with CRLF', () => {
    expect(toCsv([['a', 'b'], ['1', 'x,y']])).to.equal('a,b\r\n1,"x,y"\r\n');
  });

  it('writes a header row and one row per session, with the end computed', () => {
    const csv = sessionsToCsv([session({ tags: ['design', 'api'], bookingId: 'b-9', source: 'booking' })]);
    const [header, row, ...rest] = csv.split('\r\n');
    expect(header).to.equal('id,start,end,minutes,activity,mentor,notes,tags,source,bookingId,createdAt,updatedAt');
    expect(row).to.equal(
      's-1,2026-01-05T09:00:00.000Z,2026-01-05T10:30:00.000Z,90,code-review,Lena Hoffmann,,design; api,booking,b-9,2026-01-05T10:31:00.000Z,2026-01-05T10:31:00.000Z',
    );
    expect(rest).to.deep.equal(['']);
  });

  it('round-trips notes with commas, quotes and newlines through a parser', () => {
    const notes = 'Reviewed "auth", then logging,\r\nand next:\n- tests';
    const csv = sessionsToCsv([session({ notes }), session({ id: 's-2', mentor: 'Reed, Marcus' })]);
    const rows = parseCsv(csv);
    expect(rows).to.have.length(3);
    expect(rows[0]).to.deep.equal([...SESSION_CSV_COLUMNS]);
    expect(rows[1]![6]).to.equal(notes);
    expect(rows[2]![5]).to.equal('Reed, Marcus');
    expect(rows.every((r) => r.length === SESSION_CSV_COLUMNS.length)).to.equal(true);
  });
});

describe('JSON export format', () => {
  it('round-trips sessions in a versioned envelope', () => {
    const sessions = [session({ notes: '<img src=x onerror=alert(1)>' }), session({ id: 's-2', tags: ['a'] })];
    const text = sessionsToJson(sessions, '2026-01-07T12:00:00.000Z');
    const data = JSON.parse(text);
    expect(data.format).to.equal('mentorship-kit.sessions');
    expect(data.version).to.equal(1);
    expect(data.exportedAt).to.equal('2026-01-07T12:00:00.000Z');
    expect(readSessionsJson(text)).to.deep.equal(sessions);
  });

  const failure = (text: string) => {
    try {
      readSessionsJson(text);
    } catch (error) {
      expect(MentorshipError.is(error)).to.equal(true);
      return (error as MentorshipError).message;
    }
    throw new Error('expected a failure');
  };

  it('says why a file is unusable', () => {
    expect(failure('{"format": "mentorship-kit.sessions", ')).to.match(/^The file is not JSON \(/);
    expect(failure('[1, 2]')).to.equal('The file is not a session export: "format" must be "mentorship-kit.sessions"');
    expect(failure('{"format":"mentorship-kit.sessions","version":2,"sessions":[]}')).to.equal(
      'Unsupported export version 2; this version reads 1',
    );
    expect(failure('{"format":"mentorship-kit.sessions","version":1}')).to.equal('The file has no "sessions" list');
  });

  it('says a JSON value that is not an object is not a session export', () => {
    for (const text of ['null', '42', '"mentorship-kit.sessions"', 'true']) {
      expect(failure(text)).to.equal('The file is not a session export: "format" must be "mentorship-kit.sessions"');
    }
  });
});
