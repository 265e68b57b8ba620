/**
 * The browser validates with checks generated from the zod schemas. These tests hold the
 * two to the same answers, and fail when the generated file is stale.
 */
import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import * as z from 'zod/mini';
import { generateValidators } from '../../scripts/gen-validators.js';
import { DEMO_CATALOG } from '../../src/sdk/catalog/demo-catalog.js';
import * as V from '../../src/sdk/generated/validators.js';
import * as S from '../../src/sdk/schemas.js';
import { check } from '../../src/sdk/validator.js';

const session = { id: 's1', start: '2026-01-05T10:00:00.000Z', minutes: 45, activity: 'one-on-one', createdAt: '2026-01-05T10:00:00Z', updatedAt: '2026-01-05T10:00:00Z' };
const booking = {
  id: 'b1', mentorId: 'lena-hoffmann', sessionTypeId: 'one-on-one', start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z',
  timeZone: 'Europe/Berlin', name: 'Ada', email: 'ada@example.com', careerLevel: 'senior', goals: '', message: '',
  status: 'confirmed', createdAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-01T09:00:00Z',
};

/** [schema name, value] pairs, valid and broken, that both validators must judge alike. */
const cases: [keyof typeof V, unknown][] = [
  ['Catalog', DEMO_CATALOG],
  ['Catalog', { ...DEMO_CATALOG, version: 2 }],
  ['Catalog', { ...DEMO_CATALOG, programs: [{ ...DEMO_CATALOG.programs[0], title: '   ' }] }],
  ['Catalog', { ...DEMO_CATALOG, mentors: [{ ...DEMO_CATALOG.mentors[0], timeZone: 'Mars/Base' }] }],
  ['Catalog', { ...DEMO_CATALOG, mentors: [{ ...DEMO_CATALOG.mentors[0], weekly: [{ day: 8, start: '09:00', end: '10:00' }] }] }],
  ['CommitmentModel', DEMO_CATALOG.commitmentModels[0]],
  ['CommitmentModel', DEMO_CATALOG.commitmentModels[1]],
  ['CommitmentModel', { kind: 'pyramid', id: 'x', name: 'x' }],
  ['CommitmentModel', { kind: 'tiered', id: 'x', name: 'x', roles: [], activities: [] }],
  ['CommitmentModel', { kind: 'tiered', id: 'x', name: 'x', roles: [{ id: 'a', name: 'A', tier: 0 }], activities: [{ id: 'y', name: 'Y', hours: { a: { fixed: 'two' } } }] }],
  ['Session', session],
  ['Session', { ...session, minutes: 50 }],
  ['Session', { ...session, minutes: 615 }],
  ['Session', { ...session, start: '2026-01-05 10:00' }],
  ['Session', { ...session, notes: 'x'.repeat(2001) }],
  ['Session', { ...session, tags: ['ok', ''] }],
  ['Session', { ...session, extra: 'dropped' }],
  ['Session', null],
  ['Session', []],
  ['Booking', booking],
  ['Booking', { ...booking, email: 'not-an-email' }],
  ['Booking', { ...booking, careerLevel: 'wizard' }],
  ['Booking', { ...booking, status: undefined }],
  ['Booking', { ...booking, careerLevel: undefined, email: undefined }],
  ['CommitmentModel', { kind: 'pyramid', id: 'x', name: 'x', roles: [], activities: [] }],
  ['TieredActivity', { id: 'y', name: 'Y', hours: 3 }],
  ['Price', { min: -1, max: 1, currency: 'usd', unit: 'year' }],
  ['Mentor', { id: 'm', name: 'M', timeZone: 'UTC', sessionTypeIds: [], weekly: [], rules: { slotIntervalMinutes: 2, minimumNoticeMinutes: 2 ** 60 } }],
  ['Plan', {}],
  ['Plan', { weeklyHours: 5.5, roleId: 'mentee', menteesPerMentor: 3 }],
  ['Plan', { weeklyHours: -1 }],
  ['Plan', { menteesPerMentor: 2.5 }],
  ['SessionPatch', { minutes: 30 }],
  ['SessionPatch', { minutes: 31 }],
  // A record key that is also an Object.prototype name is an ordinary key.
  ['TieredActivity', { id: 'y', name: 'Y', hours: { toString: { fixed: 1 } } }],
  ['TieredActivity', { id: 'y', name: 'Y', hours: { constructor: { fixed: 'two' } } }],
];

