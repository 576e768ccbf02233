export { assertConformance, checkServer, randomSeed, type CheckServerOptions, type CheckTarget } from './check-server.js';
export { runConformance, type RunPlan } from './run.js';
export { toCurl, shellQuote, type CurlRequest } from './curl.js';
export { planCases, caseInput, EXAMPLE_CASES } from './plan.js';
export type { ShrinkBudget } from './shrink.js';
export type * from './report.js';
export type * from './events.js';
export { describeUrlProblem, withoutCredentials } from './target-url.js';
