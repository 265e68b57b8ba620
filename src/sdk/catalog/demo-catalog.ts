/**
 * The built-in demo catalog: the programs, formats, prices and session cadence of the coaching
 * service and the three-tier community program from the two seed documents, with four sample
 * mentors in different time zones. Descriptions are our own words.
 *
 * Fields that equal the schema's default (a mentor's empty bio, no date overrides, the usual
 * booking rules; a program with no phases) are left out and filled in below by `withDefaults`,
 * not by the catalog validator: the validators are not part of a page's first download.
 * test/sdk/schemas.test.ts holds the result to the validator's answer.
 */
import type * as z from 'zod/mini';
import { BUILT_IN_MODELS } from '../commitment.js';
import type { Catalog } from '../schemas.js';

type CatalogInput = z.input<typeof Catalog>;

const sessionTypes: CatalogInput['sessionTypes'] = [
  { id: 'one-on-one', name: '1:1 coaching', minutes: 60, frequency: 'weekly', focus: 'Skill building and working through real problems' },
  { id: 'technical-review', name: 'Technical review', minutes: 90, frequency: 'biweekly', focus: 'Architecture, code and design reviews' },
  { id: 'career-planning', name: 'Career planning', minutes: 60, frequency: 'monthly', focus: 'Goals, milestones and progress' },
  { id: 'practice-interview', name: 'Practice interview', minutes: 60, frequency: 'as-needed', focus: 'Technical and behavioural interview rehearsal' },
  // The seed's group format: 4–6 people meet together; one booking takes one seat.
  { id: 'group-session', name: 'Group session', minutes: 90, frequency: 'biweekly', capacity: 6, focus: 'A small cohort learning together: peer exercises and a group project' },
];

const weekdays = (start: string, end: string, days = [1, 2, 3, 4, 5]) => days.map((day) => ({ day, start, end }));

const mentors: CatalogInput['mentors'] = [
  {
    id: 'lena-hoffmann',
    name: 'Lena Hoffmann',
    title: 'Principal engineer, distributed systems',
    timeZone: 'Europe/Berlin',
    sessionTypeIds: ['one-on-one', 'technical-review', 'career-planning', 'practice-interview', 'group-session'],
    weekly: [...weekdays('09:00', '12:00'), ...weekdays('14:00', '17:00', [1, 3])],
    rules: { bufferAfterMinutes: 15, minimumNoticeMinutes: 720, maxPerDay: 4 },
  },
  {
    id: 'marcus-reed',
    name: 'Marcus Reed',
    title: 'Engineering director',
    timeZone: 'America/New_York',
    sessionTypeIds: ['one-on-one', 'career-planning', 'practice-interview'],
    weekly: weekdays('10:00', '16:00', [1, 2, 4]),
    rules: { slotIntervalMinutes: 60, minimumNoticeMinutes: 1440, horizonDays: 45 },
  },
  {
    id: 'priya-raman',
    name: 'Priya Raman',
    title: 'Staff engineer, developer experience',
    timeZone: 'Asia/Kolkata',
    sessionTypeIds: ['one-on-one', 'technical-review', 'practice-interview'],
    weekly: weekdays('18:30', '21:30', [1, 2, 3, 4, 5, 6]),
    rules: { bufferBeforeMinutes: 15, minimumNoticeMinutes: 240, horizonDays: 30, maxPerDay: 3 },
  },
  {
    id: 'kenji-watanabe',
    name: 'Kenji Watanabe',
    title: 'Lead mentor, community program',
    timeZone: 'Asia/Tokyo',
    sessionTypeIds: ['one-on-one', 'technical-review', 'group-session'],
    weekly: weekdays('09:00', '12:00', [1, 3, 5]),
    rules: { minimumNoticeMinutes: 60, horizonDays: 90 },
  },
];

