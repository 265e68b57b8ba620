/**
 * Commitment models, pure: how many hours a week each role in a mentorship program asks for.
 * Two kinds of model (see schemas.ts): "tiered" (lead → X mentor-mentees → X² mentees, each
 * activity fixed + perMentee × X hours) and "cadence" (session types with a frequency and length).
 */
import type { ActivityHours, CadenceItem, CadenceModel, Catalog, CommitmentModel, Frequency, Program, TieredModel } from './schemas.js';

/** Accepted ranges for the inputs (inclusive); the element checks attributes and fields against them. */
export const COMMITMENT_LIMITS = {
  menteesPerMentor: { min: 0, max: 20, integer: true },
  weeks: { min: 1, max: 104, integer: true },
  availableHours: { min: 0, max: 168, integer: false },
} as const;

export type CommitmentField = keyof typeof COMMITMENT_LIMITS;

export interface CommitmentInput {
  /** X: how many people each mentor takes on (0–20). */
  menteesPerMentor: number;
  /** Length of the cycle in weeks. */
  weeks: number;
  /** The visitor's free hours a week, if they said. */
  availableHours?: number;
}

export interface ActivityBreakdown {
  id: string;
  name: string;
  hours: number;
  /** True when the figure is a minimum ("2 or more"). */
  atLeast: boolean;
  approximate: boolean;
  /** Cadence models: how the figure was worked out (minutes × sessions a year ÷ 52 weeks). */
  formula?: CadenceFormula;
}

/** The arithmetic behind one cadence activity's weekly hours, for showing it. */
export interface CadenceFormula {
  minutes: number;
  /** Sessions in 52 weeks (weekly 52, bi-weekly 26, monthly 12, as-needed perMonth × 12). */
  perYear: number;
  frequency: Frequency;
  /** Seats of a group session. */
  capacity?: number;
}

export interface RoleCommitment {
  id: string;
  name: string;
  weeklyHours: number;
  /** True when any activity is a minimum, so the total is "at least". */
  atLeast: boolean;
  activities: ActivityBreakdown[];
  cycleHours: number;
  /** How many people hold this role (1, X, X²); cadence models report 1. */
  people: number;
  /** Undefined when no available hours were given. */
  fits?: boolean;
}

export interface CommitmentResult {
  modelId: string;
  kind: CommitmentModel['kind'];
  roles: RoleCommitment[];
  /** People per tier, lead first: [1, X, X²]. */
  tierSizes: number[];
  /** Everyone below the lead: X + X². */
  reach: number;
}

/**
 * Sessions a week as a fraction of 52 (a year of weeks): weekly 52/52, bi-weekly 26/52,
 * monthly 12/52, as-needed perMonth × 12/52. Kept as integers so sums stay exact.
 */
function per52(frequency: Frequency, perMonth = 0): number {
  return { weekly: 52, biweekly: 26, monthly: 12 }[frequency as string] ?? perMonth * 12;
}

