/**
 * The status callbacks of a fax the app *sent* (`StatusCallback` of CreateFax), as data. Sources (docs/protocol.md,
 * "Status callbacks"):
 * - Twilio's OpenAPI description (twilio-oai `twilio_fax_v1.json`, CreateFax `StatusCallback`): "The URL we should
 *   call using the `POST` method to send status information ... when the status of the fax changes"; the Fax
 *   resource's `status` enum (the ten `FAX_STATUSES`);
 * - Twilio support article 360007630493 "Tracking the Delivery Status of an Outbound Fax": two callbacks, `queued`,
 *   then `delivered` or `failed`; a later version lists `queued`, `processing`, `sending`, `delivered`, "other
 *   statuses include busy, no-answer, failed";
 * - SignalWire's callbacks page (developer.signalwire.com/compatibility-api/reference/callbacks), which documents the
 *   parameters of the same callback: RemoteStationId, FaxStatus, OriginalMediaUrl, NumPages, MediaSid, MediaUrl,
 *   ErrorCode, ErrorMessage.
 * What none of them says is an assumption (`status-callback-*` in assumptions.ts).
 */
import { FAX_STATUSES, webhookParameters, type FaxParameters, type FaxStatus, type ParameterSpec } from './parameters.js';
import type { IdShape } from './ids.js';
import type { TwilioErrorCode } from './twilio-errors.js';

/** On which callbacks of a fax a parameter is sent. */
export type StatusCallbackPresence =
  /** every callback of the fax */
  | 'every'
  /** only the one saying the fax was delivered */
  | 'delivered'
  /** only the one saying the fax was not delivered (failed, busy, no-answer, canceled) */
  | 'unsuccessful';

/** One parameter of a status callback: its name and shape, when it is sent, and where that is published. */
export interface StatusCallbackParameter extends ParameterSpec {
  readonly sentOn: StatusCallbackPresence;
  /** The published source, or the id of the assumption in `ASSUMPTIONS` when none was published. */
  readonly source: string;
}

/** The last callback of a fax that was not delivered: its status, and the error it carries (none for `canceled`). */
export interface UnsuccessfulEnding {
  readonly status: FaxStatus;
  readonly errorCodes: readonly TwilioErrorCode[];
}

/** How a service sent the status callbacks of an outbound fax. */
export interface StatusCallbackProtocol {
  /** Always POST: CreateFax has no `StatusCallbackMethod`. */
  readonly method: 'POST';
  /** Every parameter, in the order the kit sends them. */
  readonly parameters: readonly StatusCallbackParameter[];
  /** The name of the parameter carrying the URL the app gave when it sent the fax. */
  readonly originalMediaUrlName: string;
  /**
   * The parameter naming the sent fax's media by its id, on the callback of a delivered fax, when the service sends one
   * (SignalWire's `MediaSid`; Twilio documented none).
   */
  readonly mediaSid?: { readonly name: string; readonly shape: IdShape };
  /** The status of the first callback of every fax. */
  readonly first: FaxStatus;
  /** Statuses that may come between the first and the last (assumption `status-callback-progress`). */
  readonly progress: readonly FaxStatus[];
  /** The last status of a fax that was delivered. */
  readonly delivered: FaxStatus;
  /** The last statuses of a fax that was not, each with the error codes it may carry. */
  readonly unsuccessful: readonly UnsuccessfulEnding[];
  /**
   * What a reply that is not 2xx (or none in time) came to: the fax itself is unaffected, the service logs a debugger
   * error and does not retry (assumption `status-callback-failure-logged`).
   */
  readonly failure: { readonly severity: 'error' | 'warning' | 'notice'; readonly twilioError: TwilioErrorCode };
}

const SUPPORT_ARTICLE = 'Twilio support article 360007630493';
const SIGNALWIRE_CALLBACKS = 'developer.signalwire.com/compatibility-api/reference/callbacks';

/**
 * A service's status-callback parameters: the fax's ids and numbers as on every fax request (assumption
 * `status-callback-base-params`), then those of SignalWire's callbacks page.
 */
export function statusCallbackParameters(parameters: FaxParameters, originalMediaUrlName = 'OriginalMediaUrl'): StatusCallbackParameter[] {
  const { names } = parameters;
  const base = webhookParameters(parameters).map((spec): StatusCallbackParameter => ({ ...spec, sentOn: 'every', source: 'status-callback-base-params' }));
  return [
    ...base,
    { name: names.faxStatus, description: `the status the fax has reached: one of ${FAX_STATUSES.join(', ')}`, always: true, sentOn: 'every', source: `${SUPPORT_ARTICLE}; ${SIGNALWIRE_CALLBACKS}` },
    { name: originalMediaUrlName, description: 'the media URL the app gave when it sent the fax', always: true, sentOn: 'every', source: SIGNALWIRE_CALLBACKS },
    { name: names.numPages, description: 'pages sent (delivered faxes only)', pattern: /^[0-9]+$/, always: false, sentOn: 'delivered', source: `${SIGNALWIRE_CALLBACKS} ("from a successful fax"); status-callback-failed-omits` },
    { name: names.mediaUrl, description: "the service's copy of the fax media (delivered faxes only)", always: false, sentOn: 'delivered', source: `${SIGNALWIRE_CALLBACKS}; status-callback-failed-omits` },
    { name: names.remoteStationId, description: "the receiving machine's subscriber id (CSID), when it reported one", always: false, sentOn: 'delivered', source: SIGNALWIRE_CALLBACKS },
    { name: names.errorCode, description: 'why the fax was not delivered', pattern: /^[0-9]+$/, always: false, sentOn: 'unsuccessful', source: `${SIGNALWIRE_CALLBACKS} ("on a failed fax")` },
    { name: names.errorMessage, description: 'why the fax was not delivered, in words', always: false, sentOn: 'unsuccessful', source: `${SIGNALWIRE_CALLBACKS} ("the reason for fax failure")` },
  ];
}

/** Twilio's: `queued`, maybe `processing` and `sending`, then `delivered`, or `failed`, `busy`, `no-answer`, `canceled`. */
export function twilioStatusCallback(parameters: FaxParameters): StatusCallbackProtocol {
  return {
    method: 'POST',
    parameters: statusCallbackParameters(parameters),
    originalMediaUrlName: 'OriginalMediaUrl',
    first: 'queued',
    progress: ['processing', 'sending'],
    delivered: 'delivered',
    unsuccessful: [
      // Twilio's titles of these codes are the ErrorMessage (assumption `failed-fax-error-codes`).
      { status: 'failed', errorCodes: [34004, 34108] },
      { status: 'busy', errorCodes: [34002] },
      { status: 'no-answer', errorCodes: [34003] },
      { status: 'canceled', errorCodes: [] },
    ],
    failure: { severity: 'warning', twilioError: 11200 },
  };
}
