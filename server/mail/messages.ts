/**
 * What each notification mail says, in English and German (the booking's locale), with dates and
 * times through Intl in the reader's zone: the visitor's booking zone, the mentor's own zone.
 */
import type { Booking } from '../../src/sdk/schemas.js';

/** `promoted`: a seat opened for someone on the waitlist, and the booking is theirs. */
export type MailKind = 'confirmed' | 'moved' | 'cancelled' | 'reminder' | 'promoted';
export type Role = 'visitor' | 'mentor';
export type MailLanguage = 'en' | 'de';

export const languageOf = (locale: string | undefined): MailLanguage => (locale?.toLowerCase().startsWith('de') ? 'de' : 'en');

interface Facts {
  visitor: string;
  mentor: string;
  type: string;
  when: string;
  was?: string;
}

type Text = { subject: (f: Facts) => string; body: (f: Facts) => string };

const TEXTS: Record<MailLanguage, Record<Role, Record<MailKind, Text>>> = {
  en: {
    visitor: {
      confirmed: { subject: (f) => `Confirmed: ${f.type} with ${f.mentor}`, body: (f) => `Hello ${f.visitor},\n\nyour ${f.type} with ${f.mentor} is booked for ${f.when}.\nThe attached invitation adds it to your calendar.` },
      moved: { subject: (f) => `Moved: ${f.type} with ${f.mentor}`, body: (f) => `Hello ${f.visitor},\n\nyour ${f.type} with ${f.mentor} has moved to ${f.when} (it was ${f.was}).\nThe attached invitation updates your calendar.` },
      cancelled: { subject: (f) => `Cancelled: ${f.type} with ${f.mentor}`, body: (f) => `Hello ${f.visitor},\n\nyour ${f.type} with ${f.mentor} on ${f.when} is cancelled.` },
      reminder: { subject: (f) => `Reminder: ${f.type} with ${f.mentor}, ${f.when}`, body: (f) => `Hello ${f.visitor},\n\na reminder: your ${f.type} with ${f.mentor} is on ${f.when}.` },
      promoted: { subject: (f) => `A seat opened: ${f.type} with ${f.mentor}`, body: (f) => `Hello ${f.visitor},\n\na seat opened in the ${f.type} with ${f.mentor} you were waiting for, and it is yours: you are booked for ${f.when}.\nThe attached invitation adds it to your calendar.` },
    },
    mentor: {
      confirmed: { subject: (f) => `New booking: ${f.visitor}, ${f.type}`, body: (f) => `${f.visitor} booked a ${f.type} with you for ${f.when}.` },
      moved: { subject: (f) => `Moved: ${f.visitor}, ${f.type}`, body: (f) => `${f.visitor} moved their ${f.type} to ${f.when} (it was ${f.was}).` },
      cancelled: { subject: (f) => `Cancelled: ${f.visitor}, ${f.type}`, body: (f) => `${f.visitor} cancelled their ${f.type} on ${f.when}.` },
      reminder: { subject: (f) => `Reminder: ${f.visitor}, ${f.type}, ${f.when}`, body: (f) => `A reminder: your ${f.type} with ${f.visitor} is on ${f.when}.` },
      promoted: { subject: (f) => `From the waitlist: ${f.visitor}, ${f.type}`, body: (f) => `A seat in your ${f.type} on ${f.when} opened, and ${f.visitor}, next on the waitlist, has it now.` },
    },
  },
  de: {
    visitor: {
      confirmed: { subject: (f) => `Bestätigt: ${f.type} mit ${f.mentor}`, body: (f) => `Hallo ${f.visitor},\n\nIhr Termin „${f.type}“ mit ${f.mentor} ist gebucht: ${f.when}.\nMit der angehängten Einladung tragen Sie ihn in Ihren Kalender ein.` },
      moved: { subject: (f) => `Verschoben: ${f.type} mit ${f.mentor}`, body: (f) => `Hallo ${f.visitor},\n\nIhr Termin „${f.type}“ mit ${f.mentor} ist verschoben auf ${f.when} (vorher ${f.was}).\nDie angehängte Einladung aktualisiert Ihren Kalender.` },
      cancelled: { subject: (f) => `Abgesagt: ${f.type} mit ${f.mentor}`, body: (f) => `Hallo ${f.visitor},\n\nIhr Termin „${f.type}“ mit ${f.mentor} am ${f.when} ist abgesagt.` },
      reminder: { subject: (f) => `Erinnerung: ${f.type} mit ${f.mentor}, ${f.when}`, body: (f) => `Hallo ${f.visitor},\n\nzur Erinnerung: Ihr Termin „${f.type}“ mit ${f.mentor} ist am ${f.when}.` },
      promoted: { subject: (f) => `Ein Platz ist frei: ${f.type} mit ${f.mentor}`, body: (f) => `Hallo ${f.visitor},\n\nim Termin „${f.type}“ mit ${f.mentor}, auf den Sie gewartet haben, ist ein Platz frei geworden. Er gehört Ihnen: Sie sind gebucht für ${f.when}.\nMit der angehängten Einladung tragen Sie ihn in Ihren Kalender ein.` },
    },
    mentor: {
      confirmed: { subject: (f) => `Neue Buchung: ${f.visitor}, ${f.type}`, body: (f) => `${f.visitor} hat „${f.type}“ bei Ihnen gebucht: ${f.when}.` },
      moved: { subject: (f) => `Verschoben: ${f.visitor}, ${f.type}`, body: (f) => `${f.visitor} hat „${f.type}“ verschoben auf ${f.when} (vorher ${f.was}).` },
      cancelled: { subject: (f) => `Abgesagt: ${f.visitor}, ${f.type}`, body: (f) => `${f.visitor} hat „${f.type}“ am ${f.when} abgesagt.` },
      reminder: { subject: (f) => `Erinnerung: ${f.visitor}, ${f.type}, ${f.when}`, body: (f) => `Zur Erinnerung: Ihr Termin „${f.type}“ mit ${f.visitor} ist am ${f.when}.` },
      promoted: { subject: (f) => `Von der Warteliste: ${f.visitor}, ${f.type}`, body: (f) => `In Ihrem Termin „${f.type}“ am ${f.when} ist ein Platz frei geworden; ${f.visitor} stand als Nächstes auf der Warteliste und hat ihn jetzt.` },
    },
  },
};

