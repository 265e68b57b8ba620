import { expect } from '@open-wc/testing';
import {
  BUILT_IN_MODELS,
  COACHING_CADENCE_MODEL,
  computeCommitment,
  programModel,
  THREE_TIER_MODEL,
} from '../../src/sdk/commitment.js';
import { parseCommitmentModel } from '../../src/sdk/parse-commitment-model.js';
import { DEMO_CATALOG } from '../../src/sdk/catalog/demo-catalog.js';
import { MentorshipError } from '../../src/sdk/errors.js';
import { CommitmentModel } from '../../src/sdk/schemas.js';
import * as z from 'zod/mini';

const hours = (x: number, weeks = 12, availableHours?: number) =>
  computeCommitment(THREE_TIER_MODEL, { menteesPerMentor: x, weeks, availableHours });

describe('commitment: the three-tier model of the seed', () => {
  it('is written as the validator reads it (defaults filled in, nothing extra): it is not parsed at load', () => {
    expect(parseCommitmentModel(structuredClone(THREE_TIER_MODEL))).to.deep.equal(THREE_TIER_MODEL);
    expect(parseCommitmentModel(structuredClone(COACHING_CADENCE_MODEL))).to.deep.equal(COACHING_CADENCE_MODEL);
  });

  it('X = 3 gives 8, 7 and 5.5 hours a week and reaches 12 people', () => {
    const result = hours(3);
    expect(result.roles.map((r) => r.weeklyHours)).to.deep.equal([8, 7, 5.5]);
    expect(result.roles.map((r) => r.id)).to.deep.equal(['lead', 'mentor-mentee', 'mentee']);
    expect(result.tierSizes).to.deep.equal([1, 3, 9]);
    expect(result.reach).to.equal(12);
    expect(result.roles.map((r) => r.people)).to.deep.equal([1, 3, 9]);
  });

  it('X = 0 gives 5, 4 and 5.5', () => {
    const result = hours(0);
    expect(result.roles.map((r) => r.weeklyHours)).to.deep.equal([5, 4, 5.5]);
    expect(result.tierSizes).to.deep.equal([1, 0, 0]);
    expect(result.reach).to.equal(0);
  });

  it('X = 10 gives 15, 14 and 5.5 and reaches 110', () => {
    const result = hours(10);
    expect(result.roles.map((r) => r.weeklyHours)).to.deep.equal([15, 14, 5.5]);
    expect(result.reach).to.equal(110);
  });

  it('breaks each role down by activity, with minimums and approximations marked', () => {
    const [lead, mentorMentee, mentee] = hours(3).roles;
    expect(lead!.activities.map((a) => [a.id, a.hours, a.atLeast, a.approximate])).to.deep.equal([
      ['one-on-one', 3, false, false],
      ['weekly-review', 1, false, false],
      ['code-review', 4, false, true],
    ]);
    expect(mentorMentee!.activities.map((a) => [a.id, a.hours, a.atLeast])).to.deep.equal([
      ['one-on-one', 4, false],
      ['weekly-review', 0.5, false],
      ['project-practice', 2, true],
      ['code-review', 0.5, false],
    ]);
    expect(mentee!.activities.map((a) => [a.id, a.hours, a.atLeast])).to.deep.equal([
      ['one-on-one', 1, false],
      ['weekly-review', 0.5, false],
      ['project-practice', 3, true],
      ['code-review', 1, false],
    ]);
    expect([lead!.atLeast, mentorMentee!.atLeast, mentee!.atLeast]).to.deep.equal([false, true, true]);
  });

  it('gives hours over the cycle', () => {
    expect(hours(3, 12).roles.map((r) => r.cycleHours)).to.deep.equal([96, 84, 66]);
    expect(hours(3, 10).roles.map((r) => r.cycleHours)).to.deep.equal([80, 70, 55]);
  });

  it('says which roles fit the available hours, and nothing when none were given', () => {
    expect(hours(3, 12, 7).roles.map((r) => r.fits)).to.deep.equal([false, true, true]);
    expect(hours(3, 12, 5.5).roles.map((r) => r.fits)).to.deep.equal([false, false, true]);
    expect(hours(3, 12, 0).roles.map((r) => r.fits)).to.deep.equal([false, false, false]);
    expect(hours(3).roles.map((r) => 'fits' in r)).to.deep.equal([false, false, false]);
  });
});

