import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatJsonReport } from '../../src/reporters/json.js';
import { formatJunitReport } from '../../src/reporters/junit.js';
import { checkServer } from '../../src/harness/check-server.js';
import type { Report } from '../../src/model/report.js';
import { CASE_BOUNDED_SHRINK } from '../support/shrink-budget.js';
import { readParams, send, serve, type RunningServer } from '../zoo/serve.js';

// A deterministic server (no Date header: the report shows replies as sent) with defects of several kinds: a generated
// failure (shrunk), a TwiML error, and an action callback that fails. It records every idempotency token it is sent.
let server: RunningServer;
let tokens: string[] = [];
beforeAll(async () => {
  server = await serve((req, res) => {
    res.sendDate = false;
    tokens.push(String(req.headers['i-twilio-idempotency-token']));
    void readParams(req).then((params) => {
      if ((req.url ?? '').startsWith('/fax/done')) return send(res, 500, 'callback store is down', 'text/plain');
      if ((params.get('From') ?? '').length > 13) return send(res, 500, 'value too long\n', 'text/plain');
      send(res, 200, '<Response><Receive action="/fax/done" pageSize="A4"/></Response>');
    });
  });
});
afterAll(() => server.close());

async function run(seed: number): Promise<{ report: Report; tokens: string[] }> {
  tokens = [];
  // The kit's own media server listens on a port of the run; a fixed --media-url keeps MediaUrl the same.
  const report = await checkServer({ url: server.url() }, { runs: 12, seed, method: 'both', authToken: 'a-token-of-some-length', mediaUrl: 'http://127.0.0.1:9/media', shrink: CASE_BOUNDED_SHRINK });
  return { report, tokens: [...tokens].sort() };
}

/** The report as JSON and JUnit with the one timing field (summary.durationMs, JUnit's time) set aside. */
function withoutTiming(report: Report): { json: string; junit: string } {
  const untimed = { ...report, summary: { ...report.summary, durationMs: 0 } };
  return { json: formatJsonReport(untimed), junit: formatJunitReport(report).replace(/ time="[\d.]+"/g, ' time=""') };
}

describe('a seed repeats a run', () => {
  it('gives the same report bytes, but for the run time, and sends the same idempotency tokens', async () => {
    const first = await run(7);
    const second = await run(7);
    expect(first.report.findings.length).toBeGreaterThan(2);
    expect(first.report.findings.some((f) => f.case?.endsWith('(shrunk)'))).toBe(true);
    expect(withoutTiming(second.report)).toEqual(withoutTiming(first.report));
    expect(second.tokens).toEqual(first.tokens);
  });

  it('draws other tokens from another seed', async () => {
    const seven = await run(7);
    const eight = await run(8);
    expect(eight.tokens.filter((token) => seven.tokens.includes(token))).toEqual([]);
  });
});
