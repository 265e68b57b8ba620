/**
 * German for every element. Import it once, after or before the kit:
 *   import 'mentorship-kit/locales/de';
 *   <script type="module" src="…/dist/locales/de.js"></script>
 * then `locale="de-DE"` on an element, or `lang="de"` on the page, shows German.
 */
import { de as calculator } from '../components/commitment-calculator/commitment-calculator.messages.js';
import { de as booking } from '../components/mentor-booking/mentor-booking.messages.js';
import { laterDe } from '../components/mentor-booking/later-steps.messages.js';
import { seriesDe } from '../components/mentor-booking/series.messages.js';
import { waitlistDe } from '../components/mentor-booking/waitlist.messages.js';
import { de as picker } from '../components/program-picker/program-picker.messages.js';
import { de as tracker } from '../components/session-tracker/session-tracker.messages.js';
import { de as attendance } from '../components/session-tracker/attendance.messages.js';
import { registerTranslation } from '../components/shared/localize.js';

registerTranslation('commitment-calculator', 'de', calculator);
registerTranslation('program-picker', 'de', picker);
registerTranslation('mentor-booking', 'de', { ...booking, ...laterDe, ...seriesDe, ...waitlistDe });
registerTranslation('session-tracker', 'de', { ...tracker, ...attendance });