const catalog: CatalogInput = {
  version: 1,
  sessionTypes,
  mentors,
  commitmentModels: BUILT_IN_MODELS,
  programs: [
    {
      id: 'technical-leadership',
      title: 'Technical Leadership Development',
      summary: 'A structured path for senior engineers who want their impact to reach beyond one team: design larger systems, lead decisions others follow, and deliver across teams.',
      audience: 'Senior engineers → Staff+',
      focusAreas: ['technical-leadership', 'architectural-thinking', 'career-advancement'],
      format: 'individual',
      durationMonths: { min: 6, max: 6 },
      price: { min: 2500, max: 5000, currency: 'USD', unit: 'month' },
      sessionTypeIds: ['one-on-one', 'technical-review', 'career-planning', 'practice-interview'],
      includes: ['Weekly 1:1 coaching', 'Bi-weekly technical reviews', 'Monthly career planning', 'Practice interviews when you need them'],
      phases: [
        { title: 'System design', months: { min: 1, max: 2 }, focus: ['Architectural patterns', 'Scalability planning', 'Technology evaluation', 'Technical decision-making'] },
        { title: 'Influence', months: { min: 3, max: 4 }, focus: ['Cross-team collaboration', 'Technical communication', 'Consensus building', 'Change management'] },
        { title: 'Delivery', months: { min: 5, max: 6 }, focus: ['Project planning', 'Risk management', 'Quality assurance', 'Performance optimisation'] },
      ],
    },
    {
      id: 'management-transition',
      title: 'Engineering Management Transition',
      summary: 'Nine months in three phases for individual contributors stepping into management: the fundamentals first, then leading, then growing a team.',
      audience: 'Individual contributors → Engineering managers',
      focusAreas: ['engineering-management', 'career-advancement'],
      format: 'individual',
      durationMonths: { min: 9, max: 9 },
      price: { min: 2500, max: 5000, currency: 'USD', unit: 'month' },
      sessionTypeIds: ['one-on-one', 'technical-review', 'career-planning'],
      includes: ['Weekly 1:1 coaching', 'Bi-weekly reviews', 'Monthly career planning'],
      phases: [
        { title: 'Foundation', months: { min: 1, max: 3 }, focus: ['Management fundamentals', 'Team dynamics', 'One-on-one skills', 'Performance feedback'] },
        { title: 'Leadership', months: { min: 4, max: 6 }, focus: ['Strategic thinking', 'Roadmap planning', 'Stakeholder management', 'Conflict resolution'] },
        { title: 'Scaling', months: { min: 7, max: 9 }, focus: ['Team scaling', 'Process optimisation', 'Culture development', 'Organisational impact'] },
      ],
    },
    {
      id: 'individual-mentorship',
      title: 'Individual Mentorship',
      summary: 'One-to-one sessions plus hands-on exercises, shaped around your goals and the projects you are working on now.',
      audience: 'Engineers at any level',
      focusAreas: ['career-advancement', 'technical-leadership', 'architectural-thinking'],
      format: 'individual',
      durationMonths: { min: 3, max: 6 },
      price: { min: 2500, max: 5000, currency: 'USD', unit: 'month' },
      sessionTypeIds: ['one-on-one', 'technical-review', 'career-planning', 'practice-interview'],
      includes: ['Weekly coaching sessions', 'A personal learning plan', 'Guidance on real projects', 'Interview preparation', 'Career strategy'],
    },
    {
      id: 'group-mentorship',
      title: 'Group Mentorship',
      summary: 'A small cohort meets every other week to learn from the mentor and from each other, and builds a project together.',
      audience: 'Engineers who learn well with peers',
      focusAreas: ['career-advancement', 'technical-leadership'],
      format: 'group',
      durationMonths: { min: 6, max: 6 },
      price: { min: 1500, max: 2500, currency: 'USD', unit: 'person-month' },
      groupSize: { min: 4, max: 6 },
      sessionTypeIds: ['group-session'],
      includes: ['Bi-weekly group sessions', 'Peer learning exercises', 'A group project', 'Shared learning resources', 'Networking'],
    },
    {
      id: 'corporate-programs',
      title: 'Corporate Programs',
      summary: 'Mentorship for a whole engineering organisation: leadership development, faster technical growth, support for new managers and high-potential employees.',
      audience: 'Engineering organisations',
      focusAreas: ['technical-leadership', 'engineering-management'],
      format: 'corporate',
      durationMonths: { min: 3, max: 12 },
      sessionTypeIds: ['one-on-one', 'technical-review', 'career-planning'],
      includes: ['Leadership development', 'Technical skills acceleration', 'Management transition support', 'High-potential employee programs'],
      deliveryOptions: ['On-site workshops', 'Virtual mentorship sessions', 'Hybrid learning programs', 'Train-the-trainer'],
    },
    {
      id: 'three-tier-community',
      title: 'Three-tier Community Mentorship',
      summary: 'A volunteer cohort: a lead mentor guides a few mentor-mentees, and each of them guides the same number of newcomers. Everyone meets weekly; newcomers practise, mentor-mentees build a project.',
      audience: 'Newcomers to programming and the learners who guide them',
      focusAreas: ['web-development', 'technical-leadership'],
      format: 'community',
      durationMonths: { min: 2, max: 3 },
      sessionTypeIds: ['one-on-one'],
      commitmentModelId: 'three-tier',
      includes: ['Weekly one-on-ones', 'A weekly group review', 'Code review', 'A project (mentor-mentees) or practice problems (mentees)'],
    },
  ],
};

/** The catalog with the schema's defaults filled in, as the catalog validator would return it. */
const withDefaults = ({ programs, mentors, ...rest }: CatalogInput): Catalog => ({
  ...rest,
  programs: programs.map((program) => ({ phases: [], deliveryOptions: [], ...program })),
  mentors: mentors.map((mentor) => ({
    title: '',
    bio: '',
    overrides: [],
    ...mentor,
    rules: { slotIntervalMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minimumNoticeMinutes: 0, horizonDays: 60, ...mentor.rules },
  })),
}) as Catalog;

export const DEMO_CATALOG: Catalog = /* @__PURE__ */ withDefaults(catalog);
