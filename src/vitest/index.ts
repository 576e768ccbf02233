/** twiml-fax-kit/vitest: the conformance harness as vitest tests, one per check. Needs vitest (a peer dependency). */
export { describeFaxConformance, type FaxConformanceOptions } from './describe-fax-conformance.js';
