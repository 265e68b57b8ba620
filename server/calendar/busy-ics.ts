/**
 * Busy intervals from an iCalendar feed, parsed with ical.js: recurring events (RRULE, RDATE,
 * EXDATE), moved or changed occurrences (RECURRENCE-ID), times in a TZID zone (with its
 * VTIMEZONE, or an IANA name the feed does not define), UTC and all-day events. Free time
 * (TRANSP:TRANSPARENT) and cancelled events do not count.
 */
import ICAL from 'ical.js';
import { addDays, firstInstantAtOrAfter, wallTimeToInstant } from '../../src/sdk/scheduling/zone.js';

export type Interval = [start: number, end: number];

/** Parses `text` into its VEVENTs; throws on anything that is not an iCalendar document. */
export function parseCalendar(text: string): ICAL.Component {
  const root = new ICAL.Component(ICAL.parse(text));
  if (root.name !== 'vcalendar') throw new Error(`not a VCALENDAR but ${root.name.toUpperCase()}`);
  return root;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A time as a UTC instant. Dates (all-day) start at midnight in `zone` (the mentor's); a time
 * whose TZID the feed did not define is read as that IANA zone through Intl.
 */
function instantOf(time: ICAL.Time, zone: string, tzid: string | null): number {
  const date = `${time.year}-${pad(time.month)}-${pad(time.day)}`;
  if (time.isDate) return firstInstantAtOrAfter(date, '00:00', zone);
  const known = time.zone && (time.zone === ICAL.Timezone.utcTimezone || time.zone.tzid !== 'floating');
  if (known) return time.toJSDate().getTime();
  const wall = `${pad(time.hour)}:${pad(time.minute)}`;
  const ianaZone = tzid && isIanaZone(tzid) ? tzid : zone;
  const ms = wallTimeToInstant(date, wall, ianaZone) ?? firstInstantAtOrAfter(date, wall, ianaZone);
  return ms + time.second * 1000;
}

function isIanaZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The end of an all-day span `days` after its start, at midnight in `zone`. */
function allDayEnd(start: ICAL.Time, end: ICAL.Time | null, zone: string): number {
  const from = `${start.year}-${pad(start.month)}-${pad(start.day)}`;
  if (end?.isDate) return firstInstantAtOrAfter(`${end.year}-${pad(end.month)}-${pad(end.day)}`, '00:00', zone);
  return firstInstantAtOrAfter(addDays(from, 1), '00:00', zone);
}

/**
 * Every busy interval of `calendar` that overlaps [fromMs, toMs). `zone` is the mentor's IANA
 * zone (for all-day and floating times). Recurrences stop after `maxOccurrences` per event.
 */
export function busyIntervals(calendar: ICAL.Component, zone: string, fromMs: number, toMs: number, maxOccurrences = 5000): Interval[] {
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
    const tz = new ICAL.Timezone(vtz);
    if (!ICAL.TimezoneService.has(tz.tzid)) ICAL.TimezoneService.register(tz, tz.tzid);
  }
  const vevents = calendar.getAllSubcomponents('vevent');
  const masters = new Map<string, ICAL.Event>();
  const exceptions: ICAL.Event[] = [];
  for (const vevent of vevents) {
    const event = new ICAL.Event(vevent);
    if (event.isRecurrenceException()) exceptions.push(event);
    else masters.set(event.uid, event);
  }
  for (const ex of exceptions) {
    const master = masters.get(ex.uid);
    if (master) master.relateException(ex);
    else masters.set(`${ex.uid}#${ex.recurrenceId}`, ex); // an orphan override is an event of its own
  }

  const out: Interval[] = [];
  const busy = (component: ICAL.Component) =>
    String(component.getFirstPropertyValue('transp') ?? 'OPAQUE').toUpperCase() !== 'TRANSPARENT' &&
    String(component.getFirstPropertyValue('status') ?? '').toUpperCase() !== 'CANCELLED';
  const tzidOf = (component: ICAL.Component, prop: string) => component.getFirstProperty(prop)?.getParameter('tzid') as string | null ?? null;
  const push = (component: ICAL.Component, start: ICAL.Time, end: ICAL.Time | null) => {
    if (!busy(component)) return;
    const startMs = instantOf(start, zone, tzidOf(component, 'dtstart'));
    const endMs = start.isDate ? allDayEnd(start, end, zone) : end ? instantOf(end, zone, tzidOf(component, 'dtend') ?? tzidOf(component, 'dtstart')) : startMs;
    if (endMs > fromMs && startMs < toMs && endMs > startMs) out.push([startMs, endMs]);
  };

  for (const event of masters.values()) {
    if (!event.startDate) continue;
    if (!event.isRecurring()) {
      push(event.component, event.startDate, event.endDate);
      continue;
    }
    const iterator = event.iterator();
    let next: ICAL.Time | null;
    for (let n = 0; n < maxOccurrences && (next = iterator.next()); n++) {
      const details = event.getOccurrenceDetails(next);
      const startMs = instantOf(details.startDate, zone, tzidOf(details.item.component, 'dtstart'));
      if (startMs >= toMs + 7 * 86_400_000) break; // a moved occurrence may come from a week away
      push(details.item.component, details.startDate, details.endDate);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}
