import fc from 'fast-check';
import type { TwimlSchema } from '../../../src/protocol/twiml-schema.js';
import { mapFirstVerb } from '../twiml-document.js';
import { baseReply, caseVariants, mutated, oneOfPresent, type ReplyMutation, verbsWithAttributes } from './mutation.js';

/** A verb or attribute name in the wrong letter case: `<receive>`, `MediaType=` (12200; names are case-sensitive). */
export function verbCaseMutation(schema: TwimlSchema): fc.Arbitrary<ReplyMutation> {
  const verbName = baseReply(schema).chain(({ document, verb }) =>
    fc.constantFrom(...caseVariants(verb)).map((name) =>
      mutated(mapFirstVerb(document, (element) => [{ ...element, name }]), `<${name}> is not <${verb}>`),
    ),
  );

  const withAttributes = verbsWithAttributes(schema);
  const attributeName =
    withAttributes.length === 0 ? undefined : (
      baseReply(schema, withAttributes).chain(({ document, verb }) => {
        const specs = withAttributes.find((v) => v.name === verb)?.attributes ?? [];
        return fc
          .tuple(fc.constantFrom(...specs), fc.nat())
          .chain(([spec, i]) =>
            fc.constantFrom(...caseVariants(spec.name)).map((name) => {
              const value = spec.values?.[i % spec.values.length] ?? '/fax/received';
              return mutated(
                mapFirstVerb(document, (element) => [
                  { ...element, attributes: [...element.attributes.filter((a) => a.name !== spec.name), { name, value }] },
                ]),
                `the attribute ${name} is not ${spec.name}`,
              );
            }),
          );
      })
    );

  return oneOfPresent(verbName, attributeName);
}
