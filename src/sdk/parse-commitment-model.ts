// Not from generated/validators.js: the SDK's file carries only the commitment model's checks.
import { CommitmentModel as CommitmentModelValidator } from './generated/commitment-model.js';
import type { CommitmentModel } from './schemas.js';
import { parseOrThrow } from './validate.js';

/** Validates a model from JSON; throws a MentorshipError (`invalid-input`) listing the failing paths. */
export function parseCommitmentModel(value: unknown): CommitmentModel {
  return parseOrThrow(CommitmentModelValidator, value, 'commitment model');
}
