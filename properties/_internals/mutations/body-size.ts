import fc from 'fast-check';
import type { TwimlSchema } from '../../../src/protocol/twiml-schema.js';
import { renderTwiml, type XmlNode } from '../twiml-document.js';
import { baseReply, type ReplyMutation } from './mutation.js';

// Multi-byte units make the body exceed the limit in bytes while staying under it in characters.
const PADDING = ['x', ' ', 'é', '日', 'debug '];

/** A valid reply padded with a comment until it is just past the byte limit (11750). */
export function bodySizeMutation(schema: TwimlSchema): fc.Arbitrary<ReplyMutation> {
  return fc
    .record({
      reply: baseReply(schema),
      unit: fc.constantFrom(...PADDING),
      excess: fc.integer({ min: 1, max: 4096 }),
      where: fc.constantFrom('prolog', 'first-child', 'last-child', 'epilog'),
    })
    .map(({ reply, unit, excess, where }) => {
      const base = Buffer.byteLength(renderTwiml(reply.document), 'utf8');
      // `<!--` + `-->` plus one newline: the padding itself only needs to make up the rest.
      const needed = schema.maxBodyBytes - base + excess;
      const comment: XmlNode = { kind: 'comment', text: unit.repeat(Math.max(1, Math.ceil(needed / Buffer.byteLength(unit)))) };
      const { document } = reply;
      const padded =
        where === 'prolog' ? { ...document, prolog: [...document.prolog, comment] }
        : where === 'epilog' ? { ...document, epilog: [...document.epilog, comment] }
        : where === 'first-child' ? { ...document, children: [comment, ...document.children] }
        : { ...document, children: [...document.children, comment] };
      const xml = renderTwiml(padded);
      return { xml, description: `the reply is ${Buffer.byteLength(xml)} bytes, over the ${schema.maxBodyBytes}-byte limit` };
    });
}
