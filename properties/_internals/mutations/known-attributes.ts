import fc from 'fast-check';
import type { TwimlSchema } from '../../../src/protocol/twiml-schema.js';
import { mapFirstVerb } from '../twiml-document.js';
import { baseReply, mutated, type ReplyMutation } from './mutation.js';

// Attributes of other verbs or of the Fax REST API, and misspellings of fax ones that are not mere case changes.
const FOREIGN_ATTRIBUTES: readonly (readonly [string, string])[] = [
  ['quality', 'fine'],
  ['statusCallback', '/fax/status'],
  ['statusCallbackMethod', 'POST'],
  ['timeout', '30'],
  ['reason', 'busy'],
  ['media_type', 'application/pdf'],
  ['page_size', 'a4'],
  ['acton', '/fax/received'],
  ['storeMediaUrl', 'https://example.com/faxes'],
  ['callbackUrl', '/fax/received'],
];

/** An attribute the verb does not have (12200): `quality=`, `statusCallback=`, `<Reject reason="busy">`. */
export function knownAttributesMutation(schema: TwimlSchema): fc.Arbitrary<ReplyMutation> {
  return baseReply(schema).chain(({ document, verb }) => {
    const own = new Set(schema.verbs.find((v) => v.name === verb)?.attributes.map((a) => a.name.toLowerCase()));
    const foreign = FOREIGN_ATTRIBUTES.filter(([name]) => !own.has(name.toLowerCase()));
    return fc.tuple(fc.constantFrom(...foreign), fc.nat()).map(([[name, value], at]) =>
      mutated(
        mapFirstVerb(document, (element) => {
          const attributes = [...element.attributes];
          attributes.splice(at % (attributes.length + 1), 0, { name, value });
          return [{ ...element, attributes }];
        }),
        `<${verb}> has no attribute ${name}`,
      ),
    );
  });
}
