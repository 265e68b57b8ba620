/**
 * The steps after choosing a time, loaded on demand (a lazy chunk) while the visitor looks at the
 * calendar: the details form and its checks, the confirmation with reschedule and cancel, and the
 * booking policy rules they need. A page that only shows free times never downloads them.
 */
import type { BookingRequest } from '../../sdk/schemas.js';
import { check, V } from '../../sdk/validation.js';

export { isPolicyRefusal } from '../../sdk/scheduling/policies.js';
export { renderCancelled, renderConfirmation } from './steps/confirmation.js';
export { renderDetails } from './steps/details.js';

/** The paths of a booking request that fail the SDK's own checks (the validators' shared chunk). */
export function invalidPaths(request: BookingRequest): string[] {
  const result = check(V.BookingRequest, request);
  return result.success ? [] : result.issues.map((i) => i.path);
}