describe('generated validators', () => {
  it('agree with the zod schemas on valid and broken values (result, data, failing paths and messages)', () => {
    for (const [name, value] of cases) {
      const zodResult = z.safeParse(S[name as keyof typeof S] as z.ZodMiniType, value);
      const ours = check(V[name] as any, value);
      const label = `${name} ${JSON.stringify(value)?.slice(0, 80)}`;
      expect(ours.success, label).to.equal(zodResult.success);
      if (ours.success && zodResult.success) expect(ours.data, label).to.deep.equal(zodResult.data);
      if (!ours.success && !zodResult.success) {
        // One set of messages: every issue the browser reports, zod (the server, mentorship-kit/schemas)
        // reports in the same words at the same path. (zod may report more: it runs every check.)
        const zodIssues = zodResult.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
        for (const issue of ours.issues) expect(zodIssues, label).to.include(`${issue.path}: ${issue.message}`);
      }
    }
  });

  it('word zod\'s issues as the browser does, never zod/mini\'s bare "Invalid input"', () => {
    const messages = (name: keyof typeof S, value: unknown) => {
      const result = z.safeParse(S[name] as z.ZodMiniType, value);
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    };
    expect(messages('Booking', { ...booking, email: 'not-an-email', careerLevel: undefined, start: '2026-03-02 09:00' })).to.deep.equal([
      'start: must be an ISO date-time in UTC (…Z)',
      'email: must be an email address',
      'careerLevel: is required',
    ]);
    expect(messages('SessionInput', { start: '2026-01-05T10:00:00Z', minutes: 50, activity: 'a b', tags: [''] })).to.deep.equal([
      'minutes: must be a multiple of 15',
      'activity: has an invalid format',
      'tags.0: must not be empty',
    ]);
    expect(messages('CommitmentModel', { kind: 'pyramid' })).to.deep.equal(['kind: expected one of "tiered", "cadence"']);
    for (const [name, value] of cases) for (const message of messages(name as keyof typeof S, value)) expect(message).not.to.contain('Invalid input');
  });

  it('are up to date with src/sdk/schemas.ts and the generator', async () => {
    const files = Object.entries(generateValidators());
    expect(files.map(([file]) => file).sort()).to.deep.equal(['src/sdk/generated/commitment-model.ts', 'src/sdk/generated/validators.ts']);
    for (const [file, text] of files) {
      const shipped = await readFile({ path: `../../${file}` });
      expect(shipped === text, `${file} is stale: run \`npm run gen\``).to.equal(true);
    }
  });

  it('check ISO dates and instants as zod does, on every day of many years', () => {
    const years = ['0000', '0001', '0004', '0100', '0400', '1600', '1700', '1800', '1900', '2000', '2100', '2400', '9996', '9999'];
    for (let year = 1995; year <= 2030; year++) years.push(String(year));
    const twoDigits = (n: number) => String(n).padStart(2, '0');
    for (const year of years) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const date = `${year}-${twoDigits(month)}-${twoDigits(day)}`;
          expect(check(V.IsoDate, date).success, date).to.equal(z.safeParse(S.IsoDate, date).success);
          const instant = `${date}T12:30:00Z`;
          expect(check(V.Instant, instant).success, instant).to.equal(z.safeParse(S.Instant, instant).success);
        }
      }
    }
    // The leap-year rule (every 4th year, not every 100th, every 400th) in every year zod accepts.
    for (let year = 0; year <= 9999; year++) {
      for (const monthDay of ['02-28', '02-29', '02-30', '12-31']) {
        const date = `${String(year).padStart(4, '0')}-${monthDay}`;
        expect(check(V.IsoDate, date).success, date).to.equal(z.safeParse(S.IsoDate, date).success);
      }
    }
    const times = ['00:00:00', '23:59:59', '24:00:00', '23:60:00', '23:59:60', '9:00:00', '09:0:00', '09:00', '09:00:00.', '09:00:00.1', '09:00:00.123456789', '09:00:00,1'];
    const odd = ['2024-02-29', '2024-2-29', '20240229', '+002024-02-29', '２０２４-02-29', '2024-02-29 ', ' 2024-02-29', '2024-02-29\n', '', 'x'];
    for (const text of [...odd, ...odd.map((date) => `${date}T09:00:00Z`)]) {
      expect(check(V.IsoDate, text).success, text).to.equal(z.safeParse(S.IsoDate, text).success);
      expect(check(V.Instant, text).success, text).to.equal(z.safeParse(S.Instant, text).success);
    }
    for (const time of times) {
      for (const zone of ['Z', 'z', '', '+00:00', '+01:00', 'ZZ']) {
        for (const text of [`2024-02-29T${time}${zone}`, `2024-02-29t${time}${zone}`, `2024-02-29 ${time}${zone}`, `2023-02-29T${time}${zone}`]) {
          expect(check(V.Instant, text).success, text).to.equal(z.safeParse(S.Instant, text).success);
        }
      }
    }
  });

  it('report every broken path with the same messages as before', () => {
    const issues = (name: keyof typeof V, value: unknown) => {
      const result = check(V[name] as any, value);
      return result.success ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
    };
    expect(issues('Session', null)).to.deep.equal(['(root): expected object, received null']);
    expect(issues('Session', { start: '2026-01-05T10:00:00Z', minutes: 7.5, activity: '', tags: 'x' })).to.deep.equal([
      'minutes: expected a whole number, received number',
      'activity: must not be empty',
      'tags: expected array, received string',
      'id: is required',
      'createdAt: is required',
      'updatedAt: is required',
    ]);
    expect(issues('Session', { ...session, start: '2026-02-29T10:00:00Z', minutes: 615, activity: 'a b', tags: Array(21).fill('t') })).to.deep.equal([
      'start: must be an ISO date-time in UTC (…Z)',
      'minutes: must be at most 600',
      'activity: has an invalid format',
      'tags: must have at most 20 items',
    ]);
    const broken = { ...booking, mentorId: 1, sessionTypeId: 'x'.repeat(101), start: '2026-01-05', timeZone: 'Mars/Base', name: ' ', email: 'not-an-email', careerLevel: 'wizard', goals: 'x'.repeat(1001) };
    expect(issues('Booking', broken)).to.deep.equal([
      'mentorId: expected string, received integer',
      'sessionTypeId: must be at most 100 characters',
      'start: must be an ISO date-time in UTC (…Z)',
      'timeZone: Unknown IANA time zone',
      'name: has an invalid format',
      'email: must be an email address',
      'careerLevel: expected one of "student", "junior", "mid", "senior", "staff", "manager", "director", "other"',
      'goals: must be at most 1000 characters',
    ]);
    expect(issues('CadenceItem', { id: 'c', name: 'C', frequency: 'daily', minutes: 0 })).to.deep.equal([
      'frequency: expected one of "weekly", "biweekly", "monthly", "as-needed"',
      'minutes: must be more than 0',
    ]);
    // A discriminator that matches neither shape: one issue at it, as zod reports it.
    expect(issues('CommitmentModel', { kind: 'pyramid' })).to.deep.equal(['kind: expected one of "tiered", "cadence"']);
    expect(issues('CommitmentModel', { kind: 'cadence', id: 'c', name: 'C', roles: [], sessions: [] })).to.deep.equal([
      'roles: must have at least 1 items',
      'sessions: must have at least 1 items',
    ]);
    expect(issues('Catalog', { version: 2, programs: {}, sessionTypes: [], mentors: [], commitmentModels: [] })).to.deep.equal([
      'version: expected 1',
      'programs: expected array, received object',
    ]);
    expect(issues('DateOverride', { date: '2026-02-30', windows: [{ start: '24:00', end: '24:01' }] })).to.deep.equal([
      'date: must be a date (YYYY-MM-DD)',
      'windows.0.end: has an invalid format',
    ]);
    const mentor = { id: 'm', name: 'M', timeZone: 'UTC', sessionTypeIds: [], weekly: [], rules: { slotIntervalMinutes: 2, minimumNoticeMinutes: 2 ** 60 } };
    expect(issues('Mentor', mentor)).to.deep.equal(['rules.slotIntervalMinutes: must be at least 5', 'rules.minimumNoticeMinutes: must be at most 9007199254740991']);
    expect(issues('Price', { min: -1, max: 1, currency: 'usd', unit: 'year' })).to.deep.equal([
      'min: must be at least 0',
      'currency: has an invalid format',
      'unit: expected one of "month", "person-month"',
    ]);
  });

  it('fill no defaults into a session patch: a default would overwrite the stored value', () => {
    expect(check(V.SessionPatch, { minutes: 90 })).to.deep.equal({ success: true, data: { minutes: 90 } });
    expect(z.parse(S.SessionPatch, { minutes: 90 })).to.deep.equal({ minutes: 90 });
  });

  it('give every missing key with a default its own copy', () => {
    const first = check(V.Session, session);
    const second = check(V.Session, session);
    if (!first.success || !second.success) throw new Error('valid session rejected');
    first.data.tags.push('mutated');
    expect(second.data.tags).to.deep.equal([]);
    expect(check(V.Session, session)).to.deep.equal({ success: true, data: { ...session, mentor: '', notes: '', tags: [], source: 'manual' } });
  });

  it('name the failing path and say what was expected', () => {
    const result = check(V.Session, { ...session, minutes: 50 });
    expect(result.success).to.equal(false);
    if (!result.success) expect(result.issues).to.deep.equal([{ path: 'minutes', message: 'must be a multiple of 15' }]);
  });
});
