/**
 * twiml-fax-kit/harness: plays Twilio's fax service against a webhook server and reports every way it would make a
 * real fax fail. `checkServer` returns the report, `assertConformance` throws with it; `defineCheck` adds checks of
 * your own (docs/custom-checks.md); the checks, the Twilio-like sender and its transports, and the formatters of the
 * CLI's reporters are here for scripts of your own.
 */
export { checkServer, type CheckServerOptions, type CheckTarget } from './check-server.js';
export { assertConformance } from './assert-conformance.js';
export type { ShrinkBudget } from '../runner/shrink.js';
export { CHECKS, CHECK_IDS, selectChecks, type CheckSelection } from '../checks/registry.js';
export { defineCheck, type CheckDefinition } from '../checks/check-api/define-check.js';
export { issuesOf, judged, notJudged } from '../checks/check-api/types.js';
export type { CaseInput, Check, CheckConfig, CheckContext, CheckDiagnostic, CheckIssue, CheckOutcome, PlannedCase } from '../checks/check-api/types.js';
export { BrokenCheckError } from '../runner/broken-check-error.js';
export type { CaseRandom } from '../checks/check-api/case-random.js';
export { ENDPOINTS, type Endpoint } from '../checks/check-api/endpoint.js';
export { createSender, type SenderOptions } from '../sender/create-sender.js';
export { networkTransport, type NetworkTransportOptions } from '../sender/network-transport.js';
export { inProcessTransport, type FetchHandler, type InProcessTransportOptions } from '../sender/in-process-transport.js';
export { listenerTransport, type NodeListener } from '../sender/listener-transport.js';
export { TransportFailureError, type Transport, type TransportError, type TransportReply, type TransportRequest } from '../sender/transport.js';
export { formatFindingsText } from '../reporters/format-findings-text.js';
export { formatPrettyReport } from '../reporters/pretty.js';
export { formatJsonReport } from '../reporters/json.js';
export { formatJunitReport } from '../reporters/junit.js';
export { formatGithubCommands } from '../reporters/github.js';
