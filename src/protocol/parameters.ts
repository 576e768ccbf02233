/**
 * The parameters a fax service sends: to the webhook ("A Fax Comes In") and to the `<Receive action>` callback.
 * Sources: twilio.com/docs/fax/twiml/request; ID patterns from Twilio's OpenAPI description `twilio_fax_v1.json`;
 * SignalWire's compatibility XML for fax lists the same names (developer.signalwire.com/compatibility-api/xml/fax).
 */
import { describeIdShape, idPattern, type IdShape } from './ids.js';

/** How a parameter's value looks; `pattern` is what a conforming value always matches. */
export interface ParameterSpec {
  readonly name: string;
  readonly description: string;
  readonly pattern?: RegExp;
  /** Present on every request of that kind (false: only on some, e.g. `NumPages` only on success). */
  readonly always: boolean;
}

/**
 * The name each parameter has on the wire, by what it carries. The kit fills parameters in through these names
 * (a fresh fax id, the callback's outcome, the caller of a cookie test), never through a name of its own.
 */
export interface ParameterNames {
  readonly faxSid: string;
  readonly accountSid: string;
  readonly from: string;
  readonly to: string;
  readonly apiVersion: string;
  readonly remoteStationId: string;
  readonly faxStatus: string;
  readonly numPages: string;
  readonly mediaUrl: string;
  readonly errorCode: string;
  readonly errorMessage: string;
}

/** A service's request parameters: their names, the shape of its ids, and the `ApiVersion` it sends. */
export interface FaxParameters {
  readonly names: ParameterNames;
  /** The shape of `FaxSid` values. */
  readonly faxSid: IdShape;
  /** The shape of `AccountSid` values. */
  readonly accountSid: IdShape;
  /** The value of `ApiVersion`. */
  readonly apiVersion: string;
}

/** Twilio's fax parameters: `FX…` and `AC…` sids, `ApiVersion=v1`. */
export const TWILIO_PARAMETERS: FaxParameters = {
  names: {
    faxSid: 'FaxSid',
    accountSid: 'AccountSid',
    from: 'From',
    to: 'To',
    apiVersion: 'ApiVersion',
    remoteStationId: 'RemoteStationId',
    faxStatus: 'FaxStatus',
    numPages: 'NumPages',
    mediaUrl: 'MediaUrl',
    errorCode: 'ErrorCode',
    errorMessage: 'ErrorMessage',
  },
  faxSid: { kind: 'sid', prefix: 'FX' },
  accountSid: { kind: 'sid', prefix: 'AC' },
  apiVersion: 'v1',
};

/** A FaxSid: `FX` and 32 hex digits. */
export const FAX_SID_PATTERN = idPattern(TWILIO_PARAMETERS.faxSid);
/** An AccountSid: `AC` and 32 hex digits. */
export const ACCOUNT_SID_PATTERN = idPattern(TWILIO_PARAMETERS.accountSid);
/** E.164: a `+`, a non-zero digit, at most 15 digits in all. */
export const E164_PATTERN = /^\+[1-9][0-9]{1,14}$/;
/** A SIP or SIPS URI, as Twilio passes it for SIP-originated faxes. */
export const SIP_URI_PATTERN = /^sips?:[^\s@]+@[^\s]+$/;
/** The `ApiVersion` parameter of Twilio's fax webhooks. */
export const API_VERSION = TWILIO_PARAMETERS.apiVersion;

/** Every `FaxStatus` value Twilio documents. */
export const FAX_STATUSES = [
  'queued', 'processing', 'sending', 'delivered', 'receiving', 'received', 'no-answer', 'busy', 'failed', 'canceled',
] as const;
/** A `FaxStatus` value. */
export type FaxStatus = (typeof FAX_STATUSES)[number];

/** The parameters of a service's incoming-fax webhook request, in the order it lists them. It may add more at any time. */
export function webhookParameters({ names, faxSid, accountSid, apiVersion }: FaxParameters): ParameterSpec[] {
  return [
    { name: names.faxSid, description: `the fax: ${describeIdShape(faxSid)}`, pattern: idPattern(faxSid), always: true },
    { name: names.accountSid, description: `the account: ${describeIdShape(accountSid)}`, pattern: idPattern(accountSid), always: true },
    { name: names.from, description: 'the sender: an E.164 number, or the SIP From value or display name', always: true },
    { name: names.to, description: 'the recipient: an E.164 number or a SIP URI', always: true },
    { name: names.apiVersion, description: `the API version, always ${apiVersion}`, pattern: new RegExp(`^${escapeRegExp(apiVersion)}$`), always: true },
  ];
}

/** The parameters of the callback a service requests at `<Receive action>` once the fax is received or has failed. */
export function actionCallbackParameters(parameters: FaxParameters): ParameterSpec[] {
  const { names } = parameters;
  return [
    ...webhookParameters(parameters),
    { name: names.remoteStationId, description: "the sender's transmitting subscriber id (TSID)", always: false },
    { name: names.faxStatus, description: `one of ${FAX_STATUSES.join(', ')}`, always: true },
    { name: names.numPages, description: 'pages received (on success only)', pattern: /^[0-9]+$/, always: false },
    { name: names.mediaUrl, description: 'where the received fax can be downloaded for 2 hours (on success only)', always: false },
    { name: names.errorCode, description: 'why the fax failed (on failure only)', pattern: /^[0-9]+$/, always: false },
    { name: names.errorMessage, description: 'why the fax failed, in words (on failure only)', always: false },
  ];
}

/** The parameters of Twilio's incoming-fax webhook request. Twilio may add more at any time. */
export const WEBHOOK_PARAMETERS: readonly ParameterSpec[] = webhookParameters(TWILIO_PARAMETERS);

/** The parameters of the callback Twilio requests at `<Receive action>` once the fax is received or has failed. */
export const ACTION_CALLBACK_PARAMETERS: readonly ParameterSpec[] = actionCallbackParameters(TWILIO_PARAMETERS);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
