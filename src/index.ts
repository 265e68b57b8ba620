/** The whole kit: defines every element and re-exports the classes and the SDK. */
import './define/mentorship-provider.js';
import './define/commitment-calculator.js';
import './define/program-picker.js';
import './define/mentor-booking.js';
import './define/session-tracker.js';

export { MentorshipProvider, type BackendKind } from './components/mentorship-provider/mentorship-provider.js';
export { CommitmentCalculator } from './components/commitment-calculator/commitment-calculator.js';
export { ProgramPicker } from './components/program-picker/program-picker.js';
export { MentorBooking } from './components/mentor-booking/mentor-booking.js';
export { SessionTracker } from './components/session-tracker/session-tracker.js';
export { MkElement, type MentorshipErrorDetail, type Theme, type ViewState } from './components/shared/mk-element.js';
export { define } from './components/shared/define.js';
export { clientContext } from './components/shared/context.js';
export { registerTranslation, type MessageTable } from './components/shared/localize.js';
export * from './sdk/index.js';
