import fc from 'fast-check';
import type { TwimlSchema } from '../../../src/protocol/twiml-schema.js';
import { renderTwiml } from '../twiml-document.js';
import { baseReply, type ReplyMutation } from './mutation.js';

// What frameworks answer with when nobody sets the header: res.send() of a string, JSON helpers, downloads.
const WRONG_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'application/twiml',
];

/**
 * A valid body with a Content-Type Twilio refuses (12300), or none at all. An undocumented type Twilio still reads
 * as TwiML (`text/html`) is no defect, so it is not drawn.
 */
export function contentTypeMutation(schema: TwimlSchema): fc.Arbitrary<ReplyMutation> {
  const accepted = new Set([...schema.contentTypes, ...schema.undocumentedContentTypes]);
  const contentType = fc.constantFrom<string | null>(...WRONG_TYPES.filter((type) => !accepted.has(type.split(';')[0] ?? '')), null);
  return fc.tuple(baseReply(schema), contentType).map(([reply, type]) => ({
    xml: renderTwiml(reply.document),
    contentType: type,
    description: type === null ? 'the reply has no Content-Type' : `the reply is sent as ${type}`,
  }));
}
