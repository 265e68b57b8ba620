/**
 * Text of <mentor-booking>. Functions take already formatted values (dates and times through Intl
 * for the element's locale) and, for plurals, the Intl.PluralRules category of the count.
 * Keys `st:<id>`, `pt:<id>` and `mt:<id>` translate the demo catalog's session type names, program titles and mentor titles
 * (the data holds English); other catalogs show their own text.
 */
import type { laterEn } from './later-steps.messages.js';
import type { seriesEn } from './series.messages.js';
import type { waitlistEn } from './waitlist.messages.js';

type Plural = Intl.LDMLPluralRule;

export const en = {
  loading: 'Loading free times…',
  loadFailed: 'Could not load free times.',
  retry: 'Try again',
  back: 'Back',
  stepType: 'Choose a session',
  program: 'Program',
  anyProgram: 'Any program',
  noTypes: 'This program has no sessions to book.',
  stepMentor: 'Choose a mentor',
  stepDay: 'Choose a day',
  stepNewDay: 'Choose a new day',
  prev: 'Previous month',
  next: 'Next month',
  dayLabel: (date: string, count: string, p: Plural) => `${date}, ${count} ${p === 'one' ? 'free time' : 'free times'}`,
  dayNone: (date: string) => `${date}, no free times`,
  dayFull: (date: string) => `${date}, full: join the waitlist`,
  nextFree: (date: string) => `No free times this month. Next free day: ${date}.`,
  showNext: 'Go to that day',
  empty: (days: string, p: Plural) => `No free times in the next ${days} ${p === 'one' ? 'day' : 'days'}.`,
  zone: 'Your time zone',
  zoneShown: (zone: string) => `Times are shown in ${zone}.`,
  zoneInvalid: 'Choose a time zone from the list.',
  stepTime: (date: string) => `Choose a time on ${date}`,
  taken: 'That time was just taken. Please choose another one.',
  badAttr: (value: string) => `There is no “${value}” in the catalog; ignoring it.`,
  notOffered: (mentor: string, type: string) => `${mentor} does not offer “${type}”; ignoring it.`,
  badZone: (value: string, zone: string) => `“${value}” is not an IANA time zone; using ${zone}.`,
  badCycle: (value: string) => `“${value}” is neither h12 nor h23; using the locale’s clock.`,
  // Seats and booking policies (issue 16).
  seatsLeft: (left: string, of: string, _p: Plural) => `${left} of ${of} seats left`,
  full: 'Full — join the waitlist',
  stepLoading: 'Loading the next step…',
  stepFailed: 'Could not load the next step.',
};

/**
 * With the strings of the chunks loaded on demand, which join `en` when their chunk loads: the
 * later steps' (later-steps.messages.ts), the series' and the waitlist's.
 */
export type MentorBookingMessages = typeof en & typeof laterEn & typeof seriesEn & typeof waitlistEn;

/** German; the later steps', the series' and the waitlist's German are in their own messages files (the German locale file registers them all). */
export const de: typeof en = {
  loading: 'Freie Termine werden geladen…',
  loadFailed: 'Freie Termine konnten nicht geladen werden.',
  retry: 'Erneut versuchen',
  back: 'Zurück',
  stepType: 'Sitzung wählen',
  program: 'Programm',
  anyProgram: 'Alle Programme',
  noTypes: 'Für dieses Programm lässt sich keine Sitzung buchen.',
  stepMentor: 'Mentor oder Mentorin wählen',
  stepDay: 'Tag wählen',
  stepNewDay: 'Neuen Tag wählen',
  prev: 'Vorheriger Monat',
  next: 'Nächster Monat',
  dayLabel: (date, count, p) => `${date}, ${count} ${p === 'one' ? 'freier Termin' : 'freie Termine'}`,
  dayNone: (date) => `${date}, keine freien Termine`,
  dayFull: (date) => `${date}, ausgebucht: Warteliste möglich`,
  nextFree: (date) => `In diesem Monat gibt es keine freien Termine. Nächster freier Tag: ${date}.`,
  showNext: 'Zu diesem Tag',
  empty: (days, p) => `Keine freien Termine in ${p === 'one' ? 'dem nächsten Tag' : `den nächsten ${days} Tagen`}.`,
  zone: 'Ihre Zeitzone',
  zoneShown: (zone) => `Zeiten in ${zone}.`,
  zoneInvalid: 'Bitte eine Zeitzone aus der Liste wählen.',
  stepTime: (date) => `Uhrzeit am ${date} wählen`,
  taken: 'Dieser Termin wurde gerade vergeben. Bitte wählen Sie einen anderen.',
  badAttr: (value) => `„${value}“ gibt es im Katalog nicht; wird ignoriert.`,
  notOffered: (mentor, type) => `${mentor} bietet „${type}“ nicht an; wird ignoriert.`,
  badZone: (value, zone) => `„${value}“ ist keine IANA-Zeitzone; verwendet wird ${zone}.`,
  badCycle: (value) => `„${value}“ ist weder h12 noch h23; die Uhr der Sprache wird verwendet.`,
  ...({
    'st:one-on-one': '1:1-Coaching',
    'st:technical-review': 'Technisches Review',
    'st:career-planning': 'Karriereplanung',
    'st:practice-interview': 'Probe-Interview',
    'st:group-session': 'Gruppensitzung',
    'pt:technical-leadership': 'Entwicklung technischer Führung',
    'pt:management-transition': 'Wechsel ins Engineering-Management',
    'pt:individual-mentorship': 'Einzel-Mentoring',
    'pt:group-mentorship': 'Gruppen-Mentoring',
    'pt:corporate-programs': 'Firmenprogramme',
    'pt:three-tier-community': 'Dreistufiges Community-Mentoring',
    'mt:lena-hoffmann': 'Leitende Ingenieurin, verteilte Systeme',
    'mt:marcus-reed': 'Leiter Engineering',
    'mt:priya-raman': 'Staff-Ingenieurin, Entwicklungswerkzeuge',
    'mt:kenji-watanabe': 'Lead-Mentor, Community-Programm',
  } as object),
  seatsLeft: (left, of, p) => `${p === 'one' ? 'noch 1 Platz' : `noch ${left} Plätze`} von ${of} frei`,
  full: 'Voll – auf die Warteliste',
  stepLoading: 'Der nächste Schritt wird geladen…',
  stepFailed: 'Der nächste Schritt konnte nicht geladen werden.',
};
