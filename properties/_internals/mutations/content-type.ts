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

/** A valid body with a Content-Type Twilio refuses (12300), none at all, or an undocumented one (a warning). */
export function contentTypeMutation(schema: TwimlSchema): fc.Arbitrary<ReplyMutation> {
  const contentType = fc.constantFrom<string | null>(...WRONG_TYPES, null, ...schema.undocumentedContentTypes.flatMap((type) => [type, `${type}; charset=UTF-8`]));
  return fc.tuple(baseReply(schema), contentType).map(([reply, type]) => ({
    xml: renderTwiml(reply.document),
    contentType: type,
    description: type === null ? 'the reply has no Content-Type' : `the reply is sent as ${type}`,
  }));
}
