/**
 * The single source of every type in the kit. Each exported type is `z.infer` of a schema here;
 * the same schemas validate attributes' JSON, backend responses, imported files and generate the
 * HTTP contract's JSON Schema. `zod/mini` keeps the shipped size small.
 */
import * as z from './zod.js';
import { CAREER_LEVELS, PROGRAM_FORMATS, SESSION_ACTIVITIES } from './constants.js';
import { isValidTimeZone } from './time-zone.js';

export { CAREER_LEVELS, PROGRAM_FORMATS, SESSION_ACTIVITIES, isValidTimeZone };

/** Text with at least one visible character. (A regex, not trim(), so JSON Schema can express it.) */
const nonEmpty = (max = 200) => z.string().check(z.minLength(1), z.maxLength(max), z.regex(/\S/));
export const Id = z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[A-Za-z0-9_.:-]+$/));
/** An instant, always ISO-8601 in UTC ("2026-03-29T07:00:00.000Z" or without milliseconds). */
export const Instant = z.iso.datetime();
/** A calendar date with no zone ("2026-03-29"). */
export const IsoDate = z.iso.date();
/** A wall-clock time "HH:MM" (24:00 allowed as the end of a day). */
export const WallTime = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/));

export const TimeZone = z.string().check(
  z.refine((zone) => isValidTimeZone(zone), { message: 'Unknown IANA time zone' }),
);
// Carried into the generated JSON Schema so the browser validator checks it too.
z.globalRegistry.add(TimeZone, { format: 'x-time-zone' });

// ---- commitment models -------------------------------------------------------------------

/** Weekly hours of one activity for one role: fixed + perMentee × X. `atLeast` marks "2 or more". */
export const ActivityHours = z.object({
  fixed: z._default(z.number().check(z.gte(0), z.lte(168)), 0),
  perMentee: z._default(z.number().check(z.gte(0), z.lte(168)), 0),
  atLeast: z._default(z.boolean(), false),
  approximate: z._default(z.boolean(), false),
});

export const TieredRole = z.object({
  id: Id,
  name: nonEmpty(),
  /** 0 = lead (1 person), 1 = X people, 2 = X² people. */
  tier: z.number().check(z.int(), z.gte(0), z.lte(4)),
});

export const TieredActivity = z.object({
  id: Id,
  name: nonEmpty(),
  /** Keyed by role id; a role missing here does not do this activity. */
  hours: z.record(z.string(), ActivityHours),
});

export const TieredModel = z.object({
  kind: z.literal('tiered'),
  id: Id,
  name: nonEmpty(),
  roles: z.array(TieredRole).check(z.minLength(1), z.maxLength(10)),
  activities: z.array(TieredActivity).check(z.minLength(1), z.maxLength(30)),
});

export const Frequency = z.enum(['weekly', 'biweekly', 'monthly', 'as-needed']);

export const CadenceItem = z.object({
  id: Id,
  name: nonEmpty(),
  frequency: Frequency,
  minutes: z.number().check(z.gt(0), z.lte(600)),
  /** For "as-needed": how many a month to plan for. */
  perMonth: z.optional(z.number().check(z.gte(0), z.lte(31))),
  /** A group session: the most people in it (its seats). Absent = one-to-one. */
  capacity: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100))),
});

export const CadenceModel = z.object({
  kind: z.literal('cadence'),
  id: Id,
  name: nonEmpty(),
  /** Roles that attend every session (e.g. mentor and mentee). */
  roles: z.array(z.object({ id: Id, name: nonEmpty() })).check(z.minLength(1), z.maxLength(10)),
  sessions: z.array(CadenceItem).check(z.minLength(1), z.maxLength(30)),
});

export const CommitmentModel = z.discriminatedUnion('kind', [TieredModel, CadenceModel]);

// ---- catalog -----------------------------------------------------------------------------

export const SessionType = z.object({
  id: Id,
  name: nonEmpty(),
  minutes: z.number().check(z.int(), z.gte(15), z.lte(600)),
  frequency: Frequency,
  perMonth: z.optional(z.number().check(z.gte(0), z.lte(31))),
  focus: z.optional(z.string().check(z.maxLength(500))),
  /** Seats: how many visitors can book one occurrence (a group session). Absent = 1. */
  capacity: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100))),
});

export const Range = z.object({
  min: z.number().check(z.gte(0)),
  max: z.number().check(z.gte(0)),
});

export const Price = z.object({
  min: z.number().check(z.gte(0)),
  max: z.number().check(z.gte(0)),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  unit: z.enum(['month', 'person-month']),
});

export const ProgramFormat = z.enum(PROGRAM_FORMATS);

