import { Client, errors } from 'undici';
import { checkServer } from '../src/harness/index.js';
import { formatMs, median, sideBySide } from './measure.js';
import type { BenchRow } from './row.js';
import type { RecordedRequest } from './server-messages.js';
import type { BenchServer } from './server.js';

// What the raw client destroys each connection with, made once, as the kit's network transport does: without one,
// undici makes an error per connection whose stack Node formats at once (costly under tsx's source maps), a cost of
// undici's default that the kit does not pay and the reference should not either.
const RELEASED = new errors.ClientDestroyedError();
void RELEASED.stack;

// Hop-by-hop and framing headers undici writes itself.
const OWN_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/**
 * The harness against a raw undici client (issue 14: at least 0.9×), as requests per second: the kit runs `check`
 * in this process (`checkServer`, the `status-code` check only, so each case is one request and the concurrency is
 * the number of requests in flight) and the raw client sends the very requests the kit sent (recorded by the server:
 * same bytes, same signatures) with the same concurrency, checking nothing. Both alternate for `rounds` rounds; the
 * medians are compared.
 *
 * The raw client opens one connection per request and closes it once the reply is read, as the kit does and as Twilio
 * does (each webhook delivery arrives on a connection of its own: docs/protocol.md, `connection-per-request`). Kept
 * connections would make the raw client 3-5 times faster on loopback, but then the row would measure TCP handshakes,
 * not the harness; that figure is printed beside it for information.
 */
export async function throughputRows(server: BenchServer, options: { runs: number; rounds: number; concurrency: number; authToken: string }): Promise<BenchRow[]> {
  const { runs, concurrency, authToken } = options;
  const kitRun = async (): Promise<{ requests: number; ms: number }> => {
    const started = performance.now();
    const report = await checkServer({ url: server.url }, { checks: ['status-code'], runs, seed: 1, concurrency, authToken, shrink: false });
    return { requests: report.summary.requests, ms: performance.now() - started };
  };
  // A first run warms the kit up (its modules, V8's code) and records what it sends.
  const requests = await server.record(kitRun);
  const perSecond = (count: number, ms: number) => (count * 1000) / ms;
  const figures = await sideBySide(
    options.rounds,
    async () => {
      const { requests: count, ms } = await kitRun();
      return perSecond(count, ms);
    },
    async () => perSecond(requests.length, await replay(server.url, requests, concurrency, 'per-request')),
  );
  const kept = perSecond(requests.length, await replay(server.url, requests, concurrency, 'kept'));
  const kit = median(figures.kit);
  const reference = median(figures.reference);
  return [
    {
      what: `harness: check --runs ${runs} --concurrency ${concurrency}`,
      kit: `checkServer ${Math.round(kit)} req/s`,
      reference: `undici Client ${Math.round(reference)} req/s`,
      ratio: kit / reference,
      target: { min: 0.9 },
      // The kit also makes every request it sends (draws the case, keys it, signs it: about a fifth of its CPU per case
      // in a profile, fast-check's drawing the most of it) and judges the reply; the replay only sends bytes.
      note:
        `${requests.length} requests a run, median of ${options.rounds}; undici on kept connections: ${Math.round(kept)} req/s (${formatMs(1000 / kept)} a request), for information; ` +
        'the kit draws, keys and signs each request, the replay does not',
    },
  ];
}

/** Sends `requests` to `url`'s origin, `concurrency` at a time, reading each reply whole; returns the milliseconds. */
async function replay(url: string, requests: readonly RecordedRequest[], concurrency: number, connections: 'per-request' | 'kept'): Promise<number> {
  const origin = new URL(url).origin;
  const shared = connections === 'kept' ? Array.from({ length: concurrency }, () => new Client(origin)) : [];
  let next = 0;
  const started = performance.now();
  const worker = async (slot: number): Promise<void> => {
    while (next < requests.length) {
      const request = requests[next++] as RecordedRequest;
      const client = shared[slot] ?? new Client(origin);
      const headers: string[] = [];
      for (let i = 0; i < request.headers.length; i += 2) {
        const name = request.headers[i] as string;
        if (!OWN_HEADERS.has(name.toLowerCase())) headers.push(name, request.headers[i + 1] as string);
      }
      const response = await client.request({
        path: request.path,
        method: request.method as 'POST',
        headers,
        ...(request.method === 'POST' && { body: Buffer.from(request.body, 'latin1') }),
      });
      for await (const chunk of response.body) void chunk;
      // As the kit releases a connection: destroyed at once, not waited for.
      if (!shared[slot]) void client.destroy(RELEASED).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, slot) => worker(slot)));
  const ms = performance.now() - started;
  await Promise.all(shared.map((client) => client.close()));
  return ms;
}