describe('commitment: the coaching cadence model', () => {
  it('averages weekly 60 + bi-weekly 90 + monthly 60 minutes to exactly 103/52 hours a week', () => {
    const result = computeCommitment(COACHING_CADENCE_MODEL, { menteesPerMentor: 3, weeks: 12 });
    // (60 + 45 + 60 · 12/52) minutes = 6180/52 minutes = 103/52 hours ≈ 1.98.
    expect(result.roles[0]!.weeklyHours).to.equal(103 / 52);
    expect(result.roles[0]!.weeklyHours.toFixed(2)).to.equal('1.98');
    expect(result.roles.map((r) => r.weeklyHours)).to.deep.equal([103 / 52, 103 / 52]);
    expect(result.roles[0]!.activities.map((a) => [a.id, a.hours])).to.deep.equal([
      ['one-on-one', 1],
      ['technical-review', 0.75],
      ['career-planning', 12 / 52],
      ['practice-interview', 0],
    ]);
    expect(result.roles[0]!.cycleHours).to.equal((103 / 52) * 12);
    expect(result.kind).to.equal('cadence');
  });

  it('reports one person per role, tier sizes [1, 1] and a reach of 1, and checks the fit', () => {
    const result = computeCommitment(COACHING_CADENCE_MODEL, { menteesPerMentor: 7, weeks: 52, availableHours: 2 });
    expect(result.roles.map((r) => r.people)).to.deep.equal([1, 1]);
    expect(result.tierSizes).to.deep.equal([1, 1]);
    expect(result.reach).to.equal(1);
    expect(result.roles.map((r) => [r.cycleHours, r.atLeast, r.fits])).to.deep.equal([
      [103, false, true],
      [103, false, true],
    ]);
    expect(result.roles[0]!.activities.map((a) => a.approximate)).to.deep.equal([false, false, true, true]);
  });

  it('counts as-needed sessions per month', () => {
    const model = parseCommitmentModel({
      kind: 'cadence',
      id: 'interviews',
      name: 'Interview prep',
      roles: [{ id: 'candidate', name: 'Candidate' }],
      sessions: [{ id: 'mock', name: 'Mock interview', frequency: 'as-needed', minutes: 60, perMonth: 13 / 3 }],
    });
    // 13/3 a month × 12/52 = 1 a week.
    expect(computeCommitment(model, { menteesPerMentor: 0, weeks: 4 }).roles[0]!.weeklyHours).to.equal(1);
  });
});

describe('commitment: each demo program from its own session types', () => {
  const program = (id: string) => DEMO_CATALOG.programs.find((p) => p.id === id)!;
  const weekly = (id: string) => {
    const model = programModel(program(id), DEMO_CATALOG)!;
    const result = computeCommitment(model, { menteesPerMentor: 3, weeks: 26 });
    return {
      model,
      hours: result.roles.map((r) => r.weeklyHours),
      atLeast: result.roles.map((r) => r.atLeast),
      rows: result.roles[0]!.activities.map((a) => [a.id, a.hours, a.formula?.perYear, a.formula?.capacity]),
    };
  };

  it('Technical Leadership Development: 1:1 weekly 60 + review bi-weekly 90 + planning monthly 60, interviews as needed: at least 103/52 h', () => {
    const { model, hours, atLeast, rows } = weekly('technical-leadership');
    expect(model.id).to.equal('program:technical-leadership');
    expect(hours).to.deep.equal([103 / 52, 103 / 52]);
    expect(atLeast).to.deep.equal([true, true]);
    expect(rows).to.deep.equal([
      ['one-on-one', 1, 52, undefined],
      ['technical-review', 0.75, 26, undefined],
      ['career-planning', 12 / 52, 12, undefined],
      ['practice-interview', 0, 0, undefined],
    ]);
  });

  it('Engineering Management Transition: no practice interviews, exactly 103/52 h', () => {
    const { hours, atLeast, rows } = weekly('management-transition');
    expect(hours).to.deep.equal([103 / 52, 103 / 52]);
    expect(atLeast).to.deep.equal([false, false]);
    expect(rows.map((r) => r[0])).to.deep.equal(['one-on-one', 'technical-review', 'career-planning']);
  });

  it('Individual Mentorship: the four session types, at least 103/52 h', () => {
    const { hours, atLeast } = weekly('individual-mentorship');
    expect(hours).to.deep.equal([103 / 52, 103 / 52]);
    expect(atLeast).to.deep.equal([true, true]);
  });

  it('Group Mentorship: one bi-weekly 90-minute group session of up to 6: 0.75 h', () => {
    const { hours, atLeast, rows } = weekly('group-mentorship');
    expect(hours).to.deep.equal([0.75, 0.75]);
    expect(atLeast).to.deep.equal([false, false]);
    expect(rows).to.deep.equal([['group-session', 0.75, 26, 6]]);
  });

  it('Corporate Programs: 1:1, reviews and planning: 103/52 h', () => {
    const { hours, rows } = weekly('corporate-programs');
    expect(hours).to.deep.equal([103 / 52, 103 / 52]);
    expect(rows.map((r) => r[0])).to.deep.equal(['one-on-one', 'technical-review', 'career-planning']);
  });

  it('Three-tier Community Mentorship: its named model, 8, 7 and 5.5 h for X = 3', () => {
    const { model, hours } = weekly('three-tier-community');
    expect(model).to.deep.equal(THREE_TIER_MODEL);
    expect(hours).to.deep.equal([8, 7, 5.5]);
  });

  it('every demo program has a model, and no two programs with different sessions share one', () => {
    const models = DEMO_CATALOG.programs.map((p) => programModel(p, DEMO_CATALOG));
    expect(models.every(Boolean)).to.equal(true);
    expect(programModel({ ...program('group-mentorship'), sessionTypeIds: [] }, DEMO_CATALOG)).to.equal(undefined);
  });
});

