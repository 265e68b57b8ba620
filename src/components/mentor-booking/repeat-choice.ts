/** The visitor's Repeat choice for a series, kept by the class; the series chunk plans and renders it. */
import type { Frequency, SeriesFrequency } from '../../sdk/schemas.js';

export interface RepeatChoice {
  on: boolean;
  frequency: SeriesFrequency;
  /** 2–52 occurrences, or as many as fit before the program ends. */
  count: number | 'program';
  /** Planned starts the visitor left out. */
  drop: string[];
  /** Planned start → the free time the visitor chose instead. */
  move: Record<string, string>;
  /** Starts the backend refused at the last attempt (taken meanwhile). */
  refused: string[];
}

/** Off unless asked for; the session type's own cadence; until the program ends when there is one. */
export const repeatChoice = (on: boolean, cadence: Frequency | undefined, program: boolean): RepeatChoice => ({
  on,
  frequency: cadence === 'biweekly' || cadence === 'monthly' ? cadence : 'weekly',
  count: program ? 'program' : 12,
  drop: [],
  move: {},
  refused: [],
});
