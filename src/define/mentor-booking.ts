import { MentorBooking } from '../components/mentor-booking/mentor-booking.js';
import { define } from '../components/shared/define.js';

define('mentor-booking', MentorBooking);

export { MentorBooking };
