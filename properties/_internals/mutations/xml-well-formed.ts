import fc from 'fast-check';
import type { TwimlSchema } from '../../../src/protocol/twiml-schema.js';
import { mapFirstVerb, renderTwiml, type XmlAttribute } from '../twiml-document.js';
import { baseReply, type ReplyMutation, mutated, oneOfPresent, verbsWithAttributes } from './mutation.js';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Replies that are not a well-formed XML document (12100; an empty body 11200): the defects seen in real fax handlers. */
export function xmlWellFormedMutation(schema: TwimlSchema): fc.Arbitrary<ReplyMutation> {
  const any = baseReply(schema);
  const urlVerbs = verbsWithAttributes(schema, 'url');
  const enumVerbs = verbsWithAttributes(schema, 'enum');

  const unclosedRoot = any.map(({ document }) => {
    const xml = renderTwiml(document);
    const close = xml.lastIndexOf(`</${schema.root}>`);
    return { xml: xml.slice(0, close) + xml.slice(close + schema.root.length + 3), description: `the </${schema.root}> closing tag is missing` };
  });

  const unclosedVerb = any.map(({ document, verb }) =>
    mutated(mapFirstVerb(document, () => [{ kind: 'raw', text: `<${verb}>` }]), `<${verb}> is never closed`),
  );

  // The URL built by string concatenation from a Host header or a query: `&` lands in the XML unescaped.
  const unescapedAmpersand =
    urlVerbs.length === 0 ? undefined : (
      fc
        .tuple(baseReply(schema, urlVerbs), fc.constantFrom('/fax/done?id=42&page=2', 'https://example.com/fax?from=a&to=b', '/fax?a&b'))
        .map(([{ document }, url]) =>
          mutated(
            mapFirstVerb(document, (verb) => {
              const name = urlVerbs.flatMap((v) => v.attributes).find((a) => a.kind === 'url')?.name ?? 'action';
              const attributes: XmlAttribute[] = [...verb.attributes.filter((a) => a.name !== name), { name, value: url, raw: true }];
              return [{ ...verb, attributes }];
            }),
            `an unescaped & in ${url}`,
          ),
        )
    );

  const unquotedValue =
    enumVerbs.length === 0 ? undefined : (
      fc.constantFrom(...enumVerbs).chain((verb) =>
        fc.constantFrom(...verb.attributes.filter((a) => a.kind === 'enum')).map((attribute) => ({
          xml: `${DECLARATION}\n<${schema.root}><${verb.name} ${attribute.name}=${attribute.values?.[0] ?? 'x'}/></${schema.root}>`,
          description: `the ${attribute.name} value is not quoted`,
        })),
      )
    );

  const duplicateAttribute =
    enumVerbs.length === 0 ? undefined : (
      baseReply(schema, enumVerbs).map(({ document, verb: verbName }) => {
        const spec = enumVerbs.find((v) => v.name === verbName)?.attributes.find((a) => a.kind === 'enum');
        const values = spec?.values ?? [];
        return mutated(
          mapFirstVerb(document, (verb) => [
            {
              ...verb,
              attributes: [
                ...verb.attributes.filter((a) => a.name !== spec?.name),
                { name: spec?.name ?? 'x', value: values[0] ?? 'x' },
                { name: spec?.name ?? 'x', value: values[1] ?? values[0] ?? 'x' },
              ],
            },
          ]),
          `the ${spec?.name ?? ''} attribute appears twice`,
        );
      })
    );

  const whitespaceBeforeDeclaration = fc
    .tuple(any, fc.constantFrom('\n', ' ', '\r\n', '\n\n', '\t'))
    .map(([{ document }, space]) => ({
      xml: space + renderTwiml({ ...document, layout: { ...document.layout, declaration: document.layout.declaration || DECLARATION } }),
      description: 'whitespace comes before the XML declaration',
    }));

  const doctype = fc
    .tuple(any, fc.constantFrom(`<!DOCTYPE ${schema.root}>`, `<!DOCTYPE ${schema.root} [<!ENTITY fax "Receive">]>`))
    .map(([{ document }, declaration]) =>
      mutated({ ...document, prolog: [...document.prolog, { kind: 'raw', text: declaration }] }, 'the reply has a DOCTYPE'),
    );

  const twoRoots = any.map(({ document }) =>
    mutated({ ...document, epilog: [...document.epilog, { kind: 'element', name: schema.root, attributes: [] }] }, `a second <${schema.root}> follows the first`),
  );

  const notXml = fc
    .constantFrom('200', 'OK', '{"status":"received"}', 'Fax received, thank you.', '', '\n')
    .map((body) => ({ xml: body, description: body.trim() === '' ? `the body is ${body === '' ? 'empty' : 'blank'}` : `the body is ${JSON.stringify(body)}, not XML` }));

  return oneOfPresent(unclosedRoot, unclosedVerb, unescapedAmpersand, unquotedValue, duplicateAttribute, whitespaceBeforeDeclaration, doctype, twoRoots, notXml);
}
