import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  accountSid,
  actionCallbackParams,
  e164Number,
  faxAddress,
  faxSid,
  faxWebhookParams,
  sipDisplayName,
  sipUri,
  unknownParams,
} from '../../properties/index.js';
import {
  ACCOUNT_SID_PATTERN,
  ACTION_CALLBACK_PARAMETERS,
  E164_PATTERN,
  FAX_SID_PATTERN,
  SIP_URI_PATTERN,
  WEBHOOK_PARAMETERS,
} from '../../src/protocol/parameters.js';

const RUNS = { numRuns: 100 };
const DISPLAY_NAME = /^"([^"\\]+)" <(sips?:[^>]+)>$/u;
const isFaxAddress = (value: string): boolean =>
  E164_PATTERN.test(value) || SIP_URI_PATTERN.test(value) || DISPLAY_NAME.test(value);

/** The first counterexample fast-check shrinks to when every value fails. */
function shrunk<T>(arbitrary: fc.Arbitrary<T>): T {
  const result = fc.check(fc.property(arbitrary, () => false), { seed: 42 });
  return result.counterexample?.[0] as T;
}

describe('identifiers and addresses', () => {
  test.prop([faxSid(), accountSid()], RUNS)('sids match the protocol patterns', (fax, account) => {
    expect(fax).toMatch(FAX_SID_PATTERN);
    expect(account).toMatch(ACCOUNT_SID_PATTERN);
  });

  test.prop([e164Number()], RUNS)('phone numbers are E.164', (number) => {
    expect(number).toMatch(E164_PATTERN);
  });

  test.prop([sipUri()], RUNS)('SIP URIs match the protocol pattern', (uri) => {
    expect(uri).toMatch(SIP_URI_PATTERN);
  });

  test.prop([sipDisplayName()], RUNS)('display names quote a name and wrap a SIP URI in angle brackets', (from) => {
    const [, , uri = ''] = DISPLAY_NAME.exec(from) ?? [];
    expect(uri).toMatch(SIP_URI_PATTERN);
  });

  test.prop([faxAddress()], RUNS)('fax addresses are E.164, SIP URIs or display names', (address) => {
    expect(isFaxAddress(address)).toBe(true);
  });

  it('display names include the characters that break naive handlers', () => {
    const names = fc.sample(sipDisplayName(), { numRuns: 300, seed: 1 }).join('\n');
    for (const tricky of [' ', "'", '+']) expect(names).toContain(tricky);
    expect(names).toMatch(/[^\x00-\x7f]/);
  });

  it('shrinks failing cases to short readable values', () => {
    expect(shrunk(e164Number())).toBe('+15005550006');
    expect(shrunk(faxSid())).toBe(`FX${'0'.repeat(32)}`);
    expect(shrunk(sipUri())).toBe('sip:fax@example.com');
    expect(shrunk(sipDisplayName())).toBe('"Jane Doe" <sip:fax@example.com>');
  });
});

describe('faxWebhookParams', () => {
  test.prop([faxWebhookParams()], RUNS)('every parameter matches what the protocol says Twilio sends', (params) => {
    expect(Object.keys(params).sort()).toEqual(WEBHOOK_PARAMETERS.map((p) => p.name).sort());
    for (const spec of WEBHOOK_PARAMETERS) if (spec.pattern) expect(params[spec.name as keyof typeof params]).toMatch(spec.pattern);
    expect(isFaxAddress(params.From)).toBe(true);
    expect(E164_PATTERN.test(params.To) || SIP_URI_PATTERN.test(params.To)).toBe(true);
  });

  it('draws plain objects, as a form parser hands them to a handler', () => {
    const drawn = [...fc.sample(faxWebhookParams(), { numRuns: 200, seed: 1 }), ...fc.sample(actionCallbackParams(), { numRuns: 200, seed: 1 })];
    expect(drawn.filter((params) => Object.getPrototypeOf(params) !== Object.prototype)).toEqual([]);
  });

  test.prop([faxWebhookParams({ sip: true })], RUNS)('with sip: true, both addresses are SIP', ({ From, To }) => {
    expect(From).toMatch(/sips?:/);
    expect(To).toMatch(SIP_URI_PATTERN);
  });

  test.prop([faxWebhookParams({ sip: false })], RUNS)('with sip: false, both addresses are E.164', ({ From, To }) => {
    expect(From).toMatch(E164_PATTERN);
    expect(To).toMatch(E164_PATTERN);
  });

  it('shrinks to a request a person can read', () => {
    expect(shrunk(faxWebhookParams())).toMatchInlineSnapshot(`
      {
        "AccountSid": "AC00000000000000000000000000000000",
        "ApiVersion": "v1",
        "FaxSid": "FX00000000000000000000000000000000",
        "From": "+15005550006",
        "To": "+15005550006",
      }
    `);
  });
});