export function formatWhen(iso: string, language: MailLanguage, timeZone: string): string {
  // Fields one by one: Intl refuses timeZoneName together with dateStyle/timeStyle.
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

export function composeMail(input: {
  kind: MailKind;
  role: Role;
  booking: Booking & { previousStart?: string };
  mentorName: string;
  sessionTypeName: string;
  /** The reader's zone. */
  timeZone: string;
}): { subject: string; text: string; language: MailLanguage } {
  const language = languageOf(input.booking.locale);
  const facts: Facts = {
    visitor: input.booking.name,
    mentor: input.mentorName,
    type: input.sessionTypeName,
    when: formatWhen(input.booking.start, language, input.timeZone),
    ...(input.booking.previousStart ? { was: formatWhen(input.booking.previousStart, language, input.timeZone) } : {}),
  };
  const text = TEXTS[language][input.role][input.kind];
  return { subject: text.subject(facts), text: text.body(facts) + '\n', language };
}

export type SeriesKind = 'series-confirmed' | 'series-cancelled';
type SeriesFacts = { visitor: string; mentor: string; type: string; count: number; list: string };
type SeriesText = { subject: (f: SeriesFacts) => string; body: (f: SeriesFacts) => string };

const SERIES_TEXTS: Record<MailLanguage, Record<Role, Record<SeriesKind, SeriesText>>> = {
  en: {
    visitor: {
      'series-confirmed': { subject: (f) => `Confirmed: ${f.count} × ${f.type} with ${f.mentor}`, body: (f) => `Hello ${f.visitor},\n\nyour ${f.type} with ${f.mentor} is booked ${f.count} times:\n${f.list}\nThe attached invitation adds them to your calendar.` },
      'series-cancelled': { subject: (f) => `Cancelled: ${f.count} × ${f.type} with ${f.mentor}`, body: (f) => `Hello ${f.visitor},\n\nthese sessions of your ${f.type} with ${f.mentor} are cancelled:\n${f.list}` },
    },
    mentor: {
      'series-confirmed': { subject: (f) => `New series: ${f.visitor}, ${f.count} × ${f.type}`, body: (f) => `${f.visitor} booked a ${f.type} with you ${f.count} times:\n${f.list}` },
      'series-cancelled': { subject: (f) => `Cancelled: ${f.visitor}, ${f.count} × ${f.type}`, body: (f) => `${f.visitor} cancelled these sessions of their ${f.type}:\n${f.list}` },
    },
  },
  de: {
    visitor: {
      'series-confirmed': { subject: (f) => `Bestätigt: ${f.count} × ${f.type} mit ${f.mentor}`, body: (f) => `Hallo ${f.visitor},\n\nIhr Termin „${f.type}“ mit ${f.mentor} ist ${f.count}-mal gebucht:\n${f.list}\nMit der angehängten Einladung tragen Sie die Termine in Ihren Kalender ein.` },
      'series-cancelled': { subject: (f) => `Abgesagt: ${f.count} × ${f.type} mit ${f.mentor}`, body: (f) => `Hallo ${f.visitor},\n\ndiese Termine „${f.type}“ mit ${f.mentor} sind abgesagt:\n${f.list}` },
    },
    mentor: {
      'series-confirmed': { subject: (f) => `Neue Serie: ${f.visitor}, ${f.count} × ${f.type}`, body: (f) => `${f.visitor} hat „${f.type}“ ${f.count}-mal bei Ihnen gebucht:\n${f.list}` },
      'series-cancelled': { subject: (f) => `Abgesagt: ${f.visitor}, ${f.count} × ${f.type}`, body: (f) => `${f.visitor} hat diese Termine „${f.type}“ abgesagt:\n${f.list}` },
    },
  },
};

/** One mail for several occurrences of a series, each listed in the reader's zone. */
export function composeSeriesMail(input: {
  kind: SeriesKind;
  role: Role;
  bookings: Booking[];
  mentorName: string;
  sessionTypeName: string;
  timeZone: string;
  /** Starts the series left out (taken, or dropped by the visitor): named, so no one wonders. */
  skipped?: readonly string[];
}): { subject: string; text: string; language: MailLanguage } {
  const first = input.bookings[0]!;
  const language = languageOf(first.locale);
  const facts: SeriesFacts = {
    visitor: first.name,
    mentor: input.mentorName,
    type: input.sessionTypeName,
    count: input.bookings.length,
    list: input.bookings.map((b) => `- ${formatWhen(b.start, language, input.timeZone)}`).join('\n'),
  };
  const text = SERIES_TEXTS[language][input.role][input.kind];
  const skipped = input.skipped?.length ? `\n${SKIPPED[language]}\n${input.skipped.map((s) => `- ${formatWhen(s, language, input.timeZone)}`).join('\n')}` : '';
  return { subject: text.subject(facts), text: text.body(facts) + skipped + '\n', language };
}

const SKIPPED: Record<MailLanguage, string> = { en: 'Not booked, as these times were not available:', de: 'Nicht gebucht, weil diese Zeiten nicht frei waren:' };
