import fc from 'fast-check';
import type { TwimlSchema, VerbSpec } from '../../src/protocol/twiml-schema.js';
import { commentText, replyLayout } from './reply-layout.js';
import type { TwimlDocument, XmlAttribute, XmlNode } from './twiml-document.js';

/** A valid reply: its tree, and what a validator must report (verb and attribute values, unescaped). */
export interface GeneratedReply {
  readonly document: TwimlDocument;
  readonly verb: string;
  readonly attributes: Record<string, string>;
}

/** Action URLs: relative (resolved against the webhook URL) or absolute http(s); `&` in queries is escaped in XML. */
export function actionUrl(): fc.Arbitrary<string> {
  const segment = fc.stringMatching(/^[a-z0-9_-]{1,8}$/);
  const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((segments) => segments.join('/'));
  const query = fc.option(
    fc.array(fc.tuple(segment, fc.stringMatching(/^[A-Za-z0-9+._-]{0,6}$/)), { minLength: 1, maxLength: 3 }).map(
      (pairs) => '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&'),
    ),
    { nil: '' },
  );
  const base = fc.constantFrom('/', '', '../', './', 'https://example.com/', 'http://localhost:3000/', 'https://fax.example.org:8443/hooks/');
  return fc.oneof(
    { withCrossShrink: true },
    fc.constantFrom('/fax/received', 'received', 'https://example.com/fax/received', '/fax/done?id=42&status=ok'),
    fc.tuple(base, path, query).map(([b, p, q]) => b + p + q),
  );
}

/** A subset of the verb's attributes, in any order, each with a valid value. */
export function verbAttributes(verb: VerbSpec): fc.Arbitrary<XmlAttribute[]> {
  // Built once: arbitraries made inside `chain` would be rebuilt (regexes recompiled) for every value.
  const url = actionUrl();
  const valued = verb.attributes.map((spec) => {
    const value = spec.kind === 'url' ? url : fc.constantFrom(...(spec.values ?? []));
    return value.map((v): XmlAttribute => ({ name: spec.name, value: v }));
  });
  return fc.shuffledSubarray(valued).chain((chosen) => fc.tuple(...chosen));
}

/** A valid reply built from the schema's data, in any legal layout, with optional comments and root version. */
export function generatedReply(schema: TwimlSchema, verbs: readonly VerbSpec[]): fc.Arbitrary<GeneratedReply> {
  const layout = replyLayout();
  const comment = fc.option(commentText(), { nil: undefined });
  const version = fc.option(fc.constantFrom(...schema.rootVersions), { nil: undefined });
  const forVerb = (verb: VerbSpec): fc.Arbitrary<GeneratedReply> =>
    fc
      .record({ layout, attributes: verbAttributes(verb), version, prolog: comment, before: comment, after: comment })
      .map(({ layout, attributes, version, prolog, before, after }): GeneratedReply => {
        const nodes = (text: string | undefined): XmlNode[] => (text === undefined ? [] : [{ kind: 'comment', text }]);
        const document: TwimlDocument = {
          layout,
          root: { kind: 'element', name: schema.root, attributes: version ? [{ name: 'version', value: version }] : [] },
          children: [...nodes(before), { kind: 'element', name: verb.name, attributes }, ...nodes(after)],
          prolog: nodes(prolog),
          epilog: [],
        };
        return { document, verb: verb.name, attributes: Object.fromEntries(attributes.map((a) => [a.name, a.value])) };
      });
  return fc.oneof(...verbs.map(forVerb));
}
