/** twiml-fax-kit/pact: Pact contracts for the fax webhook: write them with Pact's DSL, verify providers with Pact's Rust verifier. */
export { FaxPactWriteError, writeFaxPact, type FaxPactOptions, type WrittenFaxPact } from './write-contract.js';
export { verifyFaxPact, type FaxPactVerification, type PactBrokerSource, type PactPublishOptions, type VerifyFaxPactOptions } from './verify.js';
export { FAX_PACT_DEFAULTS, FAX_PACT_STATES, type FaxPactState } from './states.js';
export { faxInteractions, ALL_RECEIVE_ATTRIBUTES, type FaxContractPaths, type FaxInteraction, type FaxReplyExpectation } from './interactions.js';
export { generatedExampleInteractions, type GeneratedExamplesOptions } from './generated-examples.js';
export type { StateChange, StateHandler, StateHandlers } from './state-server.js';
