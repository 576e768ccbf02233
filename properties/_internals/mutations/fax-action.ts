import fc from 'fast-check';
import type { TwimlSchema } from '../../../src/protocol/twiml-schema.js';
import { mapFirstVerb, type XmlElement } from '../twiml-document.js';
import { baseReply, mutated, type ReplyMutation } from './mutation.js';

/** A reply whose fax action is missing (34106), has content inside it, or is followed by a second fax verb. */
export function faxActionMutation(schema: TwimlSchema): fc.Arbitrary<ReplyMutation> {
  const empty = baseReply(schema).map(({ document }) =>
    mutated({ ...document, children: document.children.filter((node) => node.kind !== 'element') }, `an empty <${schema.root}>`),
  );

  const textInside = fc
    .tuple(baseReply(schema), fc.constantFrom('fax', 'Receive the fax', 'OK', '/fax/received'))
    .map(([{ document, verb }, text]) =>
      mutated(mapFirstVerb(document, (element) => [{ ...element, text }]), `<${verb}> contains the text ${JSON.stringify(text)}`),
    );

  const secondVerb = fc
    .tuple(baseReply(schema), fc.constantFrom(...schema.verbs))
    .map(([{ document, verb }, second]) => {
      const extra: XmlElement = { kind: 'element', name: second.name, attributes: [] };
      return mutated(mapFirstVerb(document, (element) => [element, extra]), `<${second.name}> follows <${verb}> and never runs`);
    });

  return fc.oneof(empty, textInside, secondVerb);
}
