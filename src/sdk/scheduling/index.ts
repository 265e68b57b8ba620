export { generateSlots, isSlotFree, type SlotInput } from './slots.js';
export {
  wallTimeToInstant,
  firstInstantAtOrAfter,
  wallClockAt,
  offsetMinutes,
  dateInZone,
  timeInZone,
  isoWeekday,
  addDays,
  type WallClock,
} from './zone.js';
