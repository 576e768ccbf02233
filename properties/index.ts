/** twiml-fax-kit/properties: fast-check arbitraries of Twilio fax webhook requests, status callbacks, replies and broken replies. */
export { accountSid } from './account-sid.js';
export {
  actionCallbackParams,
  type ActionCallbackParams,
  type ActionCallbackParamsOptions,
  type FailedFaxCallbackParams,
  type ReceivedFaxCallbackParams,
} from './action-callback-params.js';
export { e164Number } from './e164-number.js';
export { faxAddress } from './fax-address.js';
export { fallbackErrorParams, type FallbackErrorParams, type FallbackErrorParamsOptions } from './fallback-error-params.js';
export { faxSid, type IdOptions } from './fax-sid.js';
export { faxStatusCallbackParams, faxStatusCallbacks, type FaxStatusCallbackOptions, type FaxStatusCallbackParams } from './fax-status-callback-params.js';
export { faxStatusSequence, type FaxStatusSequenceOptions } from './fax-status-sequence.js';
export { faxTwimlReply, type FaxTwimlReply, type FaxTwimlReplyOptions } from './fax-twiml-reply.js';
export { faxWebhookParams, type FaxWebhookParams, type FaxWebhookParamsOptions } from './fax-webhook-params.js';
export { replyMutations, replyMutationsFor, type ReplyMutation } from './reply-mutations.js';
export { sipDisplayName } from './sip-display-name.js';
export { sipUri } from './sip-uri.js';
export { unknownParams } from './unknown-params.js';