export const Phase = z.object({
  title: nonEmpty(),
  months: z.optional(Range),
  focus: z.array(nonEmpty()),
});

export const Program = z.object({
  id: Id,
  title: nonEmpty(),
  summary: z.string().check(z.maxLength(2000)),
  audience: z.string().check(z.maxLength(200)),
  focusAreas: z.array(Id),
  format: ProgramFormat,
  durationMonths: Range,
  /** Absent when priced on request (corporate) or free (community). */
  price: z.optional(Price),
  groupSize: z.optional(Range),
  sessionTypeIds: z.array(Id),
  commitmentModelId: z.optional(Id),
  includes: z.array(nonEmpty()),
  phases: z._default(z.array(Phase), []),
  deliveryOptions: z._default(z.array(nonEmpty()), []),
});

/** A list of programs, e.g. a `programs` JSON attribute. */
export const ProgramList = z.array(Program);

export const AvailabilityWindow = z.object({ start: WallTime, end: WallTime });

export const WeeklyWindow = z.object({
  /** ISO weekday: 1 = Monday … 7 = Sunday, in the mentor's zone. */
  day: z.number().check(z.int(), z.gte(1), z.lte(7)),
  start: WallTime,
  end: WallTime,
});

export const DateOverride = z.object({
  date: IsoDate,
  /** Empty = day off; otherwise these windows replace the weekly ones on that date. */
  windows: z.array(AvailabilityWindow),
});

// ---- scheduling policies, seats and series (issue 16) -----------------------------------
// Kept in one block so other changes to the schemas merge cleanly around it.

/** Booking policies a mentor's rules may add; each is enforced by every backend, atomically. */
const PolicyRules = {
  /** Visitors may cancel only up to this many minutes before the start (an admin always may). */
  cancelNoticeMinutes: z.optional(z.number().check(z.int(), z.gte(0), z.lte(525_600))),
  /** Visitors may move a booking only up to this many minutes before its start. */
  rescheduleNoticeMinutes: z.optional(z.number().check(z.int(), z.gte(0), z.lte(525_600))),
  /** Confirmed future bookings one visitor (email or mentee) may hold with this mentor. */
  maxActivePerVisitor: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1000))),
  /** Hours of sessions a mentor takes in one week (Monday–Sunday in the mentor's zone). */
  maxHoursPerWeek: z.optional(z.number().check(z.gt(0), z.lte(168))),
};

/** A booking made as one occurrence of a recurring series carries the series' id. */
const SeriesLink = { seriesId: z.optional(Id) };

// ---- end of the issue-16 block (the series schemas are at the end of the file) -----------

export const BookingRules = z.object({
  ...PolicyRules,
  slotIntervalMinutes: z._default(z.number().check(z.int(), z.gte(5), z.lte(240)), 30),
  bufferBeforeMinutes: z._default(z.number().check(z.int(), z.gte(0), z.lte(240)), 0),
  bufferAfterMinutes: z._default(z.number().check(z.int(), z.gte(0), z.lte(240)), 0),
  minimumNoticeMinutes: z._default(z.number().check(z.int(), z.gte(0)), 0),
  horizonDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(730)), 60),
  maxPerDay: z.optional(z.number().check(z.int(), z.gte(1), z.lte(48))),
});

