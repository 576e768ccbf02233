import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSender, signedContentOf } from '../../src/sender/index.js';
import { signTwilioRequest } from '../../src/signature/index.js';
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

  it("signs the configured URL as written: a ' and the host's case stay, only what HTTP cannot carry is escaped", async () => {
    const url = `http://LocalHost:${server.port}/fax box/in?who=o'neil`;

    await sender.send({ method: 'POST', url, params: FAX_PARAMS });

    const received = server.requests.at(-1);
    expect(received?.target).toBe("/fax%20box/in?who=o'neil");
    expect(received?.headers['x-twilio-signature']).toBe(
      twilio.getExpectedTwilioSignature(AUTH_TOKEN, `http://LocalHost:${server.port}/fax%20box/in?who=o'neil`, Object.fromEntries(FAX_PARAMS)),
    );
  });

  // twilio-node#621: SIP values in GET queries were signed with @ and : as they are, and sent escaped.
  // twilio-node#1059, #1183, twilio-ruby#528: a ' was signed (and sent) as it is.
  it("signs a GET's parameters as Twilio did: @ and : unescaped although they are sent escaped, ' as it is", async () => {
    const params = [['From', "\"Jane O'Neil\" <sip:jane@example.com>"], ['To', '+14155550199']] as const;

    await sender.send({ method: 'GET', url: `${server.origin}/fax?tenant=a%3Ab`, params });

    const received = server.requests.at(-1);
    const appended = "From=%22Jane+O'Neil%22+%3Csip%3Ajane%40example.com%3E&To=%2B14155550199";
    expect(received?.target).toBe(`/fax?tenant=a%3Ab&${appended}`);
    const signedUrl = `${server.origin}/fax?tenant=a%3Ab&From=%22Jane+O'Neil%22+%3Csip:jane@example.com%3E&To=%2B14155550199`;
    expect(received?.headers['x-twilio-signature']).toBe(twilio.getExpectedTwilioSignature(AUTH_TOKEN, signedUrl, {}));
  });

  it('signs a GET sent with explicit encodedParams over exactly those bytes', async () => {
    const encodedParams = "From=%22Jane%20O'Neil%22%20%3csip%3ajane%40example.com%3e&To=%2b1";

    await sender.send({ method: 'GET', url: `${server.origin}/fax`, params: FAX_PARAMS, encodedParams });

    const received = server.requests.at(-1);
    expect(received?.target).toBe(`/fax?${encodedParams}`);
    expect(received?.headers['x-twilio-signature']).toBe(twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${server.origin}/fax?${encodedParams}`, {}));
  });

  it('signs without the port when the request says signedPort: dropped', async () => {
    await sender.send({ method: 'POST', url: `${server.origin}/fax?x=1`, params: FAX_PARAMS, signedPort: 'dropped' });

    const received = server.requests.at(-1);
    expect(received?.headers['x-twilio-signature']).toBe(
      twilio.getExpectedTwilioSignature(AUTH_TOKEN, 'http://127.0.0.1/fax?x=1', Object.fromEntries(FAX_PARAMS)),
    );
    expect(received?.target).toBe('/fax?x=1');
  });

  it.each([
    ['POST', `/fax?q=o'neil`],
    ['GET', '/fax'],
  ] as const)('is what signedContentOf says it signs (%s)', async (method, path) => {
    const request = { method, url: `http://u:p@127.0.0.1:${server.port}${path}#rc=1`, params: [['From', 'sip:a@b.example'], ['To', "O'Neil"]] } as const;

    await sender.send(request);

    const content = signedContentOf(request);
    expect(content.url).not.toContain('u:p@');
    expect(server.requests.at(-1)?.headers['x-twilio-signature']).toBe(signTwilioRequest({ authToken: AUTH_TOKEN, ...content }));
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
