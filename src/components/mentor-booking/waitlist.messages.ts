/**
 * Text of <mentor-booking>'s waitlist (issue 16). English joins the element's built-in table when
 * the waitlist chunk loads (waitlist.ts); the one label the time grid needs before that (`full`)
 * is in the element's own table. German ships in the German locale file like every other string.
 */
type Plural = Intl.LDMLPluralRule;

export const waitlistEn = {
  stepWaitlist: 'Join the waitlist',
  waitlistIntro: 'This session is full. Join the waitlist: when a seat frees up, the first in line gets it automatically and is booked.',
  joinWaitlist: 'Join the waitlist',
  stepWaitlisted: 'You are on the waitlist',
  position: (place: string, _p: Plural) => `You are number ${place} in line.`,
  waitlistedNote: (email: string) => `When a seat frees up and it is your turn, it is booked for you and a confirmation goes to ${email}. You will see it here on your next visit.`,
  leaveWaitlist: 'Leave the waitlist',
  leftWaitlist: 'You have left the waitlist.',
  seatFreed: 'This session has a free seat again: choose it to book.',
  promotedTitle: 'A seat freed up: you are booked',
  promoted: (type: string, mentor: string, when: string) => `Your place on the waitlist became a booking: ${type} with ${mentor}, ${when}.`,
  dismiss: 'OK',
};

export const waitlistDe: typeof waitlistEn = {
  stepWaitlist: 'Auf die Warteliste',
  waitlistIntro: 'Dieser Termin ist voll. Tragen Sie sich in die Warteliste ein: Wird ein Platz frei, bekommt ihn automatisch, wer als Erstes wartet, und ist gebucht.',
  joinWaitlist: 'Auf die Warteliste setzen',
  stepWaitlisted: 'Sie stehen auf der Warteliste',
  position: (place: string) => `Sie sind an Platz ${place}.`,
  waitlistedNote: (email: string) => `Wird ein Platz frei und sind Sie an der Reihe, wird er für Sie gebucht, und eine Bestätigung geht an ${email}. Beim nächsten Besuch sehen Sie es hier.`,
  leaveWaitlist: 'Warteliste verlassen',
  leftWaitlist: 'Sie haben die Warteliste verlassen.',
  seatFreed: 'In diesem Termin ist wieder ein Platz frei: Wählen Sie ihn, um zu buchen.',
  promotedTitle: 'Ein Platz ist frei geworden: Sie sind gebucht',
  promoted: (type: string, mentor: string, when: string) => `Ihr Platz auf der Warteliste wurde zur Buchung: ${type} mit ${mentor}, ${when}.`,
  dismiss: 'OK',
};
