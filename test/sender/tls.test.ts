import { createServer, type Server } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSender, networkTransport, type SenderOptions } from '../../src/sender/index.js';
import { FAX_PARAMS } from './fixtures.js';
import { createTestPki, type KeyPair, type TestPki } from './pki.js';
import { listen, RECEIVE_TWIML, startRawServer, type TestServer } from './servers.js';

let pki: TestPki;
const servers: TestServer[] = [];

beforeAll(() => {
  pki = createTestPki();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

async function startHttpsServer(pair: KeyPair): Promise<TestServer> {
  const server: Server = createServer(pair, (request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      response.end(RECEIVE_TWIML);
    });
  });
  const started = await listen(server, 'https', []);
  servers.push(started);
  return started;
}

async function sendTo(server: TestServer, options: SenderOptions = {}) {
  const sender = createSender({ timeoutMs: 2_000, ...options });
  try {
    return await sender.send({ method: 'POST', url: `${server.origin}/fax`, params: FAX_PARAMS });
  } finally {
    await sender.close();
  }
}

describe('TLS', () => {
  it('accepts a certificate that chains to a trusted CA', async () => {
    const server = await startHttpsServer(pki.valid);

    const exchange = await sendTo(server, { transport: networkTransport({ ca: pki.ca }) });

    expect(exchange.failure).toBeUndefined();
    expect(exchange.response?.status).toBe(200);
  });

  it('refuses a self-signed certificate with cert-untrusted (11237)', async () => {
    const server = await startHttpsServer(pki.selfSigned);

    const exchange = await sendTo(server);

    expect(exchange.failure).toMatchObject({ kind: 'cert-untrusted', twilioError: 11237 });
  });

  it('accepts a self-signed certificate when insecure', async () => {
    const server = await startHttpsServer(pki.selfSigned);

    const exchange = await sendTo(server, { insecure: true });

    expect(exchange.response?.status).toBe(200);
  });

  it('refuses an expired certificate with cert-expired (11236)', async () => {
    const server = await startHttpsServer(pki.expired);

    const exchange = await sendTo(server, { transport: networkTransport({ ca: pki.ca }) });

    expect(exchange.failure).toMatchObject({ kind: 'cert-expired', twilioError: 11236 });
  });

  it('refuses a certificate for another host with cert-domain (11235)', async () => {
    const server = await startHttpsServer(pki.otherHost);

    const exchange = await sendTo(server, { transport: networkTransport({ ca: pki.ca }) });

    expect(exchange.failure).toMatchObject({ kind: 'cert-domain', twilioError: 11235 });
  });

  it('reports tls (11220) when the handshake fails', async () => {
    const notTls = await startRawServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')));
    servers.push(notTls);

    const exchange = await sendTo({ ...notTls, origin: `https://127.0.0.1:${notTls.port}` });

    expect(exchange.failure).toMatchObject({ kind: 'tls', twilioError: 11220 });
  });
});
