import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createSender, inProcessTransport } from '../../src/sender/index.js';
import { FAX_PARAMS } from '../sender/fixtures.js';
import { RECEIVE_TWIML, startRawServer, type TestServer } from '../sender/servers.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A server that answers every request with these headers and body, then closes. */
async function replying(headers: string, body: Buffer): Promise<TestServer> {
  const server = await startRawServer((socket) =>
    socket.once('data', () => {
      socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n${headers}Content-Length: ${body.byteLength}\r\nConnection: close\r\n\r\n`);
      socket.end(body);
    }),
  );
  servers.push(server);
  return server;
}

function gzipTimes(text: string, layers: number): Buffer {
  let body = Buffer.from(text);
  for (let layer = 0; layer < layers; layer += 1) body = gzipSync(body);
  return body;
}

async function post(url: string, options: Parameters<typeof createSender>[0] = {}) {
  const sender = createSender({ timeoutMs: 2_000, ...options });
  try {
    return await sender.send({ method: 'POST', url, params: FAX_PARAMS });
  } finally {
    await sender.close();
  }
}

describe('stacked content codings', () => {
  it('refuses br stacked 3,000 times as a protocol violation (11206) that says the chain is too long, building no decoder', async () => {
    const server = await replying(`Content-Encoding: ${Array(3000).fill('br').join(',')}\r\n`, Buffer.alloc(64 * 1024, 1));

    const exchange = await post(`${server.origin}/fax`);

    expect(exchange.failure).toMatchObject({ kind: 'protocol', twilioError: 11206 });
    expect(exchange.failure?.message).toMatch(/^Content-Encoding stacks 3000 content codings \(br, br, .*\.\.\.\); more than 5 is refused, as curl refuses it/);
    expect(exchange.failure?.message.length).toBeLessThan(250);
  });

  it('decodes a chain of exactly 5 codings', async () => {
    const server = await replying(`Content-Encoding: gzip, gzip, gzip, gzip, gzip\r\n`, gzipTimes(RECEIVE_TWIML, 5));

    const exchange = await post(`${server.origin}/fax`);

    expect(Buffer.from(exchange.response?.body ?? []).toString()).toBe(RECEIVE_TWIML);
  });

  it('refuses a chain of 6, identity included as curl counts it', async () => {
    const server = await replying(`Content-Encoding: identity, gzip, gzip, gzip, gzip, gzip\r\n`, gzipTimes(RECEIVE_TWIML, 5));

    const exchange = await post(`${server.origin}/fax`);

    expect(exchange.failure?.message).toMatch(/^Content-Encoding stacks 6 content codings/);
  });

  it('refuses the same chain from an in-process handler', async () => {
    const handler = () => new Response(RECEIVE_TWIML, { headers: { 'Content-Type': 'text/xml', 'Content-Encoding': Array(3000).fill('br').join(',') } });

    const exchange = await post('https://fax.example/fax', { transport: inProcessTransport(handler) });

    expect(exchange.failure).toMatchObject({ kind: 'protocol', twilioError: 11206 });
  });
});
