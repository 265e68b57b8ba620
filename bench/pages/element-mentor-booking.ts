// <mentor-booking> alone: its class (and what it imports), defined by the measuring helper.
import { MentorBooking } from '../../src/components/mentor-booking/mentor-booking.js';
import { measureDefine } from './element.js';

measureDefine('mentor-booking', MentorBooking);
