import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSender } from '../../src/sender/index.js';
import { AUTH_TOKEN, FAX_PARAMS } from './fixtures.js';
import { RECEIVE_TWIML, startHttpServer, type ReceivedRequest, type TestServer } from './servers.js';

/** What twilio-node's own validator says about a received request, as a server using it would check it. */
function validatesWithTwilio(server: TestServer, request: ReceivedRequest): boolean {
  const signature = String(request.headers['x-twilio-signature'] ?? '');
  const url = `${server.origin}${request.target}`;
  const params: Record<string, string | string[]> = {};
  if (request.method === 'POST') {
    for (const [name, value] of new URLSearchParams(request.body.toString('utf8'))) {
      const existing = params[name];
      params[name] = existing === undefined ? value : [existing].flat().concat(value);
    }
  }
  return twilio.validateRequest(AUTH_TOKEN, signature, url, params);
}

let server: TestServer;
const sender = createSender({ authToken: AUTH_TOKEN, timeoutMs: 2_000 });

beforeAll(async () => {
  server = await startHttpServer((request, response) => {
    const redirect = /^\/redirect-(\d{3})(?:\?|$)/.exec(request.target);
    if (redirect) {
      response.writeHead(Number(redirect[1]), { Location: '/after?step=2' });
      response.end();
      return;
    }
    response.writeHead(validatesWithTwilio(server, request) ? 200 : 403, { 'Content-Type': 'text/xml' });
    response.end(RECEIVE_TWIML);
  });
});
afterAll(async () => {
  await sender.close();
  await server.close();
});

describe('X-Twilio-Signature', () => {
  it("validates with twilio-node's validateRequest for a POST", async () => {
    const exchange = await sender.send({ method: 'POST', url: `${server.origin}/fax`, params: FAX_PARAMS });

    expect(exchange.response?.status).toBe(200);
  });

  it('validates for a POST to a URL with its own query string', async () => {
    const exchange = await sender.send({ method: 'POST', url: `${server.origin}/fax?tenant=7&b=%2B1`, params: FAX_PARAMS });

    expect(exchange.response?.status).toBe(200);
  });

  it('validates for a GET, signed over the URL with the parameters appended', async () => {
    const exchange = await sender.send({ method: 'GET', url: `${server.origin}/fax?tenant=7`, params: FAX_PARAMS });

    expect(exchange.response?.status).toBe(200);
    expect(server.requests.at(-1)?.target).toContain('tenant=7&FaxSid=');
  });

  // Node's HTTP clients send the WHATWG-serialized URL: a raw ' in a query goes out as %27, a space in a path as %20.
  it.each([
    ['a GET whose query carries a raw apostrophe and lower-case hex', 'GET', '/fax?tenant=7', "From=%22Jane%20O'Neil%22%20%3csip%3ajane%40example.com%3e&To=%2b1"],
    ['a POST to a configured URL with a space and an apostrophe', 'POST', "/fax box/in?who=o'neil", undefined],
  ] as const)('validates for %s, signed over the URL as requested', async (_label, method, path, encodedParams) => {
    const exchange = await sender.send({ method, url: `${server.origin}${path}`, params: FAX_PARAMS, ...(encodedParams && { encodedParams }) });

    expect(exchange.response?.status).toBe(200);
    expect(server.requests.at(-1)?.target).not.toMatch(/[ ']/);
  });

  it('validates for a POST with repeated parameter names', async () => {
    const params = [...FAX_PARAMS, ['MediaUrl', 'b'], ['MediaUrl', 'a']] as const;
    const exchange = await sender.send({ method: 'POST', url: `${server.origin}/fax`, params });

    expect(exchange.response?.status).toBe(200);
  });

  it.each([301, 302, 303])('is recomputed for the GET that follows a %i', async (status) => {
    const exchange = await sender.send({ method: 'POST', url: `${server.origin}/redirect-${status}`, params: FAX_PARAMS });

    expect(exchange.hops).toHaveLength(2);
    expect(exchange.hops[1]?.request.method).toBe('GET');
    expect(exchange.response?.status).toBe(200);
  });

  it('is recomputed for the POST that follows a 307', async () => {
    const exchange = await sender.send({ method: 'POST', url: `${server.origin}/redirect-307`, params: FAX_PARAMS });

    expect(exchange.hops[1]?.request.method).toBe('POST');
    expect(exchange.response?.status).toBe(200);
  });

  it('is sent as given when the request carries its own', async () => {
    const exchange = await sender.send({ method: 'POST', url: `${server.origin}/fax`, params: FAX_PARAMS, signature: 'bm90IGEgc2lnbmF0dXJl' });

    expect(server.requests.at(-1)?.headers['x-twilio-signature']).toBe('bm90IGEgc2lnbmF0dXJl');
    expect(exchange.response?.status).toBe(403);
  });

  it('is left out when the request says signature: false', async () => {
    await sender.send({ method: 'POST', url: `${server.origin}/fax`, params: FAX_PARAMS, signature: false });

    expect(server.requests.at(-1)?.headers['x-twilio-signature']).toBeUndefined();
  });

  it('never puts the auth token in the exchange', async () => {
    const exchange = await sender.send({ method: 'POST', url: `${server.origin}/redirect-302`, params: FAX_PARAMS });

    expect(JSON.stringify(exchange)).not.toContain(AUTH_TOKEN);
  });
});
