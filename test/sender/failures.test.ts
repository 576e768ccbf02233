import { createServer } from 'node:http';
import type { LookupFunction } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TWILIO_PROFILE } from '../../src/protocol/index.js';
import { createSender, networkTransport } from '../../src/sender/index.js';
import { FAX_PARAMS } from './fixtures.js';
import { closedPort, replyTwiml, startHttpServer, startRawServer, type TestServer } from './servers.js';

const servers: TestServer[] = [];
const track = (server: TestServer) => (servers.push(server), server);
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function sendTo(url: string, options: Parameters<typeof createSender>[0] = {}) {
  const sender = createSender({ timeoutMs: 1_000, ...options });
  try {
    return await sender.send({ method: 'POST', url, params: FAX_PARAMS });
  } finally {
    await sender.close();
  }
}

describe('connection failures', () => {
  it('reports timeout (11205) when the server never answers within timeoutMs', async () => {
    const server = track(await startHttpServer(() => undefined));

    const exchange = await sendTo(`${server.origin}/fax`, { timeoutMs: 150 });

    expect(exchange.failure).toMatchObject({ kind: 'timeout', twilioError: 11205 });
    expect(exchange.failure?.message).toContain('150 ms');
    expect(exchange.hops).toHaveLength(1);
    expect(exchange.hops[0]?.failure?.kind).toBe('timeout');
  });

  it('reports timeout (11205) when the body never finishes', async () => {
    const server = track(
      await startHttpServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/xml' });
        response.write('<Response>');
      }),
    );

    const exchange = await sendTo(`${server.origin}/fax`, { timeoutMs: 150 });

    expect(exchange.failure).toMatchObject({ kind: 'timeout', twilioError: 11205 });
  });

  it('reports refused (11202) for a port nothing listens on, after exactly two connection attempts', async () => {
    const port = await closedPort();

    const exchange = await sendTo(`http://127.0.0.1:${port}/fax`);

    expect(exchange.failure).toMatchObject({ kind: 'refused', twilioError: 11202 });
    expect(exchange.failure?.message).toContain(`127.0.0.1:${port}`);
    expect(exchange.failure?.message).toContain('on all 2 attempts');
    expect(exchange.hops.map((hop) => hop.failure?.kind)).toEqual(['refused', 'refused']);
  });

  it('gets the reply when the server accepts the second connection attempt', async () => {
    const port = await closedPort();
    let lookups = 0;
    // Looked up once per attempt: the first finds the port closed, the second finds the server listening.
    const lookup: LookupFunction = (_hostname, _options, callback) => {
      lookups += 1;
      const answer = () => callback(null, [{ address: '127.0.0.1', family: 4 }]);
      if (lookups === 1) answer();
      else void listenOn(port).then(answer);
    };

    const exchange = await sendTo(`http://retry.test:${port}/fax`, { transport: networkTransport({ lookup }) });

    expect(exchange.hops.map((hop) => hop.failure?.kind ?? hop.response?.status)).toEqual(['refused', 200]);
    expect(exchange.response?.status).toBe(200);
  });

  it('reports connect-timeout (11201) after every connect attempt, each recorded as a hop', async () => {
    // A TLS client waits for the handshake as part of connecting; a server that never speaks never completes it.
    const silent = track(await startRawServer(() => undefined));
    const https = `https://127.0.0.1:${silent.port}/fax`;

    const exchange = await sendTo(https, { timeoutMs: 10_000, profile: fastConnectProfile(100) });

    expect(exchange.failure).toMatchObject({ kind: 'connect-timeout', twilioError: 11201 });
    expect(exchange.hops.map((hop) => hop.failure?.kind)).toEqual(['connect-timeout', 'connect-timeout']);
  });

  it('reports dns (11210) when the host name does not resolve', async () => {
    const lookup: LookupFunction = (hostname, _options, callback) => {
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
    };

    const exchange = await sendTo('http://fax.example.invalid/fax', { transport: networkTransport({ lookup }) });

    expect(exchange.failure).toMatchObject({ kind: 'dns', twilioError: 11210 });
    expect(exchange.failure?.message).toContain('fax.example.invalid');
  });

  it('reports invalid-url (11100) for a URL that is not http(s), before sending anything', async () => {
    const exchange = await sendTo('ftp://user:secret@127.0.0.1/fax');

    expect(exchange.failure).toMatchObject({ kind: 'invalid-url', twilioError: 11100 });
    expect(exchange.hops).toHaveLength(0);
    // The call's credentials are kept for its later requests, and nowhere else.
    const { credentials, ...reported } = exchange;
    expect(credentials).toEqual({ username: 'user', password: 'secret' });
    expect(JSON.stringify(reported)).not.toContain('secret');
  });
});

