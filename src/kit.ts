/**
 * The CDN file, dist/mentorship-kit.js: defines every element and exports the classes and the
 * SDK a page needs at first paint (httpBackend's code loads on its first request). The demo
 * catalog and the export functions, which the elements load on demand, are not re-exported
 * here, so they stay out of this file; bundler users get the whole SDK from 'mentorship-kit' or
 * 'mentorship-kit/sdk'.
 */
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
export {
  createClient,
  MentorshipError,
  createRecordBackend,
  localBackend,
  LOCAL_SCHEMA_VERSION,
  memoryBackend,
  httpBackend,
  computeCommitment,
  COMMITMENT_LIMITS,
  THREE_TIER_MODEL,
  COACHING_CADENCE_MODEL,
  BUILT_IN_MODELS,
  generateSlots,
  isSlotFree,
  wallTimeToInstant,
} from './sdk/index.js';
export type * from './sdk/index.js';