export const Mentor = z.object({
  id: Id,
  name: nonEmpty(),
  title: z._default(z.string().check(z.maxLength(200)), ''),
  bio: z._default(z.string().check(z.maxLength(2000)), ''),
  timeZone: TimeZone,
  sessionTypeIds: z.array(Id),
  weekly: z.array(WeeklyWindow),
  overrides: z._default(z.array(DateOverride), []),
  rules: z._default(BookingRules, {
    slotIntervalMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    horizonDays: 60,
  }),
  /** Where the reference server sends this mentor's booking notices (never shown to visitors by the kit). */
  email: z.optional(z.email()),
  /** An ICS address of the mentor's own calendar; the reference server keeps its busy times free. */
  busyCalendarUrl: z.optional(z.string().check(z.maxLength(2000), z.regex(/^(?:https?|webcal):\/\/[^\s/?#]+\S*$/))),
});

export const Catalog = z.object({
  version: z.literal(1),
  programs: z.array(Program),
  sessionTypes: z.array(SessionType),
  mentors: z.array(Mentor),
  commitmentModels: z.array(CommitmentModel),
});

// ---- bookings ----------------------------------------------------------------------------

export const CareerLevel = z.enum(CAREER_LEVELS);

// The message on the check, not the schema: a schema's own message would also answer a missing email.
export const Email = z.string().check(z.email({ error: 'must be an email address' }));

/** What a visitor submits. */
export const BookingRequest = z.object({
  mentorId: Id,
  sessionTypeId: Id,
  programId: z.optional(Id),
  start: Instant,
  timeZone: TimeZone,
  name: nonEmpty(120),
  email: Email,
  careerLevel: CareerLevel,
  goals: z.string().check(z.maxLength(1000)),
  message: z.string().check(z.maxLength(2000)),
  /** The visitor's language (BCP 47, e.g. "de-DE"): the reference server's mails follow it. */
  locale: z.optional(z.string().check(z.maxLength(35), z.regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/))),
});

export const BookingStatus = z.enum(['confirmed', 'cancelled']);

export const ATTENDANCE = ['attended', 'no-show'] as const;
export const Attendance = z.enum(ATTENDANCE);

export const Booking = z.object({
  ...BookingRequest.shape,
  id: Id,
  end: Instant,
  status: BookingStatus,
  createdAt: Instant,
  updatedAt: Instant,
  /** Secret that lets an anonymous visitor cancel or reschedule (HTTP backend). */
  cancelToken: z.optional(z.string()),
  menteeId: z.optional(z.string()),
  /** Whether the session took place: set after it ends by the mentor (mentor role) or the mentee (tracker). */
  attendance: z.optional(Attendance),
  /** Who set `attendance`: a mentee may not contradict the mentor's record. */
  attendanceBy: z.optional(z.enum(['mentor', 'mentee'])),
  ...SeriesLink,
});

/** `client.mentor.bookings(query)`: a mentor's own bookings, one page, by start. */
export const MentorBookingQuery = z.object({
  status: z.optional(BookingStatus),
  /** Inclusive start of the range, ISO instant. */
  from: z.optional(Instant),
  /** Exclusive end of the range, ISO instant. */
  to: z.optional(Instant),
  /** The `nextCursor` of the page before. */
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
  /** Bookings per page (1–200, default 50). */
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(200))),
});

export const MentorBookingPage = z.object({
  items: z.array(Booking),
  /** Pass back as `cursor` for the next page; null on the last. */
  nextCursor: z.nullable(z.string()),
});

export const Slot = z.object({
  start: Instant,
  end: Instant,
  /** Group sessions: seats still free in this occurrence (absent for one-to-one sessions). */
  seatsLeft: z.optional(z.number().check(z.int(), z.gte(1))),
});

// ---- sessions ----------------------------------------------------------------------------

export const SessionInput = z.object({
  start: Instant,
  minutes: z.number().check(z.int(), z.gte(15), z.lte(600), z.multipleOf(15)),
  activity: Id,
  mentor: z._default(z.string().check(z.maxLength(120)), ''),
  notes: z._default(z.string().check(z.maxLength(2000)), ''),
  tags: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(40))).check(z.maxLength(20)), []),
  source: z._default(z.enum(['manual', 'booking']), 'manual'),
  bookingId: z.optional(Id),
});

export const Session = z.object({
  ...SessionInput.shape,
  id: Id,
  createdAt: Instant,
  updatedAt: Instant,
  menteeId: z.optional(z.string()),
  /** Bumped by the server on every change; sent back as `ETag: "<version>"`, checked with `If-Match`. */
  version: z.optional(z.number().check(z.int(), z.gte(1))),
});

/** The fields of `shape` without their defaults: in a patch, a default would overwrite what is stored. */
const withoutDefaults = <T extends Record<string, z.ZodMiniType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, field instanceof z.ZodMiniDefault ? field._zod.def.innerType : field])) as {
    [K in keyof T]: T[K] extends z.ZodMiniDefault<infer Inner> ? Inner : T[K];
  };

/** Changes only the fields it names. */
export const SessionPatch = z.partial(z.object(withoutDefaults(SessionInput.shape)));

// ---- the visitor's plan ------------------------------------------------------------------

export const Plan = z.object({
  programId: z.optional(Id),
  modelId: z.optional(Id),
  roleId: z.optional(Id),
  roleName: z.optional(z.string()),
  weeklyHours: z.optional(z.number().check(z.gte(0), z.lte(168))),
  menteesPerMentor: z.optional(z.number().check(z.int(), z.gte(0), z.lte(20))),
  updatedAt: z.optional(Instant),
});

