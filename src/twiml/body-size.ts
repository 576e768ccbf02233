import type { Diagnostic } from '../model/diagnostic.js';
import type { TwimlSchema } from '../protocol/twiml-schema.js';

/** What is known of the body's length beyond the bytes at hand. */
export interface BodyExtent {
  /** The reply went on past these bytes (a reader stopped at the limit). */
  readonly truncated?: boolean;
  /** The reply's Transfer-Encoding header: an empty body sent `chunked` is Twilio's 11770. */
  readonly transferEncoding?: string | null;
}

/**
 * body-size: a body over 64 kB is 11750 (Twilio reads no further, so the kit judges nothing inside it). Never
 * decodes the body: a string longer than the limit in UTF-16 units is longer in UTF-8 bytes too.
 */
export function checkBodySize(body: string | Uint8Array, schema: TwimlSchema, extent: BodyExtent = {}): Diagnostic[] {
  const limit = schema.maxBodyBytes;
  if (heldBytes(body, limit) + (extent.truncated ? 1 : 0) <= limit) return [];
  return [{
    check: 'body-size', code: 'body_too_large', severity: 'error', twilioError: 11750,
    message: `the body is larger than ${limit.toLocaleString('en-US')} bytes, the most Twilio reads; Twilio fails the fax without reading its TwiML`,
    hint: 'reply with just the TwiML: <Response><Receive/></Response> is all a fax needs',
  }];
}

/**
 * xml-well-formed, for a body of no bytes at all: Twilio gets no document (11200; 11770 when it came chunked, as
 * docs/protocol.md says). A body of whitespace is sent but is no XML: the parser reports it (12100).
 */
export function checkEmptyBody(body: string | Uint8Array, extent: BodyExtent = {}): Diagnostic[] {
  if (heldBytes(body, 0) > 0 || extent.truncated) return [];
  const chunked = /(?:^|,)\s*chunked\s*$/i.test(extent.transferEncoding ?? '');
  return [{
    check: 'xml-well-formed', code: 'empty_body', severity: 'error', twilioError: chunked ? 11770 : 11200,
    message: chunked ? 'the body is empty (sent with Transfer-Encoding: chunked): Twilio has no TwiML to run' : 'the body is empty: Twilio has no TwiML to run',
    hint: 'reply with TwiML, e.g. <Response><Receive/></Response> to receive the fax or <Response><Reject/></Response> to refuse it',
  }];
}

/** The body's length in UTF-8 bytes, or any number over `limit` when it is longer than that. */
function heldBytes(body: string | Uint8Array, limit: number): number {
  if (typeof body !== 'string') return body.byteLength;
  return body.length > limit ? body.length : Buffer.byteLength(body, 'utf8');
}
