import { caseRandom } from '../../../src/checks/check-api/case-random.js';
import { describe, expect, it } from 'vitest';
import { cachingCheck } from '../../../src/checks/caching.js';
import type { CheckContext } from '../../../src/checks/check-api/types.js';
import { EXAMPLE_CASES } from '../../../src/runner/plan.js';
import { TWILIO_PROFILE } from '../../../src/protocol/profile.js';
import type { Exchange, WebhookRequest } from '../../../src/model/exchange.js';

// HTTP clients (undici included) never read a body after a 304, and Response refuses to build one, so this one
// rule is tested on exchanges made by hand: the shape the sender would produce if a body did arrive.
function exchangeOf(request: WebhookRequest, status: number, headers: Record<string, string>, body: string): Exchange {
  const url = `${request.url}?${new URLSearchParams(request.params.map(([n, v]) => [n, v])).toString()}`;
  const response = { status, headers, setCookies: [], body: new TextEncoder().encode(body), truncated: false };
  const sentHeaders = Object.fromEntries(Object.entries(request.headers ?? {}));
  return { hops: [{ request: { method: 'GET', url, headers: sentHeaders }, response, durationMs: 1 }], response, durationMs: 1, finalUrl: request.url };
}

describe('the caching check on a 304 with a body', () => {
  it('reports not_modified_with_body', async () => {
    const xml = '<Response><Receive/></Response>';
    const request: WebhookRequest = { method: 'GET', url: 'http://127.0.0.1:1/fax', params: EXAMPLE_CASES[0]!.input.params };
    const validators = { etag: '"v1"', 'content-type': 'text/xml' };
    const context: CheckContext = {
      case: EXAMPLE_CASES[0]!,
      request,
      exchange: exchangeOf(request, 200, validators, xml),
      config: { profile: TWILIO_PROFILE, method: 'GET', expect: 'any', hasAuthToken: false, timeoutMs: 1_000 },
      random: caseRandom('1/example-1/caching'),
      send: async (sent) => (sent.headers?.['If-None-Match'] ? exchangeOf(sent, 304, { etag: '"v1"' }, xml) : exchangeOf(sent, 200, validators, xml)),
    };
    const { issues } = await cachingCheck.run(context);
    expect(issues.map((i) => i.diagnostic.code)).toEqual(['not_modified_with_body']);
    expect(issues[0]?.diagnostic.message).toContain('a 304 has none');
  });
});