describe('commitment: models as data', () => {
  it('the built-in models are valid against the schema', () => {
    for (const model of BUILT_IN_MODELS) expect(z.safeParse(CommitmentModel, model).success, model.id).to.equal(true);
  });

  it('the three-tier model has every hour field filled in, as zod gives it', () => {
    expect(z.parse(CommitmentModel, THREE_TIER_MODEL)).to.deep.equal(THREE_TIER_MODEL);
    const [oneOnOne, , practice, codeReview] = THREE_TIER_MODEL.activities;
    expect(oneOnOne!.hours.lead).to.deep.equal({ fixed: 0, perMentee: 1, atLeast: false, approximate: false });
    expect(practice!.hours.mentee).to.deep.equal({ fixed: 3, perMentee: 0, atLeast: true, approximate: false });
    expect(codeReview!.hours.lead).to.deep.equal({ fixed: 4, perMentee: 0, atLeast: false, approximate: true });
  });

  it('a custom tiered model computes fixed + perMentee × X', () => {
    const model = parseCommitmentModel({
      kind: 'tiered',
      id: 'pairs',
      name: 'Pairs',
      roles: [
        { id: 'guide', name: 'Guide', tier: 0 },
        { id: 'learner', name: 'Learner', tier: 1 },
      ],
      activities: [
        { id: 'call', name: 'Call', hours: { guide: { perMentee: 0.5 }, learner: { fixed: 0.5 } } },
        { id: 'study', name: 'Study', hours: { learner: { fixed: 2, atLeast: true } } },
      ],
    });
    const result = computeCommitment(model, { menteesPerMentor: 4, weeks: 8 });
    expect(result.roles.map((r) => r.weeklyHours)).to.deep.equal([2, 2.5]);
    expect(result.roles.map((r) => r.cycleHours)).to.deep.equal([16, 20]);
    expect(result.tierSizes).to.deep.equal([1, 4]);
    expect(result.reach).to.equal(4);
  });

  it('rejects an invalid model with the failing paths', () => {
    let error: unknown;
    try {
      parseCommitmentModel({ kind: 'tiered', id: 'bad', name: 'Bad', roles: [{ id: 'a', name: '', tier: 9 }], activities: [] });
    } catch (e) {
      error = e;
    }
    expect(MentorshipError.is(error)).to.equal(true);
    const e = error as MentorshipError;
    expect(e.code).to.equal('invalid-input');
    expect(e.issues.map((i) => i.path).sort()).to.deep.equal(['activities', 'roles.0.name', 'roles.0.tier']);
  });
});
