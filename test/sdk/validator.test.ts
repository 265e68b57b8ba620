/**
 * The browser validates with JSON Schemas generated from the zod schemas. These tests hold the
 * two to the same answers, and fail when the generated file is stale.
 */
import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
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
  ['Plan', {}],
  ['Plan', { weeklyHours: 5.5, roleId: 'mentee', menteesPerMentor: 3 }],
  ['Plan', { weeklyHours: -1 }],
  ['Plan', { menteesPerMentor: 2.5 }],
  ['SessionPatch', { minutes: 30 }],
  ['SessionPatch', { minutes: 31 }],
];

describe('generated validators', () => {
  it('agree with the zod schemas on valid and broken values (result, data and failing paths)', () => {
    for (const [name, value] of cases) {
      const zodResult = z.safeParse(S[name as keyof typeof S] as z.ZodMiniType, value);
      const ours = check(V[name] as any, value);
      const label = `${name} ${JSON.stringify(value)?.slice(0, 80)}`;
      expect(ours.success, label).to.equal(zodResult.success);
      if (ours.success && zodResult.success) expect(ours.data, label).to.deep.equal(zodResult.data);
      if (!ours.success && !zodResult.success) {
        const zodPaths = zodResult.error.issues.map((i) => i.path.join('.') || '(root)');
        expect(zodPaths, label).to.include(ours.issues[0]!.path);
      }
    }
  });

  it('are up to date with src/sdk/schemas.ts', async () => {
    // The generator runs in Node; here we compare the shipped pool with a fresh toJSONSchema.
    const registry = z.registry<{ id: string }>();
    for (const [name, value] of Object.entries(S)) {
      if (value && typeof value === 'object' && '_zod' in value) registry.add(value as z.ZodMiniType, { id: name });
    }
    const { schemas } = z.toJSONSchema(registry, { io: 'input', uri: (id) => id, unrepresentable: 'any' }) as any;
    for (const json of Object.values<any>(schemas)) {
      delete json.$schema;
      delete json.$id;
    }
    expect((V.Catalog as any).pool, 'run `npm run gen` after changing src/sdk/schemas.ts').to.deep.equal(schemas);
  });

  it('name the failing path and say what was expected', () => {
    const result = check(V.Session, { ...session, minutes: 50 });
    expect(result.success).to.equal(false);
    if (!result.success) expect(result.issues).to.deep.equal([{ path: 'minutes', message: 'must be a multiple of 15' }]);
  });
});
