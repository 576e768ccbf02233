import type { RequestListener } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { checkServer } from '../../src/harness/check-server.js';
import { CHECKS, endpointsOf } from '../../src/checks/registry.js';
import type { Report } from '../../src/model/report.js';
import { readParams, refusedUrl, send, serve, type RunningServer } from '../zoo/serve.js';

// A failed base request is judged once, by the check that owns the failure; every other check sends nothing more and
// says which check that is.

const AUTH_TOKEN = 'owner-auth-token-0123456789abcdef';
/** Every check that can run: a token and both methods, so none is skipped for its configuration. */
const ALL = { seed: 4, authToken: AUTH_TOKEN, method: 'both', expect: 'receive', shrink: false } as const;

const running: RunningServer[] = [];
afterAll(() => Promise.all(running.map((server) => server.close())));

/** Starts `listener`, counting the requests it is sent. */
async function counted(listener: RequestListener): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  const server = await serve((req, res) => {
    requests += 1;
    listener(req, res);
  });
  running.push(server);
  return { url: server.url(), requests: () => requests };
}

/** The checks that run only when the run plays a fallback URL. */
const NEED_FALLBACK = ['fallback-reply', 'idempotency'];

const skipReasons = (report: Report) => Object.fromEntries(report.checks.filter((c) => c.status === 'skipped').map((c) => [c.id, c.skipReason]));

describe('a failed base request', () => {
  it('sends nothing beyond the base requests when every one is answered 500, and points at status-code', async () => {
    const server = await counted((req, res) => void readParams(req).then(() => send(res, 500, 'internal error\n', 'text/plain')));
    // A timeout far above what a loaded machine takes to answer, so response-time finds no slow reply.
    const report = await checkServer({ url: server.url }, { ...ALL, runs: 3, timeoutMs: 15_000 });
    expect(report.summary.cases).toBe(5);
    expect(server.requests()).toBe(5);
    expect(report.findings.map((f) => `${f.check}/${f.code}`)).toEqual(['status-code/error_status']);
    const reasons = skipReasons(report);
    const webhookChecks = CHECKS.filter((c) => endpointsOf(c).includes('webhook')).map((c) => c.id);
    expect(Object.keys(reasons).sort()).toEqual(webhookChecks.filter((id) => id !== 'status-code' && id !== 'reachable' && id !== 'response-time').sort());
    // The fallback's checks are skipped for the configuration (no --fallback-url), before any request.
    for (const [id, reason] of Object.entries(reasons)) if (!NEED_FALLBACK.includes(id)) expect(reason, id).toBe('the base request failed (HTTP 500; see status-code)');
  });

  it('sends nothing beyond the base requests to a server that never answers, and points at response-time', async () => {
    // Takes every request and never answers: each base request waits out the (short) timeout.
    const server = await counted((req) => void req.resume());
    // Long enough for each request to reach the server on a loaded machine; short enough to wait out.
    const report = await checkServer({ url: server.url }, { ...ALL, runs: 0, timeoutMs: 2_000 });
    expect(server.requests()).toBe(2);
    expect(report.findings.map((f) => `${f.check}/${f.code}`)).toEqual(['response-time/reply_timeout']);
    expect(report.checks.filter((c) => c.status === 'passed')).toEqual([]);
    const reasons = skipReasons(report);
    // reachable saw the connection open, and no HTTP: it does not pass a server that never answered.
    expect(reasons.reachable).toBe('the server took the connection but sent no complete reply in time: whether it answers in HTTP was not seen (see response-time)');
    for (const id of ['status-code', 'content-type', 'form-encoding', 'cookies', 'caching', 'signature-accepted', 'action-callback']) {
      expect(reasons[id], id).toBe('the base request failed (no complete reply within the timeout; see response-time)');
    }
    expect(report.ok).toBe(false);
  });

  it('points at reachable when the connection is refused', async () => {
    const report = await checkServer({ url: await refusedUrl() }, { ...ALL, runs: 0, timeoutMs: 3_000 });
    expect(report.findings.map((f) => `${f.check}/${f.code}`)).toEqual(['reachable/connection_refused']);
    const reasons = skipReasons(report);
    for (const id of ['response-time', 'status-code', 'cookies', 'form-encoding', 'signature-enforced']) {
      expect(reasons[id], id).toBe('the base request failed (connection refused; see reachable)');
    }
  });

  it('does not send the user to a check the run left out', async () => {
    const report = await checkServer({ url: await refusedUrl() }, { runs: 0, seed: 1, checks: ['content-type'] });
    expect(skipReasons(report)['content-type']).toBe('the base request failed (connection refused; reachable reports it, and this run left it out)');
  });
});
