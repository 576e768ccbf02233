export { validateFaxTwiml, type ValidateOptions, type TwimlValidation } from './validate.js';
export type { ReplyBody } from './decode.js';
export type { Effect, ReplyEffect } from './effect.js';
export { VALIDATOR_CHECKS, type ValidatorCheck, type ValidatorCheckId } from '../model/validator-checks.js';
export { verdictOf, describeVerdict, describeEffect, type Verdict } from './verdict.js';
export { formatValidationPretty } from './format-pretty.js';
