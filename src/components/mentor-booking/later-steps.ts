/**
 * The steps after choosing a time, loaded on demand (a lazy chunk) while the visitor looks at the
 * calendar: the details form, the confirmation with reschedule and cancel, and the booking policy
 * rules they need. A page that only shows free times never downloads them.
 */
export { isPolicyRefusal } from '../../sdk/scheduling/policies.js';
export { renderCancelled, renderConfirmation } from './steps/confirmation.js';
export { renderDetails } from './steps/details.js';
