import { describe, expect, it } from 'vitest';
import twilio from 'twilio';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import {
  ACCOUNT_SID_PATTERN,
  ASSUMPTIONS,
  effectOfVerb,
  FAX_SID_PATTERN,
  idFromHex,
  RECEIVE_VERB,
  REJECT_VERB,
  TWILIO_ERRORS,
  TWILIO_PROFILE,
  verbWithEffect,
} from '../src/protocol/index.js';
import { formatOfMediaKey, mediaUrlFor, parseMediaPath } from '../src/protocol/media-url.js';

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

describe('the data a profile is made of', () => {
  it('writes ids in their shape: Twilio sids as FX and 32 hex digits, UUIDs as version-4 UUIDs, whatever the digits', () => {
    expect(idFromHex(TWILIO_PROFILE.parameters.faxSid, '0123456789abcdef0123456789abcdef')).toBe('FX0123456789abcdef0123456789abcdef');
    expect(FAX_SID_PATTERN.source).toBe('^FX[0-9a-fA-F]{32}$');
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{32}$/), (hex) => {
        const uuid = idFromHex({ kind: 'uuid' }, hex);
        expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(idFromHex(TWILIO_PROFILE.parameters.accountSid, hex)).toMatch(ACCOUNT_SID_PATTERN);
      }),
    );
  });

  it('reads back the account and key of a media URL of any template it makes', () => {
    const template = { origin: 'https://files.example', path: '/v1/Projects/{AccountSid}/Faxes/{FaxSid}/Media/{key}', query: 'none' } as const;
    const ids = { accountSid: { kind: 'uuid' }, faxSid: { kind: 'uuid' } } as const;
    const media = { accountSid: 'b3877c40-da60-4998-90ad-b792e98472ac', faxSid: '00000000-0000-4000-8000-000000000000', format: 'image/tiff' } as const;
    const url = new URL(mediaUrlFor('http://127.0.0.1:4010/prefix', media, template));
    expect(url.search).toBe('');
    const path = parseMediaPath(url.pathname, template, ids);
    expect(path?.accountSid).toBe(media.accountSid);
    expect(formatOfMediaKey(path?.key ?? '')).toBe('image/tiff');
    // Twilio's shape is not this template's, and the reverse.
    expect(parseMediaPath(url.pathname)).toBeUndefined();
    expect(parseMediaPath(new URL(mediaUrlFor('http://127.0.0.1', media)).pathname, template, ids)).toBeUndefined();
  });

  it('gives each verb what it does, and finds a verb by what it does', () => {
    expect(verbWithEffect(TWILIO_PROFILE.twiml, 'receive')?.name).toBe('Receive');
    expect(verbWithEffect(TWILIO_PROFILE.twiml, 'reject')?.name).toBe('Reject');
    expect(effectOfVerb(TWILIO_PROFILE.twiml, 'receive')).toBeUndefined();
  });
});
