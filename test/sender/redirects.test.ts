import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TWILIO_SENDER } from '../../src/protocol/index.js';
import { createSender } from '../../src/sender/index.js';
import { FAX_PARAMS } from './fixtures.js';
import { replyTwiml, startHttpServer, type TestServer } from './servers.js';

let server: TestServer;
const sender = createSender({ timeoutMs: 2_000 });

// /status/<code>?to=<location> answers <code> with that Location; /loop/<n> redirects to /loop/<n+1> forever.
beforeAll(async () => {
  server = await startHttpServer((request, response) => {
    const url = new URL(request.target, 'http://x');
    const status = /^\/status\/(\d{3})$/.exec(url.pathname);
    if (status) {
      const location = url.searchParams.get('to');
      response.writeHead(Number(status[1]), location === null ? {} : { Location: location });
      response.end();
      return;
    }
    const loop = /^\/loop\/(\d+)$/.exec(url.pathname);
    if (loop && Number(loop[1]) < 100) {
      response.writeHead(302, { Location: `/loop/${Number(loop[1]) + 1}` });
      response.end();
      return;
    }
    replyTwiml(request, response);
  });
});
afterAll(async () => {
  await sender.close();
  await server.close();
});

const post = (path: string) => sender.send({ method: 'POST', url: `${server.origin}${path}`, params: FAX_PARAMS });

describe('redirects', () => {
  it.each([301, 302, 303])('follows a %i from a POST with a GET carrying the parameters in the query', async (status) => {
    const exchange = await post(`/status/${status}?to=/final?keep=1`);

    expect(exchange.failure).toBeUndefined();
    expect(exchange.response?.status).toBe(200);
    const second = server.requests.at(-1);
    expect(second?.method).toBe('GET');
    expect(second?.target).toBe(`/final?keep=1&${exchange.hops[0]?.request.body}`);
    expect(second?.body.byteLength).toBe(0);
    expect(exchange.hops.map((hop) => hop.response?.status)).toEqual([status, 200]);
    expect(exchange.finalUrl).toBe(`${server.origin}/final?keep=1&${exchange.hops[0]?.request.body}`);
  });

  it('follows a 307 with the same method and the same body', async () => {
    const exchange = await post('/status/307?to=/final');

    const [first, second] = server.requests.slice(-2);
    expect(second?.method).toBe('POST');
    expect(second?.target).toBe('/final');
    expect(second?.body.toString()).toBe(first?.body.toString());
    expect(second?.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=UTF-8');
    expect(exchange.response?.status).toBe(200);
  });

  it('follows a GET redirect to the Location as given', async () => {
    const exchange = await sender.send({ method: 'GET', url: `${server.origin}/status/302?to=/final`, params: [['To', '+1']] });

    expect(server.requests.at(-1)?.target).toBe('/final');
    expect(exchange.response?.status).toBe(200);
  });

  it('resolves a relative Location against the URL requested', async () => {
    await post('/status/302?to=final-relative');

    expect(server.requests.at(-1)?.target).toMatch(/^\/status\/final-relative\?/);
  });

  it('follows an absolute Location to another origin', async () => {
    const other = await startHttpServer(replyTwiml);
    try {
      const exchange = await post(`/status/301?to=${encodeURIComponent(`${other.origin}/elsewhere`)}`);

      expect(other.requests).toHaveLength(1);
      expect(exchange.finalUrl.startsWith(`${other.origin}/elsewhere?`)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('keeps the idempotency token across hops', async () => {
    const exchange = await post('/status/302?to=/final');

    const tokens = exchange.hops.map((hop) => hop.request.headers['I-Twilio-Idempotency-Token']);
    expect(tokens[0]).toBeDefined();
    expect(tokens[1]).toBe(tokens[0]);
  });

  it.each([300, 305, 308])('fails with 11216 on a %i, which Twilio does not follow', async (status) => {
    const exchange = await post(`/status/${status}?to=/final`);

    expect(exchange.failure).toMatchObject({ kind: 'invalid-redirect', twilioError: 11216 });
    expect(exchange.failure?.message).toContain(String(status));
    expect(exchange.hops).toHaveLength(1);
    expect(exchange.hops[0]?.response?.status).toBe(status);
  });

  it('fails with 11216 on a redirect without a Location', async () => {
    const exchange = await post('/status/302');

    expect(exchange.failure).toMatchObject({ kind: 'invalid-redirect', twilioError: 11216 });
    expect(exchange.failure?.message).toMatch(/without a Location/);
  });

  it('fails with 11216 on a redirect to a non-http URL', async () => {
    const exchange = await post(`/status/302?to=${encodeURIComponent('ftp://127.0.0.1/fax')}`);

    expect(exchange.failure).toMatchObject({ kind: 'invalid-redirect', twilioError: 11216 });
  });

  it('treats a 304 as a reply, not a redirect', async () => {
    const exchange = await sender.send({ method: 'GET', url: `${server.origin}/status/304`, params: [] });

    expect(exchange.failure).toBeUndefined();
    expect(exchange.response?.status).toBe(304);
  });

  it(`follows ${TWILIO_SENDER.maxRedirects} redirects and fails with 11215 on the next one`, async () => {
    const within = await post(`/loop/${100 - TWILIO_SENDER.maxRedirects}?stop`);
    const loop = await post('/loop/0');

    expect(within.failure).toBeUndefined();
    expect(within.hops).toHaveLength(TWILIO_SENDER.maxRedirects + 1);
    expect(loop.failure).toMatchObject({ kind: 'too-many-redirects', twilioError: 11215 });
    expect(loop.hops).toHaveLength(TWILIO_SENDER.maxRedirects + 1);
  });
});
