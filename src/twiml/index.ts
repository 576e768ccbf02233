export { validateFaxTwiml, type ValidateOptions, type TwimlValidation } from './validate.js';
export type { ReplyBody } from './decode.js';
export { VALIDATOR_CHECKS, type ValidatorCheck, type ValidatorCheckId } from './checks.js';
export { verdictOf, describeVerdict, type Verdict } from './verdict.js';
export { formatValidationPretty } from './format-pretty.js';
