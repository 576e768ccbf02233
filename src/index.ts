/**
 * twiml-fax-kit, the core: Twilio's fax webhook as data, the TwiML validator, `X-Twilio-Signature`, and the types the
 * whole kit shares. It loads no HTTP client, msw, Pact or process code (a test keeps it so); the harness and the
 * adapters live behind subpaths: `twiml-fax-kit/harness`, `/pact`, `/msw`, `/vitest` and `/properties`.
 */
export * from './protocol/index.js';
export { DEFAULT_FAIL_ON, FAIL_ON_LEVELS, SEVERITIES, failsOn, hasErrors, hasFailing, type Diagnostic, type FailOn, type Severity } from './model/diagnostic.js';
export type { CheckResult, CheckStatus, Finding, FindingReplay, Report, ReportedRequest, ReportedResponse, ReportSummary } from './model/report.js';
export type { Reporter, RunEvent } from './model/events.js';
export type {
  Exchange,
  FormParams,
  Hop,
  HttpMethod,
  HttpSender,
  ReceivedResponse,
  Sender,
  SentRequest,
  TransportFailure,
  UrlCredentials,
  WebhookRequest,
} from './model/exchange.js';
export { VALIDATOR_CHECKS, type ValidatorCheck, type ValidatorCheckId } from './model/validator-checks.js';
export { validateFaxTwiml, type TwimlValidation, type ValidateOptions } from './twiml/validate.js';
export type { ReplyBody } from './twiml/decode.js';
export type { Effect, ReplyEffect } from './twiml/effect.js';
export { describeEffect, describeVerdict, verdictOf, type Verdict } from './twiml/verdict.js';
export { signRequest, signTwilioRequest, type SignatureInput } from './signature/sign.js';
export { verifyRequest, verifyTwilioSignature, type SignatureCheck } from './signature/verify.js';
export { twilioSignaturePayload, type SignatureParams } from './signature/payload.js';
