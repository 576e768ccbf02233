import { fc, test } from '@fast-check/vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { faxTwimlReply } from '../../properties/index.js';
import { RECEIVE_VERB } from '../../src/protocol/twiml-schema.js';
import { validateFaxTwiml } from '../../src/twiml/index.js';

const RUNS = { numRuns: 150 };
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, htmlEntities: false });

/** Receive attributes as twilio-node's FaxResponse takes them: any subset of the schema's, valid values. */
const receiveAttributes = fc.record(
  Object.fromEntries(
    RECEIVE_VERB.attributes.map((spec) => [
      spec.name,
      spec.kind === 'url' ? fc.constantFrom('/fax/received', 'https://example.com/fax?a=1&b=2') : fc.constantFrom(...(spec.values ?? [])),
    ]),
  ),
  { requiredKeys: [] },
);

describe('faxTwimlReply', () => {
  test.prop([faxTwimlReply()], RUNS)('every generated reply is well-formed XML with the promised verb and attributes', (reply) => {
    expect(XMLValidator.validate(reply.xml)).toBe(true);
    const verb = parser.parse(reply.xml).Response[reply.verb];
    const attributes = Object.fromEntries(Object.entries(typeof verb === 'object' ? verb : {}).filter(([k]) => k !== '#text'));
    expect(attributes).toEqual(reply.attributes);
  });

  test.prop([faxTwimlReply()], RUNS)('every generated reply validates with no error and reports its verb and attributes', (reply) => {
    const result = validateFaxTwiml(reply.xml, { contentType: 'text/xml' });
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({ ok: true, verb: reply.verb, attributes: reply.attributes });
  });

  test.prop([receiveAttributes], RUNS)("twilio-node's FaxResponse output validates clean", (attributes) => {
    const response = new twilio.twiml.FaxResponse();
    response.receive(attributes);
    const result = validateFaxTwiml(response.toString(), { contentType: 'text/xml; charset=utf-8' });
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({ ok: true, verb: 'Receive', attributes });
  });

  it('draws only the requested verb', () => {
    const verbs = new Set(fc.sample(faxTwimlReply({ verb: 'Reject' }), { numRuns: 50, seed: 1 }).map((r) => r.verb));
    expect([...verbs]).toEqual(['Reject']);
  });

  it('covers every legal layout the validator must accept', () => {
    const all = fc.sample(faxTwimlReply(), { numRuns: 400, seed: 7 }).map((r) => r.xml);
    const seen = (pattern: RegExp): boolean => all.some((xml) => pattern.test(xml));
    expect(seen(/^<\?xml/)).toBe(true);
    expect(seen(/^\s*<(Response|!--)/)).toBe(true);
    expect(seen(/^\s+<Response/)).toBe(true);
    expect(seen(/\r\n/)).toBe(true);
    expect(seen(/<!--/)).toBe(true);
    expect(seen(/='[^']*'/)).toBe(true);
    expect(seen(/<Receive[^>]*><\/Receive>/)).toBe(true);
    expect(seen(/<Receive[^>]*\/>/)).toBe(true);
    expect(seen(/&amp;/)).toBe(true);
    expect(seen(/action="https?:/)).toBe(true);
    expect(seen(/pageSize=".*" mediaType|mediaType=".*" pageSize/)).toBe(true);
  });

  it('shrinks to the reply twilio-node would write', () => {
    const result = fc.check(fc.property(faxTwimlReply({ verb: 'Receive' }), () => false), { seed: 42 });
    expect(result.counterexample?.[0]).toMatchInlineSnapshot(`
      {
        "attributes": {},
        "verb": "Receive",
        "xml": "<?xml version="1.0" encoding="UTF-8"?><Response><Receive/></Response>",
      }
    `);
  });
});
