import type { FormParams } from '../model/exchange.js';

/**
 * The canonical form encoding of parameters, in the order given: what `URLSearchParams` produces
 * (`application/x-www-form-urlencoded`: spaces as `+`, `+` as `%2B`).
 *
 * @example encodeParams([['From', '+1 555'], ['To', 'a&b']]) // 'From=%2B1+555&To=a%26b'
 */
export function encodeParams(params: FormParams): string {
  return new URLSearchParams(params.map(([name, value]) => [name, value])).toString();
}

/** A query string as it went on the wire, and as Twilio signed it. */
export interface TwilioQuery {
  readonly sent: string;
  readonly signed: string;
}

/**
 * The parameters as Twilio appended them to a GET URL (docs/protocol.md, "What is sent"): form-encoded with spaces as
 * `+`, but `'` left as it is; on the wire `@` and `:` percent-encoded, in the signed URL left as they are.
 *
 * @example twilioQuery([['From', "sip:o'neil@example.com"]])
 * // { sent: "From=sip%3Ao'neil%40example.com", signed: "From=sip:o'neil@example.com" }
 */
export function twilioQuery(params: FormParams): TwilioQuery {
  // URLSearchParams writes every escape with upper-case hex, so these are exactly the characters it escaped.
  const sent = encodeParams(params).replaceAll('%27', "'");
  return { sent, signed: sent.replaceAll('%40', '@').replaceAll('%3A', ':') };
}

/** Form-decodes an encoded parameter string back into ordered pairs (what a server, and the signature, see). */
export function decodeParams(encoded: string): FormParams {
  return [...new URLSearchParams(encoded)];
}

/**
 * Appends encoded parameters to a URL's query, keeping what the URL already has, as Twilio does for GET.
 *
 * @example appendQuery('https://a.example/fax?x=1', 'To=2') // 'https://a.example/fax?x=1&To=2'
 */
export function appendQuery(url: string, encoded: string): string {
  if (encoded === '') return url;
  const { base, fragment } = splitFragment(url);
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return base + separator + encoded + fragment;
}

/** Splits `url` at its `#`: fragments are never sent over HTTP. */
export function splitFragment(url: string): { base: string; fragment: string } {
  const hash = url.indexOf('#');
  return hash === -1 ? { base: url, fragment: '' } : { base: url.slice(0, hash), fragment: url.slice(hash) };
}
