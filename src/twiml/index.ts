/** The TwiML validator, as the rest of the kit uses it (the root entry picks its public part). */
export { validateFaxTwiml, type ValidateOptions, type TwimlValidation } from './validate.js';
export type { ReplyBody } from './decode.js';
export type { Effect, ReplyEffect } from './effect.js';
export { verdictOf, describeVerdict, describeEffect, type Verdict } from './verdict.js';
export { formatValidationPretty } from './format-pretty.js';
