import type { Diagnostic } from '../model/diagnostic.js';
import type { TwimlSchema } from '../protocol/twiml-schema.js';
import { quote } from './quote.js';

/**
 * Judges the reply's Content-Type: `undefined` means unknown (not judged), `null` means the reply had none.
 * `text/html` is a notice: Twilio's "Your response" pages for voice and messaging list `text/xml`,
 * `application/xml` and `text/html` alike as TwiML (docs/protocol.md, "The reply: fax TwiML").
 * The media type is compared case-insensitively and parameters (any charset) are ignored, as HTTP says.
 * Diagnostics are written with the key order of every other diagnostic, so JSON reports read alike.
 */
export function checkContentType(contentType: string | null | undefined, schema: TwimlSchema): Diagnostic[] {
  if (contentType === undefined) return [];
  const wanted = schema.contentTypes[0] ?? 'text/xml';
  if (contentType === null) {
    return [{ check: 'content-type', code: 'missing_content_type', severity: 'error', twilioError: 12300, message: 'the reply has no Content-Type header', hint: `reply with Content-Type: ${wanted} (in Express: res.type('${wanted}'))` }];
  }
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (schema.contentTypes.includes(mediaType)) return [];
  if (schema.undocumentedContentTypes.includes(mediaType)) {
    // Legal: Twilio reads text/html as TwiML for voice and messaging, and logs nothing for it (no 12300).
    return [{ check: 'content-type', code: 'undocumented_content_type', severity: 'notice', message: `Content-Type ${quote(contentType)} is read as TwiML by Twilio's voice and messaging, but the fax docs never name it`, hint: `reply with Content-Type: ${wanted}, the type every Twilio product documents` }];
  }
  return [{ check: 'content-type', code: 'invalid_content_type', severity: 'error', twilioError: 12300, message: `Content-Type ${quote(contentType)} is not ${schema.contentTypes.join(' or ')}`, hint: `reply with Content-Type: ${wanted}` }];
}
