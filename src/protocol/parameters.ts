/**
 * The parameters Twilio's fax service sends: to the webhook ("A Fax Comes In") and to the `<Receive action>` callback.
 * Sources: twilio.com/docs/fax/twiml/request; ID patterns from Twilio's OpenAPI description `twilio_fax_v1.json`.
 */

/** How a parameter's value looks; `pattern` is what a conforming value always matches. */
export interface ParameterSpec {
  readonly name: string;
  readonly description: string;
  readonly pattern?: RegExp;
  /** Present on every request of that kind (false: only on some, e.g. `NumPages` only on success). */
  readonly always: boolean;
}

/** A FaxSid: `FX` and 32 hex digits. */
export const FAX_SID_PATTERN = /^FX[0-9a-fA-F]{32}$/;
/** An AccountSid: `AC` and 32 hex digits. */
export const ACCOUNT_SID_PATTERN = /^AC[0-9a-fA-F]{32}$/;
/** E.164: a `+`, a non-zero digit, at most 15 digits in all. */
export const E164_PATTERN = /^\+[1-9][0-9]{1,14}$/;
/** A SIP or SIPS URI, as Twilio passes it for SIP-originated faxes. */
export const SIP_URI_PATTERN = /^sips?:[^\s@]+@[^\s]+$/;
/** The `ApiVersion` parameter of fax webhooks. */
export const API_VERSION = 'v1';

/** The parameters of the incoming-fax webhook request. Twilio may add more at any time. */
export const WEBHOOK_PARAMETERS: readonly ParameterSpec[] = [
  { name: 'FaxSid', description: 'the fax, 34 characters', pattern: FAX_SID_PATTERN, always: true },
  { name: 'AccountSid', description: 'the account, 34 characters', pattern: ACCOUNT_SID_PATTERN, always: true },
  { name: 'From', description: 'the sender: an E.164 number, or the SIP From value or display name', always: true },
  { name: 'To', description: 'the recipient: an E.164 number or a SIP URI', always: true },
  { name: 'ApiVersion', description: 'the API version, always v1', pattern: /^v1$/, always: true },
];

/** Every `FaxStatus` value Twilio documents. */
export const FAX_STATUSES = [
  'queued', 'processing', 'sending', 'delivered', 'receiving', 'received', 'no-answer', 'busy', 'failed', 'canceled',
] as const;
/** A `FaxStatus` value. */
export type FaxStatus = (typeof FAX_STATUSES)[number];

/** The parameters of the callback Twilio requests at `<Receive action>` once the fax is received or has failed. */
export const ACTION_CALLBACK_PARAMETERS: readonly ParameterSpec[] = [
  ...WEBHOOK_PARAMETERS,
  { name: 'RemoteStationId', description: "the sender's transmitting subscriber id (TSID)", always: false },
  { name: 'FaxStatus', description: `one of ${FAX_STATUSES.join(', ')}`, always: true },
  { name: 'NumPages', description: 'pages received (on success only)', pattern: /^[0-9]+$/, always: false },
  { name: 'MediaUrl', description: 'where the received fax can be downloaded for 2 hours (on success only)', always: false },
  { name: 'ErrorCode', description: 'why the fax failed (on failure only)', pattern: /^[0-9]+$/, always: false },
  { name: 'ErrorMessage', description: 'why the fax failed, in words (on failure only)', always: false },
];
