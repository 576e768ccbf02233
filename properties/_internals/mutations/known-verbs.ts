import fc from 'fast-check';
import type { TwimlSchema } from '../../../src/protocol/twiml-schema.js';
import type { XmlElement } from '../twiml-document.js';
import { mapFirstVerb } from '../twiml-document.js';
import { baseReply, mutated, type ReplyMutation } from './mutation.js';

// Voice and messaging TwiML pasted into a fax handler.
const FOREIGN_VERBS: readonly XmlElement[] = [
  { kind: 'element', name: 'Say', attributes: [], text: 'Thank you, receiving your fax.' },
  { kind: 'element', name: 'Play', attributes: [], text: 'https://example.com/tone.mp3' },
  { kind: 'element', name: 'Hangup', attributes: [] },
  { kind: 'element', name: 'Redirect', attributes: [], text: '/fax/next' },
  { kind: 'element', name: 'Record', attributes: [] },
  { kind: 'element', name: 'Pause', attributes: [] },
  { kind: 'element', name: 'Message', attributes: [], text: 'Fax received' },
  { kind: 'element', name: 'Dial', attributes: [], text: '+15005550006' },
  { kind: 'element', name: 'Fax', attributes: [] },
];

/** An element that is no fax verb (12200), in place of the fax verb (then 34106 follows) or beside it. */
export function knownVerbsMutation(schema: TwimlSchema): fc.Arbitrary<ReplyMutation> {
  const known = new Set(schema.verbs.map((verb) => verb.name.toLowerCase()));
  const foreign = FOREIGN_VERBS.filter((verb) => !known.has(verb.name.toLowerCase()));
  return fc
    .tuple(baseReply(schema), fc.constantFrom(...foreign), fc.constantFrom('instead', 'before', 'after'))
    .map(([{ document, verb }, element, where]) =>
      mutated(
        mapFirstVerb(document, (fax) => (where === 'instead' ? [element] : where === 'before' ? [element, fax] : [fax, element])),
        where === 'instead' ? `<${element.name}> instead of <${verb}>` : `<${element.name}> ${where} <${verb}>`,
      ),
    );
}
