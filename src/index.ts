/** The whole kit for bundlers: defines every element, re-exports the classes and the whole SDK. */
export * from './kit.js';
export * from './sdk/index.js';