describe('protocol violations', () => {
  it('reports protocol (11206) when the server answers garbage', async () => {
    const server = track(await startRawServer((socket) => socket.once('data', () => socket.end('HELLO THERE\r\n\r\n'))));

    const exchange = await sendTo(`${server.origin}/fax`);

    expect(exchange.failure).toMatchObject({ kind: 'protocol', twilioError: 11206 });
  });

  it('reports reset (11206) when the server closes before replying', async () => {
    const server = track(await startRawServer((socket) => socket.once('data', () => socket.destroy())));

    const exchange = await sendTo(`${server.origin}/fax`);

    expect(exchange.failure).toMatchObject({ kind: 'reset', twilioError: 11206 });
  });

  it('reports 11206 when the server closes in the middle of the body', async () => {
    const server = track(
      await startRawServer((socket) =>
        socket.once('data', () => {
          socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 500\r\n\r\n<Response>');
          setTimeout(() => socket.destroy(), 10);
        }),
      ),
    );

    const exchange = await sendTo(`${server.origin}/fax`);

    expect(exchange.failure?.twilioError).toBe(11206);
  });

  it.each([
    ['an empty name', '=value; Path=/'],
    ['no name at all', 'novalue'],
    // Twilio's 11206 page names \t among the invalid cookie characters.
    ['a tab in its value', 'session=a\tb; Path=/'],
  ])('reports protocol (11206) for a Set-Cookie with %s', async (_case, cookie) => {
    const server = track(
      await startHttpServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/xml', 'Set-Cookie': [cookie] });
        response.end('<Response/>');
      }),
    );

    const exchange = await sendTo(`${server.origin}/fax`);

    expect(exchange.failure).toMatchObject({ kind: 'protocol', twilioError: 11206 });
    expect(exchange.hops[0]?.response?.setCookies).toEqual([cookie]);
  });

  it('records response headers lower-cased and every Set-Cookie separately', async () => {
    const server = track(
      await startHttpServer((_request, response) => {
        response.setHeader('X-Custom', 'One');
        response.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2; HttpOnly']);
        response.writeHead(200, { 'Content-Type': 'text/xml' });
        response.end('<Response/>');
      }),
    );

    const exchange = await sendTo(`${server.origin}/fax`);

    expect(exchange.response?.headers).toMatchObject({ 'x-custom': 'One', 'content-type': 'text/xml' });
    expect(exchange.response?.headers['set-cookie']).toBeUndefined();
    expect(exchange.response?.setCookies).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
  });
});

/** Starts the TwiML server on a given loopback port (a test closes it with the others). */
async function listenOn(port: number): Promise<void> {
  const server = createServer((_request, response) => replyTwiml(undefined as never, response));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  track({ origin: `http://127.0.0.1:${port}`, port, requests: [], close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}

function fastConnectProfile(connectTimeoutMs: number) {
  return { ...TWILIO_PROFILE, id: 'test', name: 'test', sender: { ...TWILIO_PROFILE.sender, connectTimeoutMs } };
}
