import { once } from 'node:events';
import type { Socket } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createSender } from '../../src/sender/index.js';
import type { Exchange } from '../../src/model/exchange.js';
import { FAX_PARAMS } from './fixtures.js';
import { RECEIVE_TWIML, startRawServer, type TestServer } from './servers.js';

// A reply that says nothing about the connection: HTTP/1.1 keeps it open by default, and the server may still close it.
const REPLY = `HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: ${RECEIVE_TWIML.length}\r\n\r\n${RECEIVE_TWIML}`;

/** A raw server that records each connection and the requests read on it, and answers each as `onRequest` says. */
async function recordingServer(onRequest: (socket: Socket, requestOnConnection: number) => void) {
  const connections: { heads: string[]; closed: Promise<unknown> }[] = [];
  const server = await startRawServer((socket) => {
    const connection = { heads: [] as string[], closed: once(socket, 'close') };
    connections.push(connection);
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      // Requests here have no body (GET) or a Content-Length body small enough to arrive with the head.
      const end = pending.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = pending.slice(0, end);
      const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
      if (pending.length < end + 4 + length) return;
      pending = pending.slice(end + 4 + length);
      connection.heads.push(head);
      onRequest(socket, connection.heads.length);
    });
  });
  return { server, connections };
}

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
const sender = createSender({ timeoutMs: 2_000 });
afterAll(() => sender.close());

const send = (server: TestServer, method: 'GET' | 'POST'): Promise<Exchange> => sender.send({ method, url: `${server.origin}/fax`, params: FAX_PARAMS });

// Twilio's webhook deliveries are distinct requests; a connection the kit kept from one exchange for the next could be
// closed by the server meanwhile (its keep-alive timeout), and the kit would blame the server with 11206.
describe('connections', () => {
  it('passes a server that closes the connection right after each reply, the next request sent as it closes', async () => {
    const { server, connections } = await recordingServer((socket) => socket.end(REPLY));
    servers.push(server);

    const exchanges: Exchange[] = [];
    for (const method of ['POST', 'GET', 'POST', 'GET'] as const) {
      exchanges.push(await send(server, method));
      // The next exchange starts the moment the server has closed the last connection: the kit may not have read
      // the close yet, as when it is busy, and must not send on that connection.
      await connections.at(-1)?.closed;
    }

    expect(exchanges.map((exchange) => exchange.failure)).toEqual([undefined, undefined, undefined, undefined]);
    expect(exchanges.map((exchange) => exchange.response?.status)).toEqual([200, 200, 200, 200]);
    expect(connections.map((connection) => connection.heads.length)).toEqual([1, 1, 1, 1]);
  });

  it('passes a server that breaks off a connection when a second request arrives on it', async () => {
    // What a server's keep-alive timeout does when it fires just as the kit reuses the connection.
    const { server, connections } = await recordingServer((socket, requestOnConnection) => {
      if (requestOnConnection === 1) socket.write(REPLY);
      else socket.destroy();
    });
    servers.push(server);

    const exchanges = [await send(server, 'POST'), await send(server, 'GET'), await send(server, 'POST')];

    expect(exchanges.map((exchange) => exchange.failure?.twilioError)).toEqual([undefined, undefined, undefined]);
    expect(connections).toHaveLength(3);
  });

  it('opens a connection per exchange without changing the request on the wire', async () => {
    const { server, connections } = await recordingServer((socket) => socket.write(REPLY));
    servers.push(server);

    for (const method of ['POST', 'POST', 'GET', 'GET'] as const) await send(server, method);

    expect(connections.map((connection) => connection.heads.length)).toEqual([1, 1, 1, 1]);
    // As every request was sent before: undici announces keep-alive, and the kit alone decides not to reuse.
    const heads = connections.map((connection) => connection.heads[0] ?? '');
    expect(heads.map((head) => /^connection: (.*)$/im.exec(head)?.[1])).toEqual(['keep-alive', 'keep-alive', 'keep-alive', 'keep-alive']);
  });
});
