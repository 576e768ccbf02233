import type { ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { checkServer } from '../../src/harness/check-server.js';
import { RECEIVE_XML, send, serve } from '../zoo/serve.js';

// Long enough that a run waiting out a request would outlast the test's own timeout: finishing at all is the proof.
const NEVER = 600_000;

/** A server that answers its first `answered` requests and then holds every request open, saying when one arrives. */
async function serverThatStopsAnswering(answered: number) {
  const arrivals = new EventEmitter();
  const held: ServerResponse[] = [];
  let seen = 0;
  const server = await serve((req, res) => {
    req.resume().on('end', () => {
      seen += 1;
      if (seen <= answered) return send(res, 200, RECEIVE_XML);
      held.push(res);
      arrivals.emit('held', held.length);
    });
  });
  return { server, arrivals, held: () => held.length };
}

describe('an interrupted run', () => {
  it('cuts the requests in flight at once and makes no finding of them', async () => {
    const { server, arrivals } = await serverThatStopsAnswering(0);
    const stop = new AbortController();
    arrivals.on('held', (count: number) => count === 4 && stop.abort());
    const report = await checkServer({ url: server.url() }, { runs: 50, seed: 1, concurrency: 4, timeoutMs: NEVER, signal: stop.signal });
    await server.close();
    expect(report).toMatchObject({ ok: false, interrupted: true, findings: [] });
    expect(report.summary).toMatchObject({ cases: 0, judged: 0 });
    expect(report.checks.every((c) => c.status === 'skipped')).toBe(true);
  });

  it('reports the cases that finished before the stop, and none of those it cut', async () => {
    const { server, arrivals } = await serverThatStopsAnswering(30);
    const stop = new AbortController();
    arrivals.on('held', (count: number) => count === 2 && stop.abort());
    const report = await checkServer({ url: server.url() }, { runs: 50, seed: 1, concurrency: 2, timeoutMs: NEVER, signal: stop.signal, checks: ['status-code', 'content-type', 'form-encoding', 'response-time'] });
    await server.close();
    expect(report).toMatchObject({ ok: false, interrupted: true, findings: [] });
    expect(report.summary.cases).toBeGreaterThan(0);
    expect(report.summary.cases).toBeLessThan(52);
    expect(report.checks.find((c) => c.id === 'status-code')).toMatchObject({ status: 'passed' });
  });

  it('makes no finding of connections reset by stopping the server, as stopping a --start server does', async () => {
    const { server, arrivals } = await serverThatStopsAnswering(0);
    const stop = new AbortController();
    arrivals.on('held', (count: number) => {
      if (count !== 3) return;
      // The CLI's Ctrl-C does both at once: the run's stop, and the started server's.
      stop.abort();
      void server.close();
    });
    const report = await checkServer({ url: server.url() }, { runs: 20, seed: 1, concurrency: 3, timeoutMs: NEVER, signal: stop.signal });
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ ok: false, interrupted: true });
  });

  it('does not even start when stopped before it begins', async () => {
    const { server } = await serverThatStopsAnswering(0);
    const report = await checkServer({ url: server.url() }, { runs: 5, seed: 1, signal: AbortSignal.abort() });
    await server.close();
    expect(report).toMatchObject({ ok: false, interrupted: true, findings: [], summary: { requests: 0, cases: 0 } });
  });
});
