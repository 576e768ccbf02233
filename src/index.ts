/** twiml-fax-kit: the library. */
export * from './protocol/index.js';
export * from './diagnostic.js';
export type * from './sender/types.js';
