import fc from 'fast-check';
import type { TwimlSchema, VerbSpec } from '../../../src/protocol/twiml-schema.js';
import { generatedReply, type GeneratedReply } from '../fax-verb.js';
import { renderTwiml, type TwimlDocument } from '../twiml-document.js';

/**
 * A valid reply broken in one way. `contentType`: absent means the reply keeps a correct `text/xml`;
 * `null` means the reply has no Content-Type header at all.
 */
export interface ReplyMutation {
  readonly xml: string;
  readonly contentType?: string | null;
  readonly description: string;
}

/** Valid replies to break, drawn from every verb or from the given ones. */
export function baseReply(schema: TwimlSchema, verbs: readonly VerbSpec[] = schema.verbs): fc.Arbitrary<GeneratedReply> {
  return generatedReply(schema, verbs);
}

/** The verbs that have attributes of the given kind (a schema may have none: then the mutation is not drawn). */
export function verbsWithAttributes(schema: TwimlSchema, kind?: 'enum' | 'url'): VerbSpec[] {
  return schema.verbs.filter((verb) => verb.attributes.some((a) => kind === undefined || a.kind === kind));
}

/** Builds a mutation from an edited document. */
export function mutated(document: TwimlDocument, description: string): ReplyMutation {
  return { xml: renderTwiml(document), description };
}

/** Spellings of `name` that differ only in letter case: `receive`, `RECEIVE`, `rECEIVE`, `PageSize`... */
export function caseVariants(name: string): string[] {
  const flipFirst = (name[0] === name[0]?.toUpperCase() ? name[0]?.toLowerCase() : name[0]?.toUpperCase()) + name.slice(1);
  const swapped = [...name].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
  return [...new Set([name.toLowerCase(), name.toUpperCase(), flipFirst, swapped])].filter((variant) => variant !== name);
}

/** Picks among the arbitraries that exist (a mutation kind may not apply to a schema). */
export function oneOfPresent<T>(...arbitraries: (fc.Arbitrary<T> | undefined)[]): fc.Arbitrary<T> {
  const present = arbitraries.filter((arbitrary): arbitrary is fc.Arbitrary<T> => arbitrary !== undefined);
  return fc.oneof(...present);
}
