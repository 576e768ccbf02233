/** twiml-fax-kit: the library. */
export * from './protocol/index.js';
export * from './diagnostic.js';
export * from './sender/index.js';
export * from './signature/index.js';
export * from './reporters/index.js';
export * from './checks/index.js';
export * from './media/index.js';
export * from './runner/index.js';
export * from './twiml/index.js';
export * from './pact/index.js';
export * from './lifecycle/index.js';
