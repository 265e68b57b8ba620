import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { DEMO_CATALOG } from '../../src/sdk/catalog/demo-catalog.js';
import { MentorshipError } from '../../src/sdk/errors.js';
import * as V from '../../src/sdk/generated/validators.js';
import { Booking, Catalog, Session } from '../../src/sdk/schemas.js';
import { parseOrThrow } from '../../src/sdk/validate.js';

describe('schemas', () => {
  it('accept the built-in demo catalog', () => {
    const parsed = parseOrThrow(V.Catalog, DEMO_CATALOG, 'catalog');
    expect(parsed.programs.map((p) => p.id)).to.include.members(['technical-leadership', 'management-transition', 'group-mentorship', 'three-tier-community']);
    expect(parsed.mentors.map((m) => m.timeZone)).to.include('Asia/Kolkata');
  });

  it('fill in the defaults the demo catalog leaves out, as zod does', () => {
    // Parsing it again (zod on the server side, the generated validators in the browser) changes
    // nothing: every default is already there, though no validator runs when the module loads.
    expect(z.parse(Catalog, DEMO_CATALOG)).to.deep.equal(DEMO_CATALOG);
    expect(parseOrThrow(V.Catalog, structuredClone(DEMO_CATALOG), 'catalog')).to.deep.equal(DEMO_CATALOG);
    const lena = DEMO_CATALOG.mentors.find((m) => m.id === 'lena-hoffmann')!;
    expect([lena.bio, lena.overrides]).to.deep.equal(['', []]);
    expect(lena.rules).to.deep.equal({ slotIntervalMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 15, minimumNoticeMinutes: 720, horizonDays: 60, maxPerDay: 4 });
    const marcus = DEMO_CATALOG.mentors.find((m) => m.id === 'marcus-reed')!;
    expect(marcus.rules).to.deep.equal({ slotIntervalMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minimumNoticeMinutes: 1440, horizonDays: 45 });
    for (const program of DEMO_CATALOG.programs) expect(program.phases, program.id).to.be.an('array');
    expect(DEMO_CATALOG.programs.find((p) => p.id === 'group-mentorship')!.deliveryOptions).to.deep.equal([]);
  });

  it('holds the seed figures: prices, group size and session cadence', () => {
    const group = DEMO_CATALOG.programs.find((p) => p.id === 'group-mentorship')!;
    expect(group.price).to.deep.equal({ min: 1500, max: 2500, currency: 'USD', unit: 'person-month' });
    expect(group.groupSize).to.deep.equal({ min: 4, max: 6 });
    const individual = DEMO_CATALOG.programs.find((p) => p.id === 'individual-mentorship')!;
    expect(individual.durationMonths).to.deep.equal({ min: 3, max: 6 });
    expect(individual.price).to.deep.equal({ min: 2500, max: 5000, currency: 'USD', unit: 'month' });
    const cadence = DEMO_CATALOG.sessionTypes.map((t) => [t.id, t.frequency, t.minutes]);
    expect(cadence).to.deep.equal([
      ['one-on-one', 'weekly', 60],
      ['technical-review', 'biweekly', 90],
      ['career-planning', 'monthly', 60],
      ['practice-interview', 'as-needed', 60],
      ['group-session', 'biweekly', 90],
    ]);
    // The seed's group format: 4–6 people, so one group session has 6 seats.
    expect(DEMO_CATALOG.sessionTypes.find((t) => t.id === 'group-session')!.capacity).to.equal(6);
    expect(group.sessionTypeIds).to.deep.equal(['group-session']);
  });

  it('reject a broken catalog with the failing paths', () => {
    const broken = structuredClone(DEMO_CATALOG) as any;
    broken.programs[2].title = 42;
    broken.mentors[0].timeZone = 'Mars/Olympus_Mons';
    let error: MentorshipError | undefined;
    try {
      parseOrThrow(V.Catalog, broken, 'catalog');
    } catch (e) {
      error = e as MentorshipError;
    }
    expect(error).to.be.instanceOf(MentorshipError);
    expect(error!.code).to.equal('invalid-input');
    const paths = error!.issues.map((i) => i.path);
    expect(paths).to.include('programs.2.title');
    expect(paths).to.include('mentors.0.timeZone');
    expect(error!.message).to.contain('programs.2.title');
  });

  it('reject sessions off the 15-minute grid and bookings with a bad email', () => {
    const session = { id: 's1', start: '2026-01-05T10:00:00.000Z', minutes: 50, activity: 'one-on-one', createdAt: '2026-01-05T10:00:00.000Z', updatedAt: '2026-01-05T10:00:00.000Z' };
    expect(z.safeParse(Session, session).success).to.equal(false);
    expect(z.safeParse(Session, { ...session, minutes: 45 }).success).to.equal(true);
    const result = z.safeParse(Booking, { id: 'b', email: 'not-an-email' });
    expect(result.success).to.equal(false);
    if (!result.success) expect(result.error.issues.map((i) => i.path.join('.'))).to.include('email');
  });
});
