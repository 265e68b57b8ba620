// Compiled by `npm run typecheck` (scripts/react-types.mjs --test) against the React types
// generated from a fresh custom-elements.json: what a React 19 app may and may not write.
import type {} from 'mentorship-kit/react';
import type { Booking, Program } from 'mentorship-kit';

export function Page({ onBooked, onChosen }: { onBooked: (booking: Booking) => void; onChosen: (program: Program) => void }) {
  return (
    <mentorship-provider backend="http" baseUrl="http://127.0.0.1:8787/v1" token="" theme="dark">
      <commitment-calculator menteesPerMentor={3} weeks={12} available-hours="6" oncommitment-change={(event) => event.detail.result.roles.length} />
      <program-picker compare max-price={3000} onprogram-select={(event) => onChosen(event.detail.program)} />
      <mentor-booking mentor="lena-hoffmann" session-type="one-on-one" className="booking" onbooking-confirmed={(event) => onBooked(event.detail)} onbooking-cancelled={(event) => event.detail.status} />
      <session-tracker weeklyGoal={5.5} readonly onsession-change={(event) => event.detail} onmentorship-error={(event) => event.detail.source} />
    </mentorship-provider>
  );
}

export const wrongDetail = (
  // @ts-expect-error a booking has no `when`: the handler's event is CustomEvent<Booking>
  <mentor-booking onbooking-confirmed={(event) => event.detail.when} />
);
export const wrongProperty = (
  // @ts-expect-error there is no property `sessionTypeId` (it is `sessionType`, attribute `session-type`)
  <mentor-booking sessionTypeId="one-on-one" />
);
export const wrongPropertyType = (
  // @ts-expect-error menteesPerMentor is a number
  <commitment-calculator menteesPerMentor={{ x: 3 }} />
);
export const wrongTheme = (
  // @ts-expect-error theme is 'light', 'dark' or ''
  <session-tracker theme="purple" />
);
export const wrongBackend = (
  // @ts-expect-error backend is 'local', 'memory' or 'http'
  <mentorship-provider backend="cloud" />
);
export const outputOnly = (
  // @ts-expect-error viewState is what the element shows, not an input
  <program-picker viewState="ready" />
);
