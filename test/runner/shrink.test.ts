import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkServer } from '../../src/harness/check-server.js';
import { CASE_BOUNDED_SHRINK } from '../support/shrink-budget.js';
import { readParams, RECEIVE_XML, send, serve, type RunningServer } from '../zoo/serve.js';

// A realistic defect only some generated cases hit: From stored in a VARCHAR(13) column.
let server: RunningServer;
beforeAll(async () => {
  server = await serve((req, res) => {
    void readParams(req).then((params) => ((params.get('From') ?? '').length > 13 ? send(res, 500, 'value too long for type character varying(13)\n', 'text/plain') : send(res, 200, RECEIVE_XML)));
  });
});
afterAll(() => server.close());

function fromOf(body: string | undefined): string {
  return new URLSearchParams(body ?? '').get('From') ?? '';
}

describe('shrinking', () => {
  it('reports a generated failure shrunk to the shortest From that still fails', async () => {
    const report = await checkServer({ url: server.url() }, { runs: 30, seed: 7, checks: ['status-code'], shrink: CASE_BOUNDED_SHRINK });
    const [finding] = report.findings;
    expect(finding).toMatchObject({ check: 'status-code', code: 'error_status', response: { status: 500 } });
    expect(finding?.case).toMatch(/\(shrunk\)$/);
    expect(fromOf(finding?.request.body)).toHaveLength(14);
    expect(new URLSearchParams(finding?.request.body).get('FaxSid')).toBe(`FX${'0'.repeat(32)}`);
    expect(finding?.count).toBeGreaterThan(1);
  });

  it('reports the case as found when shrinking is turned off', async () => {
    const report = await checkServer({ url: server.url() }, { runs: 30, seed: 7, checks: ['status-code'], shrink: false });
    expect(report.findings[0]?.case).toMatch(/^generated case \d+$/);
    expect(fromOf(report.findings[0]?.request.body).length).toBeGreaterThan(13);
  });

  it('shows the same finding for the same seed, with the default shrink budget, however loaded the machine', async () => {
    const runs = await Promise.all([1, 2].map(() => checkServer({ url: server.url() }, { runs: 30, seed: 99, checks: ['status-code'] })));
    const [a, b] = runs.map((report) => ({ case: report.findings[0]?.case, body: report.findings[0]?.request.body, count: report.findings[0]?.count }));
    expect(a).toEqual(b);
  });

  it('says in the case label when the time limit cut the shrink short, since the same seed may then shrink further', async () => {
    const report = await checkServer({ url: server.url() }, { runs: 30, seed: 7, checks: ['status-code'], shrink: { maxCases: 250, maxMs: 0 } });
    expect(report.findings[0]?.case).toMatch(/^generated case \d+ \(stopped at the shrink time limit; the same seed may shrink further on a faster run\)$/);
  });
});
