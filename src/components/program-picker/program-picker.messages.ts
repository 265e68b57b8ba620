/**
 * <program-picker> strings. Plurals are functions of the formatted number and its Intl.PluralRules
 * category for the element's locale.
 *
 * Catalog ids (formats, focus areas, session frequencies, the commitment models' roles) show as
 * the message `format-<id>`, `focus-<id>`, `freq-<id>` or `role-<model>-<role>` when the locale
 * has one, else in the catalog's own words: the id with spaces for hyphens ("web-development" →
 * "Web development"), a role's name from its model. English needs a message only where those do
 * not read well; other languages translate the ids the kit knows.
 */
type Plural = (n: string, category: string) => string;
type One = (text: string) => string;

export const en = {
  programs: 'Programs',
  filters: 'Filters',
  focusArea: 'Focus area',
  format: 'Format',
  anyFormat: 'Any format',
  duration: 'Duration',
  anyDuration: 'Any length',
  upTo: ((months) => `Up to ${months}`) as One,
  budget: ((currency) => (currency ? `Monthly budget (${currency})` : 'Monthly budget')) as One,
  results: ((n, c) => (c === 'one' ? `${n} program` : `${n} programs`)) as Plural,
  noMatch: 'No program matches these filters.',
  clearFilters: 'Clear filters',
  loading: 'Loading programs…',
  retry: 'Retry',
  months: ((n, c) => (c === 'one' ? `${n} month` : `${n} months`)) as Plural,
  people: ((n, c) => (c === 'one' ? `${n} person` : `${n} people`)) as Plural,
  perMonth: ((amount) => `${amount} / month`) as One,
  perPersonMonth: ((amount) => `${amount} / person / month`) as One,
  free: 'Free',
  onRequest: 'Price on request',
  price: 'Price',
  audience: 'For',
  groupSize: 'Group size',
  oneToOne: 'One-to-one',
  sessions: 'Sessions',
  session: ((name: string, frequency: string, length: string) => `${name}: ${frequency}, ${length}`) as (
    name: string,
    frequency: string,
    length: string,
  ) => string,
  weeklyHours: 'Weekly hours',
  hours: ((h) => `${h} h`) as One,
  atLeastHours: ((h) => `at least ${h} h`) as One,
  includes: 'Included',
  compare: 'Compare',
  compareTitle: 'Comparison',
  compareHint: 'Tick two or three programs to compare them side by side.',
  clearCompare: 'Clear comparison',
  required: 'Please choose a program.',
  httpFailed: ((url: string, status: number) =>
    `Could not load ${url}: ${status ? `the server answered ${status}` : 'the network request failed'}`) as (url: string, status: number) => string,
  badJson: ((url) => `${url} is not valid JSON`) as One,
  badCatalog: ((url) => `${url} is not a valid catalog`) as One,
  badPrograms: 'not a list of valid programs',
  'freq-biweekly': 'every two weeks',
};

export type ProgramPickerMessages = typeof en;

/** Translations of catalog ids: `format-<id>`, `focus-<id>`, `freq-<id>`, `role-<model>-<role>`. */
type CatalogLabels = Partial<Record<`${'format' | 'focus' | 'freq' | 'role'}-${string}`, string>>;

export const de: ProgramPickerMessages & CatalogLabels = {
  programs: 'Programme',
  filters: 'Filter',
  focusArea: 'Schwerpunkt',
  format: 'Format',
  anyFormat: 'Alle Formate',
  duration: 'Dauer',
  anyDuration: 'Beliebige Dauer',
  upTo: (months) => `Bis ${months}`,
  budget: (currency) => (currency ? `Monatsbudget (${currency})` : 'Monatsbudget'),
  results: (n, c) => (c === 'one' ? `${n} Programm` : `${n} Programme`),
  noMatch: 'Kein Programm passt zu diesen Filtern.',
  clearFilters: 'Filter zurücksetzen',
  loading: 'Programme werden geladen …',
  retry: 'Erneut versuchen',
  months: (n, c) => (c === 'one' ? `${n} Monat` : `${n} Monate`),
  people: (n, c) => (c === 'one' ? `${n} Person` : `${n} Personen`),
  perMonth: (amount) => `${amount} / Monat`,
  perPersonMonth: (amount) => `${amount} / Person / Monat`,
  free: 'Kostenlos',
  onRequest: 'Preis auf Anfrage',
  price: 'Preis',
  audience: 'Für',
  groupSize: 'Gruppengröße',
  oneToOne: 'Einzelbetreuung',
  sessions: 'Termine',
  session: (name, frequency, length) => `${name}: ${frequency}, ${length}`,
  weeklyHours: 'Stunden pro Woche',
  hours: (h) => `${h} Std.`,
  atLeastHours: (h) => `mindestens ${h} Std.`,
  includes: 'Enthalten',
  compare: 'Vergleichen',
  compareTitle: 'Vergleich',
  compareHint: 'Wählen Sie zwei oder drei Programme, um sie nebeneinander zu vergleichen.',
  clearCompare: 'Vergleich leeren',
  required: 'Bitte wählen Sie ein Programm.',
  httpFailed: (url, status) => `${url} konnte nicht geladen werden: ${status ? `Der Server antwortete mit ${status}` : 'Netzwerkfehler'}`,
  badJson: (url) => `${url} ist kein gültiges JSON`,
  badCatalog: (url) => `${url} ist kein gültiger Katalog`,
  badPrograms: 'keine Liste gültiger Programme',
  'format-individual': 'Einzeln',
  'format-group': 'Gruppe',
  'format-corporate': 'Unternehmen',
  'format-community': 'Community',
  'focus-technical-leadership': 'Technische Führung',
  'focus-career-advancement': 'Karriereentwicklung',
  'focus-engineering-management': 'Engineering-Management',
  'focus-architectural-thinking': 'Architekturdenken',
  'focus-web-development': 'Webentwicklung',
  'role-three-tier-lead': 'Leitender Mentor',
  'role-three-tier-mentor-mentee': 'Mentor-Mentee',
  'role-three-tier-mentee': 'Mentee',
  'role-coaching-cadence-mentor': 'Coach',
  'role-coaching-cadence-mentee': 'Teilnehmende',
  'freq-weekly': 'wöchentlich',
  'freq-biweekly': 'alle zwei Wochen',
  'freq-monthly': 'monatlich',
  'freq-as-needed': 'nach Bedarf',
};
