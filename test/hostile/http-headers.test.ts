import { afterEach, describe, expect, it } from 'vitest';
import { reachableCheck } from '../../src/checks/reachable.js';
import type { CheckContext } from '../../src/checks/check-api/types.js';
import { createSender, inProcessTransport, type Exchange } from '../../src/sender/index.js';
import { FAX_PARAMS } from '../sender/fixtures.js';
import { RECEIVE_TWIML, startRawServer, type TestServer } from '../sender/servers.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A server that answers with `headers` (each a full `Name: value` line), streaming them in pieces. */
async function replyingWithHeaders(headers: string[]): Promise<TestServer> {
  const server = await startRawServer((socket) =>
    socket.once('data', () => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n');
      for (let start = 0; start < headers.length; start += 500) socket.write(headers.slice(start, start + 500).map((line) => `${line}\r\n`).join(''));
      socket.end(`Content-Length: ${RECEIVE_TWIML.length}\r\nConnection: close\r\n\r\n${RECEIVE_TWIML}`);
    }),
  );
  servers.push(server);
  return server;
}

async function post(url: string, options: Parameters<typeof createSender>[0] = {}): Promise<Exchange> {
  const sender = createSender({ timeoutMs: 5_000, ...options });
  try {
    return await sender.send({ method: 'POST', url, params: FAX_PARAMS });
  } finally {
    await sender.close();
  }
}

function reachableFinding(exchange: Exchange) {
  const result = reachableCheck.run({ exchange } as CheckContext);
  return (result as Awaited<typeof result>).issues[0]?.diagnostic;
}

describe('oversized reply headers', () => {
  it('reports 10,000 Set-Cookie headers as headers too large (11206), not as a crashed server', async () => {
    const server = await replyingWithHeaders(Array.from({ length: 10_000 }, (_, index) => `Set-Cookie: c${index}=${'v'.repeat(40)}; Path=/`));

    const exchange = await post(`${server.origin}/fax`);

    expect(exchange.failure).toMatchObject({ kind: 'headers-too-large', twilioError: 11206 });
    expect(exchange.failure?.message).toContain('larger than 300 KB');
    expect(reachableFinding(exchange)).toMatchObject({ code: 'headers_too_large', twilioError: 11206 });
    expect(reachableFinding(exchange)?.hint).not.toContain('crash');
  });

  it('reports one header line of 1 MB the same way', async () => {
    const server = await replyingWithHeaders([`X-Padding: ${'a'.repeat(1024 * 1024)}`]);

    const exchange = await post(`${server.origin}/fax`);

    expect(exchange.failure).toMatchObject({ kind: 'headers-too-large', twilioError: 11206 });
  });

  it('accepts 100 KB of headers, which curl reads too', async () => {
    const server = await replyingWithHeaders(Array.from({ length: 1_000 }, (_, index) => `X-Header-${index}: ${'v'.repeat(90)}`));

    const exchange = await post(`${server.origin}/fax`);

    expect(exchange.failure).toBeUndefined();
    expect(exchange.response?.status).toBe(200);
  });

  it('reports the same for an in-process handler', async () => {
    const handler = () => {
      const headers = new Headers({ 'Content-Type': 'text/xml' });
      for (let index = 0; index < 10_000; index += 1) headers.append('Set-Cookie', `c${index}=${'v'.repeat(40)}`);
      return new Response(RECEIVE_TWIML, { headers });
    };

    const exchange = await post('https://fax.example/fax', { transport: inProcessTransport(handler) });

    expect(exchange.failure).toMatchObject({ kind: 'headers-too-large', twilioError: 11206 });
  });
});
