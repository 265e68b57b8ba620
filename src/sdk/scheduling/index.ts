export { generateSlots, isSlotFree, type SlotInput } from './slots.js';
export { wallTimeToInstant, wallClockAt, offsetMinutes, dateInZone, isoWeekday, addDays } from './zone.js';
