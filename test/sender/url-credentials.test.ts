import { createHash } from 'node:crypto';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSender } from '../../src/sender/index.js';
import { AUTH_TOKEN, FAX_PARAMS } from './fixtures.js';
import { RECEIVE_TWIML, startHttpServer, type ReceivedRequest, type TestServer } from './servers.js';

const BASIC = `Basic ${Buffer.from('fax user:p@ss:word').toString('base64')}`;
const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** Checks a Digest answer (RFC 7616, qop=auth, MD5) the way a server would. */
function digestIsValid(request: ReceivedRequest): boolean {
  const header = String(request.headers.authorization ?? '');
  const fields = Object.fromEntries([...header.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)].map((m) => [m[1], m[2] ?? m[3]]));
  const ha1 = md5(`${fields.username}:fax:${'p@ss:word'}`);
  const ha2 = md5(`${request.method}:${fields.uri}`);
  const expected = md5(`${ha1}:${fields.nonce}:${fields.nc}:${fields.cnonce}:auth:${ha2}`);
  return header.startsWith('Digest ') && fields.username === 'fax user' && fields.uri === request.target && fields.response === expected && fields.opaque === 'op';
}

let server: TestServer;
let signedUrlValid: boolean[] = [];
const sender = createSender({ authToken: AUTH_TOKEN, timeoutMs: 2_000 });

beforeAll(async () => {
  server = await startHttpServer((request, response) => {
    if (request.target.startsWith('/moved')) {
      response.writeHead(Number(request.target.slice('/moved-'.length, '/moved-'.length + 3)), { Location: '/basic?after=redirect' });
      response.end();
      return;
    }
    const digest = request.target.startsWith('/digest');
    const authorised = digest ? digestIsValid(request) : request.headers.authorization === BASIC;
    if (!authorised) {
      const challenge = digest ? 'Digest realm="fax", qop="auth", nonce="abc123", opaque="op"' : 'Basic realm="fax"';
      response.writeHead(401, { 'WWW-Authenticate': challenge });
      response.end();
      return;
    }
    // Twilio drops the credentials from the URL before signing: a server validates the URL it was requested at, as
    // twilio.webhook() does.
    const params = Object.fromEntries(new URLSearchParams(request.body.toString()));
    signedUrlValid.push(twilio.validateRequest(AUTH_TOKEN, String(request.headers['x-twilio-signature']), `${server.origin}${request.target}`, params));
    response.writeHead(200, { 'Content-Type': 'text/xml' });
    response.end(RECEIVE_TWIML);
  });
});
afterAll(async () => {
  await sender.close();
  await server.close();
});

const withCredentials = (path: string) => `http://fax%20user:p%40ss%3Aword@127.0.0.1:${server.port}${path}`;

describe('credentials in the URL', () => {
  it('sends first without them, then once more with Basic after a 401 challenge', async () => {
    signedUrlValid = [];
    const exchange = await sender.send({ method: 'POST', url: withCredentials('/basic'), params: FAX_PARAMS });

    expect(exchange.response?.status).toBe(200);
    expect(exchange.hops.map((hop) => hop.response?.status)).toEqual([401, 200]);
    const [first, second] = server.requests.slice(-2);
    expect(first?.headers.authorization).toBeUndefined();
    expect(second?.headers.authorization).toBe(BASIC);
    expect(signedUrlValid).toEqual([true]);
  });

  it('answers a Digest challenge', async () => {
    const exchange = await sender.send({ method: 'POST', url: withCredentials('/digest?x=1'), params: FAX_PARAMS });

    expect(exchange.hops.map((hop) => hop.response?.status)).toEqual([401, 200]);
  });

  it('keeps the 401 when the credentials are refused again', async () => {
    const exchange = await sender.send({
      method: 'POST',
      url: `http://fax%20user:wrong@127.0.0.1:${server.port}/basic`,
      params: FAX_PARAMS,
    });

    expect(exchange.failure).toBeUndefined();
    expect(exchange.hops.map((hop) => hop.response?.status)).toEqual([401, 401]);
    expect(exchange.response?.status).toBe(401);
  });

  it('keeps the 401 when the URL has no credentials', async () => {
    const exchange = await sender.send({ method: 'POST', url: `${server.origin}/basic`, params: FAX_PARAMS });

    expect(exchange.hops).toHaveLength(1);
    expect(exchange.response?.status).toBe(401);
  });

  it.each([302, 307])('keeps the call logged in after a %i: the new URL answers its challenge with the same credentials', async (status) => {
    signedUrlValid = [];
    const exchange = await sender.send({ method: 'POST', url: withCredentials(`/moved-${status}`), params: FAX_PARAMS });

    expect(exchange.hops.map((hop) => hop.response?.status)).toEqual([status, 401, 200]);
    expect(exchange.hops.map((hop) => hop.request.headers.Authorization)).toEqual([undefined, undefined, BASIC]);
    expect(signedUrlValid).toEqual([true]);
  });

  it('uses the credentials of the call when the URL has none (an action callback)', async () => {
    signedUrlValid = [];
    const exchange = await sender.send({
      method: 'POST',
      url: `${server.origin}/basic`,
      params: FAX_PARAMS,
      credentials: { username: 'fax user', password: 'p@ss:word' },
    });

    expect(exchange.hops.map((hop) => hop.response?.status)).toEqual([401, 200]);
    expect(signedUrlValid).toEqual([true]);
    expect(exchange.credentials).toEqual({ username: 'fax user', password: 'p@ss:word' });
  });

  it("exposes the URL's credentials as the exchange's, for the call's later requests", async () => {
    const exchange = await sender.send({ method: 'POST', url: withCredentials('/basic'), params: FAX_PARAMS, credentials: { username: 'other', password: 'x' } });

    expect(exchange.credentials).toEqual({ username: 'fax user', password: 'p@ss:word' });
    expect(exchange.hops[1]?.request.headers.Authorization).toBe(BASIC);
  });

  it('never reports the credentials in a URL', async () => {
    const exchange = await sender.send({ method: 'POST', url: withCredentials('/basic'), params: FAX_PARAMS });

    expect(exchange.finalUrl).toBe(`${server.origin}/basic`);
    expect(exchange.hops.map((hop) => hop.request.url)).toEqual([`${server.origin}/basic`, `${server.origin}/basic`]);
  });
});
