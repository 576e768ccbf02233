import { fc, test as propertyTest } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSender } from '../../src/sender/index.js';
import { FAX_PARAMS } from './fixtures.js';
import { replyTwiml, startHttpServer, type TestServer } from './servers.js';

let server: TestServer;
const sender = createSender({ timeoutMs: 2_000 });

beforeAll(async () => {
  server = await startHttpServer(replyTwiml);
});
afterAll(async () => {
  await sender.close();
  await server.close();
});

function lastReceived() {
  const received = server.requests.at(-1);
  if (!received) throw new Error('the server received nothing');
  return received;
}

describe('POST', () => {
  it('sends the parameters as a form body, byte for byte, in the given order', async () => {
    const exchange = await sender.send({ method: 'POST', url: `${server.origin}/fax`, params: FAX_PARAMS });

    expect(exchange.failure).toBeUndefined();
    expect(exchange.response?.status).toBe(200);
    const received = lastReceived();
    expect(received.method).toBe('POST');
    expect(received.target).toBe('/fax');
    expect(received.body.toString('utf8')).toBe(
      'FaxSid=FX0123456789abcdef0123456789abcdef&AccountSid=AC0123456789abcdef0123456789abcdef' +
        '&From=%2B14155550100&To=%2B14155550199&ApiVersion=v1',
    );
    expect(exchange.hops[0]?.request.body).toBe(received.body.toString('utf8'));
  });

  it("sends Twilio's headers, and nothing the server could tell apart from Twilio", async () => {
    await sender.send({ method: 'POST', url: `${server.origin}/fax`, params: FAX_PARAMS, idempotencyToken: 'tok-1' });

    const { headers, headerNames } = lastReceived();
    expect(headers['user-agent']).toBe('TwilioProxy/1.1');
    expect(headers.accept).toBe('*/*');
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded; charset=UTF-8');
    expect(headers['i-twilio-idempotency-token']).toBe('tok-1');
    expect(headers['x-twilio-signature']).toBeUndefined();
    expect(headerNames.map((name) => name.toLowerCase()).sort()).toEqual(
      ['accept', 'connection', 'content-length', 'content-type', 'host', 'i-twilio-idempotency-token', 'user-agent'],
    );
  });

  it('sends encodedParams exactly as given instead of the canonical encoding', async () => {
    const encodedParams = 'From=%2b14155550100&To=+14155550199&FaxSid=FX1';
    await sender.send({ method: 'POST', url: `${server.origin}/fax`, params: FAX_PARAMS, encodedParams });

    expect(lastReceived().body.toString('utf8')).toBe(encodedParams);
  });

  it('records the request exactly as it went on the wire', async () => {
    const exchange = await sender.send({
      method: 'POST',
      url: `${server.origin}/fax?x=1`,
      params: [['To', 'a b+c']],
      idempotencyToken: 'tok-2',
    });

    const received = lastReceived();
    const sent = exchange.hops[0]?.request;
    expect(sent?.url).toBe(`${server.origin}/fax?x=1`);
    expect(sent?.body).toBe(received.body.toString('utf8'));
    for (const [name, value] of Object.entries(sent?.headers ?? {})) {
      expect(received.headers[name.toLowerCase()]).toBe(value);
    }
  });

  it("sends the configured URL's path and query as written, escaping only what HTTP cannot carry", async () => {
    const exchange = await sender.send({ method: 'POST', url: `${server.origin}/Fax/in box?who=o'neil&x=%7e|{}#rc=1`, params: [['To', '+1']] });

    expect(lastReceived().target).toBe("/Fax/in%20box?who=o'neil&x=%7e|{}");
    expect(exchange.hops[0]?.request.url).toBe(`${server.origin}/Fax/in%20box?who=o'neil&x=%7e|{}`);
  });

  it('removes dot segments from the path, as RFC 3986 and curl do, and nothing else', async () => {
    const exchange = await sender.send({ method: 'POST', url: `${server.origin}/a/./b/../fax?next=./x/../y`, params: [['To', '+1']] });

    expect(lastReceived().target).toBe('/a/fax?next=./x/../y');
    expect(exchange.hops[0]?.request.url).toBe(`${server.origin}/a/fax?next=./x/../y`);
  });

  it('gives every exchange a fresh UUID idempotency token unless one is given', async () => {
    await sender.send({ method: 'POST', url: `${server.origin}/fax`, params: FAX_PARAMS });
    const first = lastReceived().headers['i-twilio-idempotency-token'];
    await sender.send({ method: 'POST', url: `${server.origin}/fax`, params: FAX_PARAMS });
    const second = lastReceived().headers['i-twilio-idempotency-token'];

    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
  });

  it("lets the request's headers add to and replace Twilio's, whatever their case", async () => {
    await sender.send({
      method: 'POST',
      url: `${server.origin}/fax`,
      params: FAX_PARAMS,
      headers: { cookie: 'session=1', 'user-agent': 'Other/2', 'X-Twilio-Signature': 'forged' },
    });

    const { headers, headerNames } = lastReceived();
    expect(headers.cookie).toBe('session=1');
    expect(headers['user-agent']).toBe('Other/2');
    expect(headers['x-twilio-signature']).toBe('forged');
    expect(headerNames.filter((name) => name.toLowerCase() === 'user-agent')).toHaveLength(1);
  });
});

describe('GET', () => {
  it('appends the parameters to the query with ? and sends no body and no Content-Type', async () => {
    const exchange = await sender.send({ method: 'GET', url: `${server.origin}/fax`, params: FAX_PARAMS.slice(2, 4) });

    const received = lastReceived();
    expect(received.method).toBe('GET');
    expect(received.target).toBe('/fax?From=%2B14155550100&To=%2B14155550199');
    expect(received.body.byteLength).toBe(0);
    expect(received.headers['content-type']).toBeUndefined();
    expect(exchange.hops[0]?.request).toEqual(expect.not.objectContaining({ body: expect.anything() }));
  });

  it("appends to the URL's own query with &", async () => {
    await sender.send({ method: 'GET', url: `${server.origin}/fax?tenant=7`, params: [['To', '+1']] });

    expect(lastReceived().target).toBe('/fax?tenant=7&To=%2B1');
  });

  it("sends Twilio's own parameters with spaces as +, and ' as it is, @ and : escaped", async () => {
    await sender.send({ method: 'GET', url: `${server.origin}/fax`, params: [['From', '"Jane O\'Neil" <sip:jane@example.com>'], ['ToState', "Trezzo Sull'Adda"]] });

    expect(lastReceived().target).toBe("/fax?From=%22Jane+O'Neil%22+%3Csip%3Ajane%40example.com%3E&ToState=Trezzo+Sull'Adda");
  });

  it('never sends the fragment of the configured URL', async () => {
    const exchange = await sender.send({ method: 'GET', url: `${server.origin}/fax#rc=2`, params: [['To', '+1']] });

    expect(lastReceived().target).toBe('/fax?To=%2B1');
    expect(exchange.hops[0]?.request.url).toBe(`${server.origin}/fax?To=%2B1`);
  });
});

propertyTest.prop([fc.array(fc.tuple(fc.string({ unit: 'binary', minLength: 1 }), fc.string({ unit: 'binary' })), { maxLength: 6 })], { numRuns: 25 })(
  'delivers any parameters so that the server decodes exactly the pairs given, in order',
  async (params) => {
    await sender.send({ method: 'POST', url: `${server.origin}/fax`, params });
    const decoded = [...new URLSearchParams(lastReceived().body.toString('utf8'))];
    expect(decoded).toEqual(params);
  },
);
