import { describe, expect, it } from 'vitest';
import twilio from 'twilio';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { RECEIVE_VERB, REJECT_VERB, TWILIO_ERRORS, TWILIO_PROFILE, ASSUMPTIONS } from '../src/protocol/index.js';

const require = createRequire(import.meta.url);

describe('the protocol data', () => {
  it("gives mediaType and pageSize exactly the values of twilio-node's FaxResponse types, storeMedia its boolean", () => {
    // twilio-node serialises whatever it is given, so its output cannot tell a wrong value from a right one;
    // its generated type declarations can: they are the enumerations of Twilio's own TwiML schema.
    const declarations = readFileSync(require.resolve('twilio/lib/twiml/FaxResponse.d.ts'), 'utf8');
    const union = (type: string): string[] => {
      const match = new RegExp(`type ${type} = ([^;]+);`).exec(declarations);
      return [...(match?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
    };
    const values = (name: string): readonly string[] | undefined => RECEIVE_VERB.attributes.find((a) => a.name === name)?.values;
    expect(values('mediaType')).toEqual(union('ReceiveMediaType'));
    expect(values('pageSize')).toEqual(union('ReceivePageSize'));
    expect(declarations).toMatch(/storeMedia\?: boolean;/);
    expect(values('storeMedia')).toEqual(['true', 'false']);
    const declared = [...declarations.matchAll(/^ {8}(\w+)\?: /gm)].map((m) => m[1]);
    expect(RECEIVE_VERB.attributes.map((a) => a.name).sort()).toEqual(declared.sort());
  });

  it('gives Reject no attributes, since no helper library emits any', () => {
    expect(REJECT_VERB.attributes).toEqual([]);
    expect('reject' in new twilio.twiml.FaxResponse()).toBe(false);
  });

  it('documents every error code it reports, with Twilio\'s title and level, in docs/protocol.md', () => {
    const doc = readFileSync(new URL('../docs/protocol.md', import.meta.url), 'utf8');
    const table = doc.slice(doc.indexOf('<!-- twilio-errors:start -->'), doc.indexOf('<!-- twilio-errors:end -->'));
    const rows = [...table.matchAll(/^\| (\d+) \| (.+?) \| (\w+) \|$/gm)].map(([, code, title, level]) => ({ code: Number(code), title, level }));
    const expected = Object.entries(TWILIO_ERRORS).map(([code, { title, level }]) => ({ code: Number(code), title, level }));
    expect(rows).toEqual(expected);
  });

  it('keeps assumption ids unique and kebab-case', () => {
    const ids = ASSUMPTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  // Which redirects are followed is behaviour, tested through the sender (test/sender/redirects.test.ts).
  it('stops reading a reply at the same limit the validator judges (64 kB)', () => {
    expect(TWILIO_PROFILE.sender.maxBodyBytes).toBe(TWILIO_PROFILE.twiml.maxBodyBytes);
  });
});
