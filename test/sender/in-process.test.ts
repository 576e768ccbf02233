import { Hono } from 'hono';
import { http, HttpResponse } from 'msw';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchHandlerOf } from '../../src/msw/index.js';
import { createSender, inProcessTransport, type Exchange } from '../../src/sender/index.js';
import { AUTH_TOKEN, FAX_PARAMS } from './fixtures.js';
import { RECEIVE_TWIML, startFetchServer, type TestServer } from './servers.js';

/** A fax webhook as a Hono app: checks the signature, redirects /old, sets a cookie, replies TwiML. */
function faxApp(): Hono {
  const app = new Hono();
  app.post('/old', (c) => c.redirect('/fax', 302));
  app.on(['GET', 'POST'], '/fax', async (c) => {
    const url = new URL(c.req.url);
    const params = c.req.method === 'POST' ? Object.fromEntries(new URLSearchParams(await c.req.text())) : {};
    // Hono sees the URL the kit requested; over node:http the test server rebuilds it from the Host header.
    const signed = twilio.validateRequest(AUTH_TOKEN, c.req.header('x-twilio-signature') ?? '', url.href, params);
    if (!signed) return c.text('forbidden', 403);
    c.header('Set-Cookie', 'seen=1; Path=/', { append: true });
    c.header('Set-Cookie', 'pair=2; Path=/', { append: true });
    return c.body(RECEIVE_TWIML, 200, { 'Content-Type': 'text/xml' });
  });
  app.post('/endless', () => new Response(new ReadableStream({ pull: (controller) => controller.enqueue(new Uint8Array(8192)) })));
  app.post('/hang', () => new Promise<Response>(() => undefined));
  return app;
}

/** The parts of an exchange that depend on the server's behaviour, not on the transport (timings, Date, framing). */
function essence(exchange: Exchange, origin: string) {
  const transportHeaders = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
  return {
    failure: exchange.failure,
    finalUrl: exchange.finalUrl.replace(origin, 'ORIGIN'),
    hops: exchange.hops.map((hop) => ({
      request: {
        ...hop.request,
        url: hop.request.url.replace(origin, 'ORIGIN'),
        headers: { ...hop.request.headers, 'X-Twilio-Signature': '<signed>' },
      },
      response: hop.response && {
        ...hop.response,
        headers: Object.fromEntries(Object.entries(hop.response.headers).filter(([name]) => !transportHeaders.has(name))),
        body: Buffer.from(hop.response.body).toString(),
      },
    })),
  };
}

describe('the in-process transport', () => {
  let network: TestServer;
  const app = faxApp();
  const overNetwork = createSender({ authToken: AUTH_TOKEN, timeoutMs: 1_000 });
  const inProcess = createSender({ authToken: AUTH_TOKEN, timeoutMs: 1_000, transport: inProcessTransport(app.fetch) });

  beforeAll(async () => {
    // Rebuild the URL with the real port so the app's signature check sees the URL the kit signed.
    network = await startFetchServer((request) => {
      const url = new URL(request.url);
      url.port = String(network.port);
      return app.fetch(new Request(url, request));
    });
  });
  afterAll(async () => {
    await Promise.all([overNetwork.close(), inProcess.close(), network.close()]);
  });

  it('gives the same exchange as the network for the same Hono app, redirect included', async () => {
    const request = { method: 'POST', params: FAX_PARAMS, idempotencyToken: 'same-token' } as const;

    const viaNetwork = await overNetwork.send({ ...request, url: `${network.origin}/old` });
    const viaHandler = await inProcess.send({ ...request, url: 'https://fax.example/old' });

    expect(viaNetwork.response?.status).toBe(200);
    expect(essence(viaHandler, 'https://fax.example')).toEqual(essence(viaNetwork, network.origin));
    expect(viaHandler.response?.setCookies).toEqual(['seen=1; Path=/', 'pair=2; Path=/']);
  });

  it('truncates an endless body at the limit', async () => {
    const exchange = await inProcess.send({ method: 'POST', url: 'https://fax.example/endless', params: FAX_PARAMS });

    expect(exchange.response).toMatchObject({ truncated: true });
    expect(exchange.response?.body.byteLength).toBe(65_536);
  });

  it('reports timeout (11205) for a handler that never resolves', async () => {
    const sender = createSender({ timeoutMs: 100, transport: inProcessTransport(app.fetch) });

    const exchange = await sender.send({ method: 'POST', url: 'https://fax.example/hang', params: FAX_PARAMS });

    expect(exchange.failure).toMatchObject({ kind: 'timeout', twilioError: 11205 });
  });

  it('answers 500 with the error and its stack when a bare handler throws, as a framework would over the network', async () => {
    const sender = createSender({
      transport: inProcessTransport(function faxHandler() {
        throw new Error('database is down');
      }),
    });

    const exchange = await sender.send({ method: 'POST', url: 'https://fax.example/fax', params: FAX_PARAMS });

    expect(exchange.failure).toBeUndefined();
    expect(exchange.response).toMatchObject({ status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    const body = Buffer.from(exchange.response?.body ?? []).toString();
    expect(body).toMatch(/^the handler threw Error: database is down\n\s+at faxHandler/);
  });

  it('shows what a handler threw when it is not an Error', async () => {
    const sender = createSender({
      transport: inProcessTransport(() => {
        throw 'no database';
      }),
    });

    const exchange = await sender.send({ method: 'POST', url: 'https://fax.example/fax', params: FAX_PARAMS });

    expect(exchange.response?.status).toBe(500);
    expect(Buffer.from(exchange.response?.body ?? []).toString()).toBe('the handler threw no database\n');
  });

  it('refuses origins the handler does not serve when origins are given', async () => {
    const sender = createSender({ transport: inProcessTransport(app.fetch, { origins: ['https://fax.example'] }) });

    const served = await sender.send({ method: 'POST', url: 'https://fax.example/fax', params: FAX_PARAMS, signature: false });
    const elsewhere = await sender.send({ method: 'POST', url: 'https://other.example/fax', params: FAX_PARAMS });

    expect(served.response?.status).toBe(403);
    expect(elsewhere.failure).toMatchObject({ kind: 'refused', twilioError: 11202 });
    expect(elsewhere.failure?.message).toContain('https://other.example');
  });

  it('accepts msw request handlers, and refuses what none of them matches', async () => {
    const sender = createSender({
      transport: inProcessTransport(fetchHandlerOf([
        http.post('https://fax.example/fax', () => HttpResponse.xml(RECEIVE_TWIML)),
      ])),
    });

    const matched = await sender.send({ method: 'POST', url: 'https://fax.example/fax', params: FAX_PARAMS });
    const unmatched = await sender.send({ method: 'GET', url: 'https://fax.example/fax', params: FAX_PARAMS });

    expect(matched.response?.status).toBe(200);
    expect(matched.response?.headers['content-type']).toBe('text/xml');
    expect(unmatched.failure).toMatchObject({ kind: 'refused' });
  });

  it('leaves global fetch alone', async () => {
    const before = globalThis.fetch;
    const sender = createSender({ transport: inProcessTransport(app.fetch) });

    await sender.send({ method: 'POST', url: 'https://fax.example/fax', params: FAX_PARAMS });

    expect(globalThis.fetch).toBe(before);
    await expect(fetch(`${network.origin}/fax`, { method: 'POST' })).resolves.toMatchObject({ status: 403 });
  });
});
