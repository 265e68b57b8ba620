/** Activity types a session can have when the program's model names none. */
export const SESSION_ACTIVITIES = [
  'one-on-one',
  'weekly-review',
  'project-practice',
  'code-review',
  'technical-review',
  'career-planning',
  'practice-interview',
  'other',
] as const;

export const CAREER_LEVELS = ['student', 'junior', 'mid', 'senior', 'staff', 'manager', 'director', 'other'] as const;

export const PROGRAM_FORMATS = ['individual', 'group', 'corporate', 'community'] as const;
