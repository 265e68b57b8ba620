/**
 * Text of <commitment-calculator>. Functions take already formatted numbers (Intl, for the
 * element's locale) and, for plurals, the Intl.PluralRules category of the count.
 * The three number fields' labels and hints are keyed by their property names.
 */
type Plural = Intl.LDMLPluralRule;

/**
 * Names of a model (`n:<model id>`) and of its roles and activities (`n:<model id>:<id>`) in
 * another language. The models' data holds English names, so English needs none; German names
 * the built-in models. A model without them shows the names in its data.
 */
type ModelNames = Record<`n:${string}`, string>;

export const en = {
  menteesPerMentor: 'Mentees per mentor (X)',
  menteesPerMentorHint: (min: string, max: string) => `People each mentor takes on: ${min} to ${max}.`,
  weeks: 'Cycle length in weeks',
  weeksHint: (min: string, max: string) => `${min} to ${max} weeks.`,
  availableHours: 'Your available hours a week',
  availableHoursHint: 'Optional: leave empty to skip the fit check.',
  invalid: (label: string, raw: string, min: string, max: string, whole: boolean) =>
    `${label}: “${raw}” is not ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}. Showing the last valid result.`,
  caption: (model: string) => `Weekly hours by role and activity: ${model}`,
  activity: 'Activity',
  total: 'Total a week',
  cycle: (weeks: string, p: Plural) => `Over ${weeks} ${p === 'one' ? 'week' : 'weeks'}`,
  people: 'People in this role',
  fitHead: (hours: string) => `Fits your ${hours} a week?`,
  fits: 'Fits',
  over: (hours: string) => `${hours} too many`,
  atLeast: (value: string) => `at least ${value}`,
  about: (value: string) => `about ${value}`,
  none: 'not part of this role',
  summary: (list: string) => `Weekly hours: ${list}.`,
  /** `list` is empty when no role fits. */
  fitSummary: (list: string) => (list ? `Fits your hours: ${list}.` : 'No role fits your hours.'),
  reach: (count: string, p: Plural) => `One lead reaches ${count} ${p === 'one' ? 'person' : 'people'}.`,
  chart: 'Chart: weekly hours by role, stacked by activity',
  choose: 'Choose your role',
  saved: (role: string, hours: string) => `Saved to your plan: ${role}, ${hours} a week.`,
  loading: 'Loading the model…',
  empty: 'This program has no commitment model yet.',
  failed: 'The commitment model could not be loaded.',
  retry: 'Try again',
  notJson: (src: string) => `${src} is not JSON.`,
  httpError: (status: number, src: string) => (status ? `HTTP ${status} loading ${src}.` : `Could not reach ${src}.`),
  noRole: (id: string) => `There is no role “${id}” in this model.`,
  formula: (minutes: string, perYear: string) => `${minutes} min × ${perYear} a year ÷ 52 weeks`,
  formulaAsNeeded: (minutes: string) => `${minutes} min when needed, not counted`,
  formulaGroup: (seats: string) => `a group of up to ${seats}, together`,
  asNeeded: 'as needed',
};

export type CalculatorMessages = typeof en & ModelNames;

export const de: CalculatorMessages = {
  menteesPerMentor: 'Betreute pro Mentor:in (X)',
  menteesPerMentorHint: (min, max) => `Personen, die jede:r Mentor:in betreut: ${min} bis ${max}.`,
  weeks: 'Zykluslänge in Wochen',
  weeksHint: (min, max) => `${min} bis ${max} Wochen.`,
  availableHours: 'Ihre verfügbaren Stunden pro Woche',
  availableHoursHint: 'Optional: leer lassen, um die Prüfung zu überspringen.',
  invalid: (label, raw, min, max, whole) =>
    `${label}: „${raw}“ ist keine ${whole ? 'ganze Zahl' : 'Zahl'} von ${min} bis ${max}. Angezeigt wird das letzte gültige Ergebnis.`,
  caption: (model) => `Wochenstunden nach Rolle und Tätigkeit: ${model}`,
  activity: 'Tätigkeit',
  total: 'Summe pro Woche',
  cycle: (weeks, p) => `In ${weeks} ${p === 'one' ? 'Woche' : 'Wochen'}`,
  people: 'Personen in dieser Rolle',
  fitHead: (hours) => `Passt zu Ihren ${hours} pro Woche?`,
  fits: 'Passt',
  over: (hours) => `${hours} zu viel`,
  atLeast: (value) => `mindestens ${value}`,
  about: (value) => `etwa ${value}`,
  none: 'gehört nicht zu dieser Rolle',
  summary: (list) => `Wochenstunden: ${list}${list.endsWith('.') ? '' : '.'}`,
  fitSummary: (list) => (list ? `Passt zu Ihren Stunden: ${list}${list.endsWith('.') ? '' : '.'}` : 'Keine Rolle passt zu Ihren Stunden.'),
  reach: (count, p) => `Eine Leitung erreicht ${count} ${p === 'one' ? 'Person' : 'Personen'}.`,
  chart: 'Diagramm: Wochenstunden je Rolle, gestapelt nach Tätigkeit',
  choose: 'Wählen Sie Ihre Rolle',
  saved: (role, hours) => `In Ihrem Plan gespeichert: ${role}, ${hours} pro Woche.`,
  loading: 'Das Modell wird geladen …',
  empty: 'Für dieses Programm gibt es noch kein Zeitmodell.',
  failed: 'Das Zeitmodell konnte nicht geladen werden.',
  retry: 'Erneut versuchen',
  notJson: (src) => `${src} ist kein JSON.`,
  httpError: (status, src) => (status ? `HTTP ${status} beim Laden von ${src}.` : `${src} ist nicht erreichbar.`),
  noRole: (id) => `Dieses Modell hat keine Rolle „${id}“.`,
  formula: (minutes, perYear) => `${minutes} Min. × ${perYear} im Jahr ÷ 52 Wochen`,
  formulaAsNeeded: (minutes) => `${minutes} Min. nach Bedarf, nicht mitgezählt`,
  formulaGroup: (seats) => `eine Gruppe von bis zu ${seats}, gemeinsam`,
  asNeeded: 'nach Bedarf',
  'n:three-tier': 'Dreistufiges Community-Mentoring',
  'n:coaching-cadence': 'Rhythmus der Einzelbetreuung',
  'n:three-tier:lead': 'Leitende:r Mentor:in',
  'n:three-tier:mentor-mentee': 'Mentor:in in Ausbildung',
  'n:three-tier:mentee': 'Einsteiger:in',
  'n:coaching-cadence:mentor': 'Betreuer:in',
  'n:coaching-cadence:mentee': 'Teilnehmer:in',
  'n:three-tier:one-on-one': 'Einzelgespräche',
  'n:three-tier:weekly-review': 'Wochenrückblick',
  'n:three-tier:project-practice': 'Projekt / Übung',
  'n:three-tier:code-review': 'Codeprüfung',
  'n:coaching-cadence:one-on-one': 'Einzelbetreuung (1:1)',
  'n:coaching-cadence:technical-review': 'Technisches Review',
  'n:coaching-cadence:career-planning': 'Karriereplanung',
  'n:coaching-cadence:practice-interview': 'Übungsinterview',
  'n:coaching-cadence:group-session': 'Gruppensitzung',
};
