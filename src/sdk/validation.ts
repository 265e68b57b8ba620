/**
 * Everything the SDK validates with, as one module: the generated validators, their runtime and
 * the checks built on them. Loaded on demand (load-validation.ts): a page validates only when
 * something is written, imported or given as JSON, so its first paint never downloads them.
 */
export * as V from './generated/validators.js';
export { check, type Validator } from './validator.js';
export { parseOrThrow } from './validate.js';
export { validateImport } from './session-import.js';
export { parseCommitmentModel } from './parse-commitment-model.js';
