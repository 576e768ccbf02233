import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/checks/check-api/types.js';
import { TWILIO_PROFILE } from '../../src/protocol/profile.js';
import { runConformance } from '../../src/runner/run.js';
import { checkServer } from '../../src/harness/check-server.js';
import type { Exchange, Sender, WebhookRequest } from '../../src/model/exchange.js';

// A full collection on demand: objects nothing holds any more are then gone, so a WeakRef that still derefs is held.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const RUNS = 300;
const CONCURRENCY = 4;
const IN_PROCESS_REQUESTS = 200;

/** A sender that answers at once and keeps a WeakRef to every reply body it hands out. */
function probingSender(onSend: (sent: number, alive: () => number) => Promise<void>): Sender {
  const bodies: WeakRef<Uint8Array>[] = [];
  const alive = (): number => bodies.filter((ref) => ref.deref() !== undefined).length;
  return {
    async send(request: WebhookRequest): Promise<Exchange> {
      const body = new TextEncoder().encode(`<Response><Receive/></Response><!--${'x'.repeat(10_000)}-->`);
      bodies.push(new WeakRef(body));
      await onSend(bodies.length, alive);
      const response = { status: 200, headers: { 'content-type': 'text/xml' }, setCookies: [], body, truncated: false };
      return { hops: [{ request: { method: request.method, url: request.url, headers: {} }, response, durationMs: 0 }], response, durationMs: 0, finalUrl: request.url };
    },
  };
}

// Finds the same thing in every case: a runner that kept every occurrence would keep every reply.
const alwaysFinds: Check = {
  id: 'always-finds',
  title: 'finds something in every case',
  scope: 'case',
  run: ({ exchange }) => ({ issues: [{ exchange, diagnostic: { code: 'seen', severity: 'error', message: 'seen' } }] }),
};

describe('what a run keeps while it goes', () => {
  it('holds no reply of a finished case beyond the one its finding shows', async () => {
    let aliveNearTheEnd: number | undefined;
    const sender = probingSender(async (sent, alive) => {
      if (sent !== RUNS) return;
      // Let the cases before this one settle, then count the replies still reachable.
      await new Promise((resolve) => setImmediate(resolve));
      collectGarbage();
      aliveNearTheEnd = alive();
    });
    const report = await runConformance({
      target: 'probe',
      url: 'http://localhost/fax',
      sender,
      config: { profile: TWILIO_PROFILE, method: 'POST', expect: 'any', hasAuthToken: false, timeoutMs: 15_000 },
      checks: [alwaysFinds],
      seed: 1,
      runs: RUNS,
      concurrency: CONCURRENCY,
      shrink: false,
    });
    expect(report.findings).toMatchObject([{ check: 'always-finds', count: RUNS + 2 }]);
    // The cases in flight, and the earliest case, which the finding shows; never the hundreds that finished.
    expect(aliveNearTheEnd).toBeLessThanOrEqual(CONCURRENCY + 2);
  });
});

describe('what an in-process run keeps while it goes', () => {
  it('holds no request of a finished case, though no request waits for I/O', async () => {
    const requests: WeakRef<Request>[] = [];
    let aliveNearTheEnd: number | undefined;
    // Answers at once: the run never waits for I/O. Counts, without yielding, the requests still reachable.
    const handler = (request: Request): Response => {
      requests.push(new WeakRef(request));
      if (requests.length === IN_PROCESS_REQUESTS) {
        collectGarbage();
        aliveNearTheEnd = requests.filter((ref) => ref.deref() !== undefined).length;
      }
      return new Response('<Response><Receive/></Response>', { headers: { 'content-type': 'text/xml' } });
    };
    await checkServer({ handler, url: 'http://localhost/fax' }, { runs: IN_PROCESS_REQUESTS, seed: 1, concurrency: CONCURRENCY, checks: ['status-code'], shrink: false });
    // The cases in flight (one request each); never the hundreds that finished.
    expect(aliveNearTheEnd).toBeLessThanOrEqual(CONCURRENCY + 2);
  });
});
