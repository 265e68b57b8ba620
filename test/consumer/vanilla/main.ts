// A Vite vanilla-TS app that takes only the elements it uses, one entry each, and German.
import 'mentorship-kit/components/mentorship-provider';
import 'mentorship-kit/components/commitment-calculator';
import 'mentorship-kit/components/program-picker';
import 'mentorship-kit/components/mentor-booking';
import 'mentorship-kit/components/session-tracker';
import 'mentorship-kit/locales/de';
import type { Booking } from 'mentorship-kit/sdk';

document.querySelector('mentor-booking')!.addEventListener('booking-confirmed', (event) => {
  const booking: Booking = event.detail;
  document.querySelector('#last-booking')!.textContent = `Booked: ${booking.name}`;
});