describe('actionCallbackParams', () => {
  const patterns = new Map(ACTION_CALLBACK_PARAMETERS.flatMap((p) => (p.pattern ? [[p.name, p.pattern] as const] : [])));
  const matchesPatterns = (params: Record<string, string | undefined>): void => {
    for (const [name, value] of Object.entries(params)) {
      const pattern = patterns.get(name);
      if (pattern && value !== undefined) expect(value, name).toMatch(pattern);
    }
  };

  test.prop([actionCallbackParams({ outcome: 'received' })], RUNS)(
    'a received fax carries NumPages, MediaUrl and RemoteStationId',
    (params) => {
      expect(params.FaxStatus).toBe('received');
      expect(Number(params.NumPages)).toBeGreaterThan(0);
      // Twilio's shape: a pre-signed URL on its media CDN, valid for 2 hours, with no file extension.
      const mediaUrl = new URL(params.MediaUrl);
      expect(mediaUrl.origin).toBe('https://media.twiliocdn.com');
      expect(mediaUrl.pathname).toBe(`/fax/${params.AccountSid}/${mediaUrl.pathname.split('/').at(-1)}`);
      expect(mediaUrl.pathname).not.toMatch(/\.[a-z]+$/i);
      expect(mediaUrl.searchParams.get('X-Amz-Expires')).toBe('7200');
      expect(params).toHaveProperty('RemoteStationId');
      expect(params).not.toHaveProperty('ErrorCode');
      matchesPatterns({ ...params });
    },
  );

  test.prop([actionCallbackParams({ outcome: 'failed' })], RUNS)(
    'a failed fax carries ErrorCode and ErrorMessage, never NumPages or MediaUrl',
    (params) => {
      expect(params.FaxStatus).toBe('failed');
      // Twilio's fax codes with its titles, never the voice codes 15001-15004.
      expect([
        ['34004', 'Error during fax transmission'],
        ['34002', 'Callee Busy'],
        ['34003', 'Callee did not answer'],
        ['34108', 'Other End Incompatible'],
      ]).toContainEqual([params.ErrorCode, params.ErrorMessage]);
      expect(params).not.toHaveProperty('NumPages');
      expect(params).not.toHaveProperty('MediaUrl');
      matchesPatterns({ ...params });
    },
  );

  test.prop([actionCallbackParams()], RUNS)('every name is one the protocol lists for the callback', (params) => {
    const known = new Set(ACTION_CALLBACK_PARAMETERS.map((p) => p.name));
    for (const name of Object.keys(params)) expect(known.has(name), name).toBe(true);
  });
});

test('a failed fax shrinks to 34004, the likely failure on receive', () => {
  const failing = fc.check(fc.property(actionCallbackParams({ outcome: 'failed' }), () => false), { seed: 1 });
  expect((failing.counterexample?.[0] as { ErrorCode?: string } | undefined)?.ErrorCode).toBe('34004');
});

describe('unknownParams', () => {
  test.prop([unknownParams()], RUNS)('adds at least one parameter Twilio does not send today', (extras) => {
    const known = new Set(ACTION_CALLBACK_PARAMETERS.map((p) => p.name));
    expect(Object.keys(extras).length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(extras)) {
      expect(known.has(name), name).toBe(false);
      expect(name).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(typeof value).toBe('string');
    }
  });
});
