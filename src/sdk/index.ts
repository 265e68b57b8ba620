/**
 * The SDK's public surface: framework-free, no rendering, importable on its own. Helpers the
 * SDK uses inside (time-zone arithmetic, ICS escaping, ids, the enum lists) stay internal: every
 * export is kept whole in every bundle, and those helpers cost the kit ~0.3 KB min+gzip. The enum
 * values are in the zod schemas ('mentorship-kit/schemas') and the exported types.
 */
export { createClient, type MentorshipClient, type ChangeEvent, type ChangeKind, type ImportSummary, type ClientOptions } from './client.js';
export { MentorshipError, type ErrorCode, type ValidationIssue } from './errors.js';
export type { Backend, SlotRequest } from './backends/backend.js';
export type { RecordStore, RecordWrite } from './backends/record-store.js';
export { createRecordBackend } from './backends/record-backend.js';
export { localBackend, LOCAL_SCHEMA_VERSION, type LocalBackendOptions, type Migration } from './backends/local.js';
export { memoryBackend, type MemoryBackendOptions } from './backends/memory.js';
export { DEMO_CATALOG } from './catalog/demo-catalog.js';
// Types are z.infer of the zod schemas; to validate your own data, import the zod schemas from
// 'mentorship-kit/schemas'. The SDK validates at its boundaries with the generated validators,
// which stay internal: exporting them would keep all 36 in every bundle (~0.3 KB min+gzip).
export type {
  ActivityHours,
  TieredRole,
  TieredActivity,
  TieredModel,
  Frequency,
  CadenceItem,
  CadenceModel,
  CommitmentModel,
  SessionType,
  Range,
  Price,
  ProgramFormat,
  Phase,
  Program,
  AvailabilityWindow,
  WeeklyWindow,
  DateOverride,
  BookingRules,
  Mentor,
  Catalog,
  CareerLevel,
  BookingRequest,
  BookingStatus,
  Booking,
  Slot,
  SessionActivity,
  SessionInput,
  Session,
  SessionPatch,
  Plan,
  WaitlistEntry,
  WaitlistStatus,
  WaitlistRequest,
} from './schemas.js';
export { parseCommitmentModel } from './parse-commitment-model.js';
export {
  computeCommitment,
  COMMITMENT_LIMITS,
  THREE_TIER_MODEL,
  COACHING_CADENCE_MODEL,
  BUILT_IN_MODELS,
  type CommitmentField,
  type CommitmentInput,
  type CommitmentResult,
  type RoleCommitment,
  type ActivityBreakdown,
} from './commitment.js';
export { generateSlots, isSlotFree, wallTimeToInstant, type SlotInput } from './scheduling/index.js';
export { toIcs, type IcsEvent } from './export/ics.js';
export { seriesToIcs } from './export/series-ics.js';
export { sessionsToCsv, sessionsToJson, readSessionsJson, type SessionsExport } from './export/csv.js';
export type { HttpBackendOptions } from './backends/http.js';
// Loads the HTTP backend's code (and ky) from its own chunk on first use.
export { httpBackend } from './backends/lazy-http.js';
