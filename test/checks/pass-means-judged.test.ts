import { describe, expect, it } from 'vitest';
import { checkServer } from '../../src/harness/check-server.js';
import type { Report } from '../../src/model/report.js';
import { readParams, RECEIVE_XML, refusedUrl, send } from '../zoo/serve.js';
import { loopbackServers } from '../zoo/loopback-servers.js';

const AUTH_TOKEN = 'judged-auth-token-0123456789abcdef';
const RUN = { runs: 2, seed: 3, timeoutMs: 3_000, shrink: false } as const;

const { started } = loopbackServers();

const statusOf = (report: Report, id: string) => report.checks.find((c) => c.id === id);

describe('a check that had nothing to judge', () => {
  it('is skipped, not passed, when nothing answered (response-time, status-code)', async () => {
    const report = await checkServer({ url: await refusedUrl() }, { ...RUN, checks: ['reachable', 'response-time', 'status-code'] });
    expect(statusOf(report, 'reachable')?.status).toBe('failed');
    // Each reason points at the check that judged the failure: reachable, for a refused connection.
    expect(statusOf(report, 'response-time')).toMatchObject({ status: 'skipped', skipReason: expect.stringMatching(/^the base request failed \(.*; see reachable\)$/) });
    expect(statusOf(report, 'status-code')).toMatchObject({ status: 'skipped', skipReason: expect.stringMatching(/^the base request failed \(.*; see reachable\)$/) });
  });

  it('is skipped when every request gets a 500: no stateful or signature check passes on it', async () => {
    const url = await started((_req, res) => send(res, 500, 'internal error\n', 'text/plain'));
    const stateful = ['signature-accepted', 'signature-enforced', 'cookies', 'caching', 'action-callback', 'idempotency'];
    const report = await checkServer({ url }, { ...RUN, authToken: AUTH_TOKEN, method: 'both', checks: ['status-code', ...stateful] });
    expect(statusOf(report, 'status-code')?.status).toBe('failed');
    for (const id of stateful) expect(statusOf(report, id), id).toMatchObject({ status: 'skipped' });
    expect(report.findings.map((f) => f.check)).toEqual(['status-code']);
  });

  it('is skipped when every GET gets a 404 (caching)', async () => {
    const url = await started((req, res) => void readParams(req).then(() => (req.method === 'GET' ? send(res, 404, 'not found\n', 'text/plain') : send(res, 200, RECEIVE_XML))));
    const report = await checkServer({ url }, { ...RUN, method: 'both', checks: ['caching'] });
    expect(statusOf(report, 'caching')).toMatchObject({ status: 'skipped', skipReason: expect.stringContaining('HTTP 404') });
  });

  it('skips signature-enforced when even a correctly signed new fax is refused: refused forgeries prove nothing', async () => {
    // Knows only the example faxes: anything else is "no such fax", signed or not.
    const url = await started((req, res) => void readParams(req).then((params) => (params.get('FaxSid')?.startsWith('FX0123') || params.get('FaxSid')?.startsWith('FXfedc') ? send(res, 200, RECEIVE_XML) : send(res, 404, 'no such fax\n', 'text/plain'))));
    const report = await checkServer({ url }, { ...RUN, runs: 0, authToken: AUTH_TOKEN, checks: ['signature-enforced'] });
    expect(statusOf(report, 'signature-enforced')).toMatchObject({ status: 'skipped', skipReason: expect.stringContaining('a new fax, correctly signed, is not accepted either') });
  });
});
