import fc from 'fast-check';
import type { TwimlSchema } from '../../../src/protocol/twiml-schema.js';
import { baseReply, mutated, type ReplyMutation } from './mutation.js';

// Roots seen in hand-written replies: a helper's class name, a plural, a generic XML envelope.
const WRONG_ROOTS = ['FaxResponse', 'Responses', 'Reply', 'TwiML', 'Document', 'Result'];
const WRONG_VERSIONS = ['1.0', '2.0', '2010-04-1', '2024-01-01', 'v1'];

/** A root other than `<Response>` (12102), the fax verb itself as root, or an unknown `version` on it (12101). */
export function twimlRootMutation(schema: TwimlSchema): fc.Arbitrary<ReplyMutation> {
  // A case variant of the root is a different defect (letter case); keep this one to wrong names.
  const notTheRoot = (name: string): boolean => name.toLowerCase() !== schema.root.toLowerCase();
  const wrongRoot = fc
    .tuple(baseReply(schema), fc.constantFrom(...WRONG_ROOTS.filter(notTheRoot)))
    .map(([{ document }, name]) => mutated({ ...document, root: { ...document.root, name } }, `the root element is <${name}>`));

  const verbAsRoot = baseReply(schema).map(({ document }) => {
    const verb = document.children.find((node) => node.kind === 'element');
    const root = verb?.kind === 'element' ? verb : document.root;
    return mutated({ ...document, root, children: [] }, `<${root.name}> is the root, with no <${schema.root}> around it`);
  });

  const badVersion = fc
    .tuple(baseReply(schema), fc.constantFrom(...WRONG_VERSIONS.filter((v) => !schema.rootVersions.includes(v))))
    .map(([{ document }, version]) =>
      mutated(
        { ...document, root: { ...document.root, attributes: [{ name: 'version', value: version }] } },
        `<${schema.root} version="${version}"> is not a TwiML version`,
      ),
    );

  return fc.oneof(wrongRoot, verbAsRoot, badVersion);
}
