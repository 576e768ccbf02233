export { CHECKS, CHECK_IDS, selectChecks, type CheckSelection } from './registry.js';
export type { CaseInput, Check, CheckConfig, CheckContext, CheckIssue, PlannedCase } from './types.js';
export { FORM_ENCODINGS, encodeCanonically, type FormEncoding } from './form-encodings.js';
