import { createHmac } from 'node:crypto';
import { TWILIO_SIGNATURE, type SignatureScheme } from '../protocol/signature-scheme.js';
import { twilioSignaturePayload, type SignatureParams } from './payload.js';

/** What a Twilio signature covers: the auth token as key, the full URL requested, and the form parameters. */
export interface SignatureInput {
  readonly authToken: string;
  /** The full URL Twilio requested, query string (and any credentials) included. */
  readonly url: string;
  /** The form parameters of a POST; omit (or pass none) for a GET, whose parameters are already in the URL. */
  readonly params?: SignatureParams;
}

/**
 * The signature a service with this scheme sends with a request: the base64 HMAC (the scheme's hash, keyed with the
 * secret given as `authToken`) of the URL and sorted parameters. With `TWILIO_SIGNATURE` it is `signTwilioRequest`.
 * @example signRequest(profile.signature, { authToken, url, params })
 */
export function signRequest(scheme: SignatureScheme, { authToken, url, params }: SignatureInput): string {
  return createHmac(scheme.hmac, authToken).update(twilioSignaturePayload(url, params), 'utf8').digest('base64');
}

/**
 * The `X-Twilio-Signature` Twilio sends with a request: base64 HMAC-SHA1 of the URL and sorted parameters.
 *
 * @example signTwilioRequest({ authToken: '12345', url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
 *   params: [['CallSid', 'CA1234567890ABCDE'], ['Caller', '+14158675309'], ['Digits', '1234'],
 *            ['From', '+14158675309'], ['To', '+18005551212']] }) // 'RSOYDt4T1cUTdK1PDd93/VVr8B8='
 */
export function signTwilioRequest(input: SignatureInput): string {
  return signRequest(TWILIO_SIGNATURE, input);
}
