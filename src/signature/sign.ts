import { createHmac } from 'node:crypto';
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
 * The `X-Twilio-Signature` Twilio sends with a request: base64 HMAC-SHA1 of the URL and sorted parameters.
 *
 * @example signTwilioRequest({ authToken: '12345', url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
 *   params: [['CallSid', 'CA1234567890ABCDE'], ['Caller', '+14158675309'], ['Digits', '1234'],
 *            ['From', '+14158675309'], ['To', '+18005551212']] }) // 'RSOYDt4T1cUTdK1PDd93/VVr8B8='
 */
export function signTwilioRequest({ authToken, url, params }: SignatureInput): string {
  return createHmac('sha1', authToken).update(twilioSignaturePayload(url, params), 'utf8').digest('base64');
}
