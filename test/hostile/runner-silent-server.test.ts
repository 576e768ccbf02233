import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkServer } from '../../src/harness/check-server.js';
import { RECEIVE_XML, send, serve, type RunningServer } from '../zoo/serve.js';

// A hostile server of the kind a fuzzer meets: one that takes every request and never answers, and one that answers
// POST but lets every GET hang. Waiting out each request would take the whole timeout per request; the kit stops.

let silent: RunningServer;
let silentRequests = 0;
let getHangs: RunningServer;
let hangingGets = 0;
beforeAll(async () => {
  silent = await serve((req) => {
    silentRequests += 1;
    req.resume();
  });
  getHangs = await serve((req, res: ServerResponse) => {
    req.resume().on('end', () => {
      if (req.method === 'GET') return void (hangingGets += 1);
      send(res, 200, RECEIVE_XML);
    });
  });
});
afterAll(async () => {
  await Promise.all([silent.close(), getHangs.close()]);
});

describe('a server that never answers', () => {
  it('stops after a wave of base requests times out, with one response-time finding and a note, never a pass', async () => {
    const report = await checkServer({ url: silent.url() }, { runs: 200, seed: 1, concurrency: 4, timeoutMs: 300 });
    expect(report.ok).toBe(false);
    expect(report.stoppedEarly).toMatch(/^the server let 4 requests in a row time out \(0\.3 s each\), as a server that is down does, so the kit stopped sending: 198 of 202 cases were not sent$/);
    expect(report.findings).toMatchObject([{ check: 'response-time', code: 'reply_timeout', count: 4 }]);
    expect(report.checks.find((c) => c.id === 'response-time')).toMatchObject({ status: 'failed', exchanges: 4 });
    expect(report.summary).toMatchObject({ plannedCases: 202, cases: 4 });
    // The wave, and what its checks and the next cases had started before the stop cut them.
    expect(silentRequests).toBeLessThan(20);
    // Nothing passes: the connections opened, but no HTTP came back for reachable to judge.
    expect(report.checks.filter((c) => c.status === 'passed').map((c) => c.id)).toEqual([]);
    expect(report.checks.find((c) => c.id === 'reachable')).toMatchObject({ status: 'skipped', skipReason: expect.stringContaining('see response-time') });
  });
});

describe('a server that lets one kind of request hang', () => {
  it('stops sending that check after its requests time out in a row, says so, and does not pass the run', async () => {
    // Only the GETs hang: the POSTs it answers get a budget no stall of a loaded machine reaches.
    const report = await checkServer({ url: getHangs.url() }, { runs: 60, seed: 1, concurrency: 2, timeoutMs: 1_000, method: 'both', checks: ['status-code', 'get-post'] });
    const getPost = report.checks.find((c) => c.id === 'get-post');
    expect(getPost?.note).toBe('stopped sending after 3 of its requests in a row got no reply within 1 s; later cases were not judged by it');
    expect(getPost?.status).toBe('failed');
    expect(report.findings).toMatchObject([{ check: 'get-post', code: 'get_fails', count: 3 }]);
    // POSTs went on: every case judged status-code.
    expect(report.checks.find((c) => c.id === 'status-code')).toMatchObject({ status: 'passed', exchanges: 62 });
    expect(hangingGets).toBeLessThanOrEqual(3 + 2);
    expect(report.ok).toBe(false);
    expect(report.stoppedEarly).toBeUndefined();
  });
});
