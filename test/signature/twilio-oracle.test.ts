import { fc, test } from '@fast-check/vitest';
import twilio from 'twilio';
import { parse, stringify } from 'node:querystring';
import { describe, expect } from 'vitest';
import { signTwilioRequest, verifyTwilioSignature } from '../../src/signature/index.js';
import { authToken, formParams, toTwilioParams, webhookUrl } from './arbitraries.js';

const NUM_RUNS = { numRuns: 200 };

/** URLs a back end might have signed instead: rebuilt by `new URL()`, its query re-encoded, a port added. */
function rebuiltUrls(url: string): string[] {
  const href = new URL(url).href;
  const [base = href, query] = href.split('?');
  const requoted = query ? `${base}?${stringify(parse(query))}` : href;
  return [href, requoted, requoted.replace(/^(https?:\/\/[^/]*?)(:\d+)?\//, '$1:8443/'), url.replace(/:\d+\//, '/')];
}

/** Ways a received signature can be wrong, or right in a way only the URL variants explain. */
const signatureFor = (token: string, url: string, params: ReturnType<typeof toTwilioParams>) =>
  fc.oneof(
    fc.constant(signTwilioRequest({ authToken: token, url, params })),
    fc.constantFrom(...rebuiltUrls(url)).map((variant) => signTwilioRequest({ authToken: token, url: variant, params })),
    fc.constant(signTwilioRequest({ authToken: token + 'x', url, params })),
    fc
      .tuple(fc.nat(), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'))
      .map(([at, c]) => {
        const good = signTwilioRequest({ authToken: token, url, params });
        const i = at % good.length;
        return good.slice(0, i) + c + good.slice(i + 1);
      }),
    fc.base64String({ maxLength: 32 }),
    fc.constant(''),
  );

describe('signatures agree with twilio-node', () => {
  test.prop([authToken(), webhookUrl(), formParams()], NUM_RUNS)(
    'twilio-node accepts every signature the kit makes',
    (token, url, params) => {
      const signature = signTwilioRequest({ authToken: token, url, params });
      expect(twilio.validateRequest(token, signature, url, toTwilioParams(params))).toBe(true);
    },
  );

  test.prop([authToken(), webhookUrl()], NUM_RUNS)('twilio-node accepts a GET signed by its URL alone', (token, url) => {
    expect(twilio.validateRequest(token, signTwilioRequest({ authToken: token, url }), url, {})).toBe(true);
  });

  test.prop([authToken(), webhookUrl(), formParams()], NUM_RUNS)(
    'the kit and twilio-node produce the same signature',
    (token, url, params) => {
      const expected = twilio.getExpectedTwilioSignature(token, url, toTwilioParams(params));
      expect(signTwilioRequest({ authToken: token, url, params })).toBe(expected);
    },
  );

  test.prop(
    [
      authToken()
        .chain((token) => fc.tuple(fc.constant(token), webhookUrl(), formParams()))
        .chain(([token, url, params]) =>
          fc.tuple(fc.constant(token), fc.constant(url), fc.constant(params), signatureFor(token, url, toTwilioParams(params))),
        ),
    ],
    NUM_RUNS,
  )('verifyTwilioSignature agrees with twilio.validateRequest on right and wrong signatures', ([token, url, params, signature]) => {
    const theirs = twilio.validateRequest(token, signature, url, toTwilioParams(params));
    expect(verifyTwilioSignature({ authToken: token, url, params, signature })).toBe(theirs);
  });
});

describe('sign and verify', () => {
  test.prop([authToken(), webhookUrl(), formParams()], NUM_RUNS)(
    'the form as URLSearchParams signs as twilio-node signs it',
    (token, url, params) => {
      const form = new URLSearchParams(params.map(([name, value]) => [name, value]));
      expect(signTwilioRequest({ authToken: token, url, params: form })).toBe(twilio.getExpectedTwilioSignature(token, url, toTwilioParams(params)));
    },
  );

  test.prop([authToken(), webhookUrl(), formParams()], NUM_RUNS)('verify accepts what sign produced', (token, url, params) => {
    const signature = signTwilioRequest({ authToken: token, url, params });
    expect(verifyTwilioSignature({ authToken: token, url, params, signature })).toBe(true);
  });

  test.prop([authToken(), webhookUrl(), formParams(), fc.nat(), fc.string({ minLength: 1, maxLength: 3 })], NUM_RUNS)(
    'changing any parameter value breaks verification',
    (token, url, params, at, suffix) => {
      fc.pre(params.length > 0);
      const signature = signTwilioRequest({ authToken: token, url, params });
      const i = at % params.length;
      const [name, value] = params[i]!;
      // Another value already present under the same name would sign the same (twilio signs distinct values).
      fc.pre(!params.some(([n, v]) => n === name && v === value + suffix));
      const tampered = params.map((pair, j) => (j === i ? ([name, value + suffix] as const) : pair));
      expect(verifyTwilioSignature({ authToken: token, url, params: tampered, signature })).toBe(false);
    },
  );

  test.prop([authToken(), webhookUrl(), formParams(), fc.string({ minLength: 1, maxLength: 4 })], NUM_RUNS)(
    'adding a parameter breaks verification',
    (token, url, params, name) => {
      fc.pre(!params.some(([n]) => n === name));
      const signature = signTwilioRequest({ authToken: token, url, params });
      expect(verifyTwilioSignature({ authToken: token, url, params: [...params, [name, 'x']], signature })).toBe(false);
    },
  );

  test.prop([authToken(), webhookUrl(), formParams(), fc.constantFrom('/x', 'x', '?y=1', '&z=2', '%2B')], NUM_RUNS)(
    'changing the path or query breaks verification',
    (token, url, params, extra) => {
      const signature = signTwilioRequest({ authToken: token, url, params });
      expect(verifyTwilioSignature({ authToken: token, url: url + extra, params, signature })).toBe(false);
    },
  );
});
