import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faxWebhookParams } from '../../properties/index.js';
import { startWebhookProxy, type WebhookProxy } from '../../src/pact/webhook-proxy.js';
import { createSender, type HttpSender } from '../../src/sender/index.js';

const AUTH_TOKEN = 'proxy-test-token';

interface Seen {
  method: string;
  url: string;
  host: string | undefined;
  body: string;
  headers: IncomingMessage['headers'];
}

let seen: Seen[] = [];
let provider: http.Server;
let providerOrigin: string;
let proxy: WebhookProxy;
let sender: HttpSender;

beforeAll(async () => {
  provider = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host, body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2; Path=/']);
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.end('<Response><Reject/></Response>');
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  providerOrigin = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  // A base path, as a provider mounted under /app would be verified.
  sender = createSender({ authToken: AUTH_TOKEN, target: `${providerOrigin}/app/` });
  proxy = await startWebhookProxy({ target: `${providerOrigin}/app/`, sender, mediaBaseUrl: 'http://127.0.0.1:4010' });
});

afterAll(async () => {
  await proxy.close();
  await sender.close();
  await new Promise<void>((resolve) => provider.close(() => resolve()));
});

async function throughProxy(path: string, init: RequestInit = {}): Promise<{ seen: Seen; response: Response }> {
  seen = [];
  const response = await fetch(`${proxy.url}${path}`, init);
  await response.arrayBuffer();
  const [first] = seen;
  if (!first) throw new Error('the provider received nothing');
  return { seen: first, response };
}

const FORM = 'application/x-www-form-urlencoded; charset=UTF-8';

describe("the proxy between Pact's verifier and the provider, through the kit's sender", () => {
  it('forwards a form body byte for byte, encodings and repeated names included', async () => {
    const body = 'To=%2B15005550006&From=%22Ann%20Lee%22+%3Csip%3Aann%40example.com%3E&Tag=b&Tag=a&Empty=';
    const { seen: request } = await throughProxy('/fax', { method: 'POST', headers: { 'Content-Type': FORM }, body });
    expect(request.body).toBe(body);
    expect(request.headers['content-type']).toBe(FORM);
  });

  it('never re-encodes a body (pact-js issue 884 turns forms into JSON)', async () => {
    const json = '{"FaxSid":"FX1"}';
    const { seen: request } = await throughProxy('/fax', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json });
    expect(request.body).toBe(json);
  });

  it("moves a MediaUrl on Twilio's media host to the kit's media server, encoded as it was, and signs what it sends", async () => {
    const body = 'FaxStatus=received&MediaUrl=https%3A%2F%2Fmedia.twiliocdn.com%2Ffax%2FAC1%2Fkey%3FX-Amz-Expires%3D7200&NumPages=1';
    const { seen: request } = await throughProxy('/fax/received', { method: 'POST', headers: { 'Content-Type': FORM }, body });
    expect(request.body).toBe('FaxStatus=received&MediaUrl=http%3A%2F%2F127.0.0.1%3A4010%2Ffax%2FAC1%2Fkey%3FX-Amz-Expires%3D7200&NumPages=1');
    const params = Object.fromEntries(new URLSearchParams(request.body));
    expect(twilio.validateRequest(AUTH_TOKEN, String(request.headers['x-twilio-signature']), `http://${request.host}${request.url}`, params)).toBe(true);
  });

  it('records each delivery as the sender made it, with the exchange check would judge', async () => {
    const before = proxy.deliveries.length;
    await throughProxy('/fax?From=%2B1500');
    const delivery = proxy.deliveries[before];
    expect(delivery?.request).toMatchObject({ method: 'GET', url: `${providerOrigin}/app/fax`, encodedParams: 'From=%2B1500' });
    expect(delivery?.exchange.response?.status).toBe(200);
    expect(delivery?.exchange.hops[0]?.request.headers['X-Twilio-Signature']).toBeDefined();
  });

  it('sets Host to the provider and keeps the base path and the raw query', async () => {
    const { seen: request } = await throughProxy('/fax?From=%2B1500&Note=a+b');
    expect(request.host).toBe(new URL(providerOrigin).host);
    expect(request.url).toBe('/app/fax?From=%2B1500&Note=a+b');
  });

  it('signs a POST so that twilio-node validates it against the URL the provider sees', async () => {
    const body = 'FaxSid=FX0123456789abcdef0123456789abcdef&From=%2B14155550100&To=sip%3Afax%40example.com';
    const { seen: request } = await throughProxy('/fax?x=1', { method: 'POST', headers: { 'Content-Type': FORM }, body });
    const params = Object.fromEntries(new URLSearchParams(request.body));
    expect(twilio.validateRequest(AUTH_TOKEN, String(request.headers['x-twilio-signature']), `http://${request.host}${request.url}`, params)).toBe(true);
  });

  it('replaces a signature stored in a pact with one for this URL', async () => {
    const { seen: request } = await throughProxy('/fax?From=%2B1500', { headers: { 'X-Twilio-Signature': 'stale' } });
    expect(twilio.validateRequest(AUTH_TOKEN, String(request.headers['x-twilio-signature']), `http://${request.host}${request.url}`, {})).toBe(true);
  });

  it("answers Pact with a 502 that says why when the provider cannot be reached, and records the sender's failure", async () => {
    const down = createSender({ target: 'http://127.0.0.1:9/' });
    const unreachable = await startWebhookProxy({ target: 'http://127.0.0.1:9/', sender: down });
    try {
      const response = await fetch(`${unreachable.url}/fax`);
      expect(response.status).toBe(502);
      expect(await response.text()).toMatch(/^twiml-fax-kit could not get a reply from the provider: /);
      expect(unreachable.deliveries[0]?.exchange.failure?.kind).toBe('refused');
    } finally {
      await unreachable.close();
      await down.close();
    }
  });

  it('adds the headers Twilio always sends and Pact does not', async () => {
    seen = [];
    // node:http, as Pact's verifier, sends no User-Agent of its own (fetch would send 'node').
    await new Promise<void>((resolve, reject) => {
      http.get(`${proxy.url}/fax`, (response) => response.resume().on('end', resolve)).on('error', reject);
    });
    const [request] = seen;
    expect(request?.headers['user-agent']).toBe('TwilioProxy/1.1');
    expect(request?.headers['i-twilio-idempotency-token']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('passes repeated Set-Cookie headers back apart', async () => {
    const { response } = await throughProxy('/fax');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  });

  it('signs every generated fax webhook so that twilio-node accepts it', async () => {
    await fc.assert(
      fc.asyncProperty(faxWebhookParams(), async (params) => {
        const body = new URLSearchParams(Object.entries(params)).toString();
        const { seen: request } = await throughProxy('/fax', { method: 'POST', headers: { 'Content-Type': FORM }, body });
        const received = Object.fromEntries(new URLSearchParams(request.body));
        expect(received).toEqual(params);
        expect(twilio.validateRequest(AUTH_TOKEN, String(request.headers['x-twilio-signature']), `http://${request.host}${request.url}`, received)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
