import fc from 'fast-check';
import type { AttributeSpec, TwimlSchema } from '../../../src/protocol/twiml-schema.js';
import { mapFirstVerb } from '../twiml-document.js';
import { baseReply, caseVariants, mutated, type ReplyMutation, verbsWithAttributes } from './mutation.js';

// Plausible wrong values by attribute name; case variants of the right values are added from the schema.
const PLAUSIBLE: Readonly<Record<string, readonly string[]>> = {
  method: ['PUT', 'get'],
  mediaType: ['image/png', 'application/x-pdf', 'pdf'],
  pageSize: ['a3', 'us-letter', 'A4'],
  storeMedia: ['yes', 'no', '1', '0'],
};
const BAD_URLS = ['ftp://files.example.com/fax', 'mailto:fax@example.com', 'file:///var/spool/fax', 'ws://example.com/fax'];

function wrongValues(spec: AttributeSpec): string[] {
  if (spec.kind === 'url') return BAD_URLS;
  const valid = spec.values ?? [];
  const candidates = [...valid.flatMap(caseVariants), ...(PLAUSIBLE[spec.name] ?? [])];
  return [...new Set(candidates)].filter((value) => !valid.includes(value));
}

/** A known attribute with a value Twilio does not accept: `pageSize="A4"`, `method="post"`, `action="ftp://..."`. */
export function attributeValuesMutation(schema: TwimlSchema): fc.Arbitrary<ReplyMutation> {
  const verbs = verbsWithAttributes(schema);
  return baseReply(schema, verbs).chain(({ document, verb }) => {
    const specs = (verbs.find((v) => v.name === verb)?.attributes ?? []).filter((spec) => wrongValues(spec).length > 0);
    return fc
      .constantFrom(...specs)
      .chain((spec) => fc.tuple(fc.constant(spec), fc.constantFrom(...wrongValues(spec))))
      .map(([spec, value]) =>
        mutated(
          mapFirstVerb(document, (element) => {
            const attributes = element.attributes.some((a) => a.name === spec.name)
              ? element.attributes.map((a) => (a.name === spec.name ? { name: a.name, value } : a))
              : [...element.attributes, { name: spec.name, value }];
            return [{ ...element, attributes }];
          }),
          `${spec.name}="${value}" is not a value Twilio accepts`,
        ),
      );
  });
}
