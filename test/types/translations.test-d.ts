// registerTranslation is typed per element: a key the element does not have changes nothing,
// so it is a type error (compiled by `npm run typecheck`).
import { registerTranslation } from 'mentorship-kit';

registerTranslation('mentor-booking', 'fr', { book: 'Réserver' });
// @ts-expect-error <mentor-booking> has no message `confirm` (its button is `book`)
registerTranslation('mentor-booking', 'fr', { confirm: 'Réserver' });
registerTranslation('*', 'en', { retry: 'Try once more' });
// @ts-expect-error no element has a message `retyr`
registerTranslation('*', 'en', { retyr: 'Try once more' });
// @ts-expect-error no such element
registerTranslation('mentor-bookings', 'fr', { book: 'Réserver' });
registerTranslation('mentor-booking', 'fr', { dayNone: (date: string) => `${date} : aucun créneau`, 'st:one-on-one': 'Coaching individuel' });
// @ts-expect-error a function-valued message takes the English one's arguments
registerTranslation('mentor-booking', 'fr', { dayNone: (date: number) => `${date}` });
registerTranslation('program-picker', 'fr', { 'focus-data-engineering': 'Ingénierie des données' });
registerTranslation('session-tracker', 'fr', { 'activity:one-on-one': 'Entretien individuel' });
registerTranslation('commitment-calculator', 'fr', { 'n:three-tier': 'Mentorat à trois niveaux' });