export type ActivityHours = z.infer<typeof ActivityHours>;
export type TieredRole = z.infer<typeof TieredRole>;
export type TieredActivity = z.infer<typeof TieredActivity>;
export type TieredModel = z.infer<typeof TieredModel>;
export type Frequency = z.infer<typeof Frequency>;
export type CadenceItem = z.infer<typeof CadenceItem>;
export type CadenceModel = z.infer<typeof CadenceModel>;
export type CommitmentModel = z.infer<typeof CommitmentModel>;
export type SessionType = z.infer<typeof SessionType>;
export type Range = z.infer<typeof Range>;
export type Price = z.infer<typeof Price>;
export type ProgramFormat = z.infer<typeof ProgramFormat>;
export type Phase = z.infer<typeof Phase>;
export type Program = z.infer<typeof Program>;
export type AvailabilityWindow = z.infer<typeof AvailabilityWindow>;
export type WeeklyWindow = z.infer<typeof WeeklyWindow>;
export type DateOverride = z.infer<typeof DateOverride>;
export type BookingRules = z.infer<typeof BookingRules>;
export type Mentor = z.infer<typeof Mentor>;
export type Catalog = z.infer<typeof Catalog>;
export type CareerLevel = z.infer<typeof CareerLevel>;
export type BookingRequest = z.infer<typeof BookingRequest>;
export type BookingStatus = z.infer<typeof BookingStatus>;
export type Booking = z.infer<typeof Booking>;
export type Attendance = z.infer<typeof Attendance>;
export type MentorBookingQuery = z.infer<typeof MentorBookingQuery>;
export type MentorBookingPage = z.infer<typeof MentorBookingPage>;
export type Slot = z.infer<typeof Slot>;
export type SessionActivity = (typeof SESSION_ACTIVITIES)[number];
export type SessionInput = z.input<typeof SessionInput>;
export type Session = z.infer<typeof Session>;
export type SessionPatch = z.input<typeof SessionPatch>;
export type Plan = z.infer<typeof Plan>;

// ---- recurring series (issue 16) ---------------------------------------------------------

export const SeriesFrequency = z.enum(['weekly', 'biweekly', 'monthly']);
/** How many occurrences a series has: 2 to 52 (a year of weekly sessions). */
const SeriesCount = z.number().check(z.int(), z.gte(2), z.lte(52));

/** A booking request repeated: `count` occurrences at the same wall time in the mentor's zone. */
export const SeriesRequest = z.object({
  ...BookingRequest.shape,
  frequency: SeriesFrequency,
  count: SeriesCount,
  /** Book the free occurrences and list the others under `skipped`, instead of refusing all. */
  skipConflicts: z.optional(z.boolean()),
  /** Occurrences (their planned starts) the visitor leaves out: listed under `skipped`, never a conflict. */
  drop: z.optional(z.array(Instant).check(z.maxLength(52))),
  /** Occurrences the visitor moves to another time (`from` the planned start `to` the chosen one), checked like the rest. */
  move: z.optional(z.array(z.object({ from: Instant, to: Instant })).check(z.maxLength(52))),
});

export const Series = z.object({
  id: Id,
  mentorId: Id,
  sessionTypeId: Id,
  frequency: SeriesFrequency,
  count: SeriesCount,
  /** Every booked occurrence, earliest first (cancelled ones stay, with their status). */
  bookings: z.array(Booking),
  /** Starts that were not free and were left out (with `skipConflicts`). */
  skipped: z.array(Instant),
  createdAt: Instant,
  /** Secret that lets an anonymous visitor cancel the series or its occurrences (HTTP backend). */
  cancelToken: z.optional(z.string()),
});

export type SeriesFrequency = z.infer<typeof SeriesFrequency>;
export type SeriesRequest = z.infer<typeof SeriesRequest>;
export type Series = z.infer<typeof Series>;

// ---- the waitlist of a full group session (issue 16) -------------------------------------

/** `waiting` in line; `promoted` to a booking when a seat freed; `left` by the visitor. */
export const WaitlistStatus = z.enum(['waiting', 'promoted', 'left']);

export const WaitlistEntry = z.object({
  ...BookingRequest.shape,
  id: Id,
  /** The session's end (the start is the occurrence waited for). */
  end: Instant,
  status: WaitlistStatus,
  /** While waiting: the place in line, 1 = next (first come, first served). */
  position: z.optional(z.number().check(z.int(), z.gte(1))),
  /** Once promoted: the booking that holds the seat now. */
  booking: z.optional(Booking),
  createdAt: Instant,
  updatedAt: Instant,
  /** Secret that lets an anonymous visitor leave the line, and cancel the booking once promoted (HTTP backend). */
  cancelToken: z.optional(z.string()),
  menteeId: z.optional(z.string()),
  /** When this visitor was shown the promotion (kept where the visitor is: this browser). */
  seenAt: z.optional(Instant),
});

export type WaitlistStatus = z.infer<typeof WaitlistStatus>;
/** Joining a waitlist takes the same fields as a booking request. */
export type WaitlistRequest = BookingRequest;
export type WaitlistEntry = z.infer<typeof WaitlistEntry>;
