import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { TWILIO_PROFILE } from '../../src/protocol/index.js';
import { createSender, inProcessTransport } from '../../src/sender/index.js';
import { FAX_PARAMS } from '../sender/fixtures.js';
import { startHttpServer, startRawServer, type TestServer } from '../sender/servers.js';

const servers: TestServer[] = [];
const track = (server: TestServer) => (servers.push(server), server);
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('a sender whose signal aborts', () => {
  it('ends an exchange waiting for its reply at once, as aborted, with no further hop', async () => {
    const received = new AbortController();
    const server = track(await startHttpServer(() => received.abort()));
    const stop = new AbortController();
    const sender = createSender({ timeoutMs: 60_000, signal: stop.signal });

    const sending = sender.send({ method: 'POST', url: `${server.origin}/fax`, params: FAX_PARAMS });
    await once(received.signal, 'abort');
    stop.abort();
    const exchange = await sending;
    await sender.close();

    expect(exchange.failure).toMatchObject({ kind: 'aborted' });
    expect(exchange.hops).toHaveLength(1);
    expect(exchange.response).toBeUndefined();
  });

  it('makes no second connection attempt once aborted', async () => {
    // A TLS client waits for the handshake as part of connecting: a server that never speaks keeps it connecting.
    const connected = new AbortController();
    const silent = track(await startRawServer(() => connected.abort()));
    const stop = new AbortController();
    const profile = { ...TWILIO_PROFILE, sender: { ...TWILIO_PROFILE.sender, connectTimeoutMs: 30_000 } };
    const sender = createSender({ timeoutMs: 60_000, signal: stop.signal, profile });

    const sending = sender.send({ method: 'POST', url: `https://127.0.0.1:${silent.port}/fax`, params: FAX_PARAMS });
    await once(connected.signal, 'abort');
    stop.abort();
    const exchange = await sending;
    await sender.close();

    expect(exchange.failure).toMatchObject({ kind: 'aborted' });
    expect(exchange.hops).toHaveLength(1);
  });

  it('returns aborted for every later send without sending anything', async () => {
    const server = track(await startHttpServer((_request, response) => void response.end()));
    const stop = new AbortController();
    stop.abort();
    const sender = createSender({ signal: stop.signal });

    const exchange = await sender.send({ method: 'POST', url: `${server.origin}/fax`, params: FAX_PARAMS });
    await sender.close();

    expect(exchange.failure).toMatchObject({ kind: 'aborted' });
    expect(exchange.hops).toHaveLength(0);
    expect(server.requests).toHaveLength(0);
  });

  it('ends an in-process handler that never answers', async () => {
    const stop = new AbortController();
    const started = new AbortController();
    const sender = createSender({
      timeoutMs: 60_000,
      signal: stop.signal,
      transport: inProcessTransport(() => {
        started.abort();
        return new Promise<Response>(() => undefined);
      }),
    });

    const sending = sender.send({ method: 'POST', url: 'https://fax.example/fax', params: FAX_PARAMS });
    await once(started.signal, 'abort');
    stop.abort();

    expect((await sending).failure).toMatchObject({ kind: 'aborted' });
  });
});
