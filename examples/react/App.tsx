// mentorship-kit in a React 19 app. React 19 passes properties to custom elements and listens to
// their events with `on` + the event's name; the consumer test (scripts/consumer-test.mjs)
// builds exactly this file for production and books a session through it, and `npm run typecheck`
// compiles it against the kit's generated JSX types (mentorship-kit/react).
import { useState } from 'react';
import 'mentorship-kit';
import type {} from 'mentorship-kit/react';
import type { Booking } from 'mentorship-kit';

export function App() {
  const [booking, setBooking] = useState<Booking | null>(null);
  return (
    <mentorship-provider namespace="react-app">
      <commitment-calculator mentees-per-mentor="3" weeks={12}></commitment-calculator>
      <program-picker compare></program-picker>
      <mentor-booking onbooking-confirmed={(event) => setBooking(event.detail)}></mentor-booking>
      {booking && <p id="last-booking">Booked: {booking.name}</p>}
      <session-tracker weeks={8}></session-tracker>
    </mentorship-provider>
  );
}