/** Rounds away floating-point noise (0.1 + 0.2) while keeping exact quarter-hours exact. */
function clean(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** Minutes × sessions per 52 weeks; divide by 52 × 60 = 3120 for average hours a week. */
function cadenceUnits(item: CadenceItem): number {
  return per52(item.frequency, item.perMonth) * item.minutes;
}

/** Weekly and cycle hours for every role of `model`. Inputs are assumed valid (see the element). */
export function computeCommitment(model: CommitmentModel, input: CommitmentInput): CommitmentResult {
  const x = input.menteesPerMentor;
  const tiered = model.kind === 'tiered';
  // Cadence models: every role attends every session. One division of the summed units keeps
  // the total exact: 60 + 45 + 60·12/52 min = 103/52 h.
  const sessions = tiered
    ? []
    : model.sessions.map((item) => ({
        id: item.id,
        name: item.name,
        hours: cadenceUnits(item) / 3120,
        // "As needed" with no planned number a month: the total is a minimum.
        atLeast: item.frequency === 'as-needed' && item.perMonth === undefined,
        // Monthly and as-needed are averages over a year of weeks, not a fixed weekly figure.
        approximate: item.frequency === 'monthly' || item.frequency === 'as-needed',
        formula: { minutes: item.minutes, perYear: per52(item.frequency, item.perMonth), frequency: item.frequency, ...(item.capacity ? { capacity: item.capacity } : {}) },
      }));
  const units = tiered ? 0 : model.sessions.reduce((sum, item) => sum + cadenceUnits(item), 0);
  const roles = model.roles.map((role): RoleCommitment => {
    const activities = tiered
      ? model.activities.flatMap(({ id, name, hours }): ActivityBreakdown[] => {
          const h = hours[role.id];
          return h ? [{ id, name, hours: clean(h.fixed + h.perMentee * x), atLeast: h.atLeast, approximate: h.approximate }] : [];
        })
      : sessions;
    const weeklyHours = tiered ? clean(activities.reduce((sum, a) => sum + a.hours, 0)) : units / 3120;
    const result: RoleCommitment = {
      id: role.id,
      name: role.name,
      weeklyHours,
      atLeast: activities.some((a) => a.atLeast),
      activities,
      cycleHours: tiered ? clean(weeklyHours * input.weeks) : (units * input.weeks) / 3120,
      people: 'tier' in role ? x ** role.tier : 1,
    };
    if (input.availableHours !== undefined) result.fits = weeklyHours <= input.availableHours;
    return result;
  });
  // People per tier, lead first: 1, X, X²…; a cadence model has one person on each side.
  const tierSizes = tiered ? Array.from({ length: Math.max(...model.roles.map((r) => r.tier)) + 1 }, (_, tier) => x ** tier) : [1, 1];
  const reach = tierSizes.slice(1).reduce((a, b) => a + b, 0);
  return { modelId: model.id, kind: model.kind, roles, tierSizes, reach };
}

/** An activity's hours for one role: what differs from the schema's defaults (the test holds them equal). */
const hours = (given: Partial<ActivityHours>): ActivityHours => ({ fixed: 0, perMentee: 0, atLeast: false, approximate: false, ...given });

/**
 * The three-tier community model: totals 5 + X (lead), 4 + X (mentor-mentee), 5.5 (mentee). Not
 * validated when the module loads (that would put the validators in every first download);
 * test/sdk/commitment.test.ts holds it to the validator's answer.
 */
export const THREE_TIER_MODEL: TieredModel = {
  kind: 'tiered',
  id: 'three-tier',
  name: 'Three-tier community mentorship',
  roles: [
    { id: 'lead', name: 'Lead mentor', tier: 0 },
    { id: 'mentor-mentee', name: 'Mentor-mentee', tier: 1 },
    { id: 'mentee', name: 'Mentee', tier: 2 },
  ],
  activities: [
    { id: 'one-on-one', name: 'One-on-ones', hours: { lead: hours({ perMentee: 1 }), 'mentor-mentee': hours({ fixed: 1, perMentee: 1 }), mentee: hours({ fixed: 1 }) } },
    { id: 'weekly-review', name: 'Weekly review', hours: { lead: hours({ fixed: 1 }), 'mentor-mentee': hours({ fixed: 0.5 }), mentee: hours({ fixed: 0.5 }) } },
    { id: 'project-practice', name: 'Project / practice', hours: { 'mentor-mentee': hours({ fixed: 2, atLeast: true }), mentee: hours({ fixed: 3, atLeast: true }) } },
    { id: 'code-review', name: 'Code review', hours: { lead: hours({ fixed: 4, approximate: true }), 'mentor-mentee': hours({ fixed: 0.5 }), mentee: hours({ fixed: 1 }) } },
  ],
};

/** The coaching service's cadence: weekly 60 + bi-weekly 90 + monthly 60 minutes. */
export const COACHING_CADENCE_MODEL: CadenceModel = {
  kind: 'cadence',
  id: 'coaching-cadence',
  name: 'One-to-one coaching cadence',
  roles: [
    { id: 'mentor', name: 'Coach' },
    { id: 'mentee', name: 'Participant' },
  ],
  sessions: [
    { id: 'one-on-one', name: '1:1 coaching', minutes: 60, frequency: 'weekly' },
    { id: 'technical-review', name: 'Technical review', minutes: 90, frequency: 'biweekly' },
    { id: 'career-planning', name: 'Career planning', minutes: 60, frequency: 'monthly' },
    { id: 'practice-interview', name: 'Practice interview', minutes: 60, frequency: 'as-needed', perMonth: 0 },
  ],
};

export const BUILT_IN_MODELS: CommitmentModel[] = [THREE_TIER_MODEL, COACHING_CADENCE_MODEL];

/** Id prefix of the models derived from a program's own session types. */
export const PROGRAM_MODEL_PREFIX = 'program:';

/**
 * The commitment model behind a program's weekly hours: the catalog model it names, else a
 * cadence model made of the program's own session types (with their seats), so two programs
 * with different sessions never show the same hours. Undefined when it has neither.
 */
export function programModel(program: Program, catalog: Pick<Catalog, 'sessionTypes' | 'commitmentModels'>): CommitmentModel | undefined {
  if (program.commitmentModelId) return catalog.commitmentModels.find((m) => m.id === program.commitmentModelId);
  const sessions = program.sessionTypeIds.flatMap((id) => catalog.sessionTypes.filter((s) => s.id === id));
  if (!sessions.length) return undefined;
  return {
    kind: 'cadence',
    id: PROGRAM_MODEL_PREFIX + program.id,
    name: program.title,
    roles: COACHING_CADENCE_MODEL.roles,
    sessions: sessions.map(({ id, name, minutes, frequency, perMonth, capacity }) => ({ id, name, minutes, frequency, perMonth, capacity })),
  };
}
