import fc from 'fast-check';
import { TWILIO_PROFILE, type FaxProfile } from '../src/protocol/profile.js';
import { accountSid } from './account-sid.js';
import { e164Number } from './e164-number.js';
import { faxAddress } from './fax-address.js';
import { faxSid } from './fax-sid.js';
import { sipDisplayName } from './sip-display-name.js';
import { sipUri } from './sip-uri.js';

/**
 * The parameters of the incoming-fax webhook ("A Fax Comes In"), as a plain record keyed by Twilio's names (a
 * profile's `parameters.names` says what each is called on its wire).
 */
export interface FaxWebhookParams {
  FaxSid: string;
  AccountSid: string;
  /** E.164, a SIP URI, or a SIP From value with a display name. */
  From: string;
  /** E.164 or a SIP URI. */
  To: string;
  ApiVersion: string;
}

/** Options of {@link faxWebhookParams}. */
export interface FaxWebhookParamsOptions {
  /** `true`: SIP addresses only; `false`: E.164 only; absent: either. */
  readonly sip?: boolean;
  /** The service whose ids and `ApiVersion` to draw (`profile.parameters`); Twilio's by default. */
  readonly profile?: Pick<FaxProfile, 'parameters'>;
}

/**
 * The parameters the profile's service (Twilio by default) sends to the fax webhook. Shrinks toward short readable
 * values (`+15005550006`, `FX000…`).
 *
 * @example fc.assert(fc.property(faxWebhookParams({ sip: true }), (params) => handles(params)))
 */
export function faxWebhookParams(options: FaxWebhookParamsOptions = {}): fc.Arbitrary<FaxWebhookParams> {
  const { from, to } = addresses(options.sip);
  // fast-check 4 draws null-prototype records unless told not to: they print as `[Object: null prototype]` in
  // counterexamples and lack hasOwnProperty, which is not what a form parser hands a handler.
  const profile = options.profile ?? TWILIO_PROFILE;
  const fields = { FaxSid: faxSid({ profile }), AccountSid: accountSid({ profile }), From: from, To: to, ApiVersion: fc.constant(profile.parameters.apiVersion) };
  return fc.record(fields, { noNullPrototype: true });
}

function addresses(sip: boolean | undefined): { from: fc.Arbitrary<string>; to: fc.Arbitrary<string> } {
  if (sip === true) return { from: fc.oneof(sipDisplayName(), sipUri()), to: sipUri() };
  if (sip === false) return { from: e164Number(), to: e164Number() };
  return { from: faxAddress(), to: fc.oneof({ withCrossShrink: true }, e164Number(), sipUri()) };
}
