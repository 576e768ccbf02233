import { afterEach, describe, expect, it } from 'vitest';
import twilio from 'twilio';
import { checkServer } from '../../src/harness/check-server.js';
import { defineCheck, judged } from '../../src/harness/index.js';
import type { Report } from '../../src/model/report.js';
import { serve } from '../zoo/serve.js';
import { acceptsAll, callbackApp, crashesOnFailedFax, readsNumPagesAsOptional, STATUS_AUTH_TOKEN, strictStateMachine, type SeenCallback } from './callback-servers.js';

const closing: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((server) => server.close()));
});

const RUN = { endpoint: 'status-callback', runs: 10, seed: 5, timeoutMs: 3_000 } as const;

async function started(app: ReturnType<typeof callbackApp>): Promise<string> {
  const server = await serve(app);
  closing.push(server);
  return server.url('/fax/status');
}

function statusesOf(report: Report): Record<string, string> {
  return Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
}

describe('check --endpoint status-callback', () => {
  it('passes a status-callback endpoint that validates the signature and accepts every callback', async () => {
    const seen: SeenCallback[] = [];
    const url = await started(callbackApp(acceptsAll, { token: STATUS_AUTH_TOKEN, seen }));
    const report = await checkServer({ url }, { ...RUN, authToken: STATUS_AUTH_TOKEN });
    expect(report.findings).toEqual([]);
    expect(statusesOf(report)).toEqual({
      'signature-accepted': 'passed',
      'signature-enforced': 'passed',
      'status-callback-accepted': 'passed',
      'status-callback-failed-fax': 'passed',
      'status-callback-order': 'passed',
    });
    expect(report.ok).toBe(true);
  });

  it('sends every callback by POST with Twilio headers, signed as twilio-node validates, queued first', async () => {
    const seen: SeenCallback[] = [];
    const url = await started(callbackApp(acceptsAll, { seen }));
    await checkServer({ url }, { ...RUN, runs: 0, authToken: STATUS_AUTH_TOKEN, checks: ['status-callback-accepted'] });
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST', 'POST', 'POST']);
    for (const { headers, params } of seen) {
      expect(headers['user-agent']).toBe('TwilioProxy/1.1');
      expect(twilio.validateRequest(STATUS_AUTH_TOKEN, headers['x-twilio-signature'] as string, url, params)).toBe(true);
    }
    // Each example fax: queued, then its ending; the failed one carries ErrorCode and no NumPages or MediaUrl.
    const faxes = [...new Set(seen.map((s) => s.params.FaxSid))];
    const sequences = faxes.map((sid) => seen.filter((s) => s.params.FaxSid === sid).map((c) => c.params.FaxStatus));
    expect(sequences).toEqual([
      ['queued', 'delivered'],
      ['queued', 'failed'],
    ]);
    const failed = seen.find((s) => s.params.FaxStatus === 'failed')?.params;
    expect(failed).toMatchObject({ ErrorCode: '34004', ErrorMessage: 'Error during fax transmission' });
    expect(failed).not.toHaveProperty('NumPages');
    expect(failed).not.toHaveProperty('MediaUrl');
    expect(seen.find((s) => s.params.FaxStatus === 'delivered')?.params).toMatchObject({ NumPages: '3', MediaUrl: expect.stringMatching(/^https:\/\//) });
  });

  it('catches an endpoint that crashes (500) on a failed fax without NumPages, with a curl line that reproduces it', async () => {
    const url = await started(callbackApp(crashesOnFailedFax));
    const report = await checkServer({ url }, RUN);
    expect(report.ok).toBe(false);
    expect(report.findings).toHaveLength(1);
    const [finding] = report.findings;
    expect(finding).toMatchObject({ check: 'status-callback-failed-fax', code: 'failed_fax_callback_error_status', severity: 'warning', twilioError: 11200 });
    expect(finding?.message).toMatch(/HTTP 500 to the failed callback .*no NumPages, no MediaUrl/);
    expect(finding?.reproduce).toContain(`-X POST ${url}`);
    expect(finding?.reproduce).toContain('FaxStatus=failed');
    expect(finding?.reproduce).not.toContain('NumPages');
    expect(statusesOf(report)['status-callback-accepted']).toBe('passed');
    // The curl line, as a user would paste it, gets the same 500 (sent here with fetch, minus the shell quoting).
    const body = /--data-binary '([^']*)'/.exec(finding?.reproduce ?? '')?.[1] ?? '';
    const replayed = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    expect(replayed.status).toBe(500);
  });

  it('passes the same crash-prone endpoint once it reads NumPages as optional', async () => {
    const url = await started(callbackApp(readsNumPagesAsOptional));
    const report = await checkServer({ url }, RUN);
    expect(report.findings).toEqual([]);
  });

  it('reports an endpoint that refuses every callback once, under status-callback-accepted', async () => {
    const url = await started(callbackApp(() => 500));
    const report = await checkServer({ url }, RUN);
    expect(report.findings.map((f) => [f.check, f.code])).toEqual([['status-callback-accepted', 'status_callback_error_status']]);
    expect(statusesOf(report)).toMatchObject({ 'status-callback-failed-fax': 'skipped', 'status-callback-order': 'skipped' });
    // The reason of a failed fax it could not judge, not that of the delivered fax of the first case.
    expect(report.checks.find((c) => c.id === 'status-callback-failed-fax')?.skipReason).toBe('the queued callback of the same fax got no 2xx either (see status-callback-accepted)');
  });

  it('says nothing answered, with the code of the refused connection, when no server listens at the URL', async () => {
    // Port 1: nothing listens there.
    const report = await checkServer({ url: 'http://127.0.0.1:1/fax/status' }, { ...RUN, runs: 0 });
    const finding = report.findings.find((f) => f.check === 'status-callback-accepted');
    expect(finding).toMatchObject({ code: 'status_callback_unreachable', twilioError: 11202 });
    expect(finding?.message).toContain('Twilio logged 11202 and did not retry');
    expect(finding?.hint).toContain('nothing answered at the status callback URL: start the server');
  });

  it('reports callbacks refused out of order or twice, and passes them when they come in order', async () => {
    const url = await started(callbackApp(strictStateMachine()));
    const report = await checkServer({ url }, RUN);
    expect(report.findings.map((f) => [f.check, f.code]).sort()).toEqual([
      ['status-callback-order', 'duplicate_callback_error_status'],
      ['status-callback-order', 'out_of_order_callback_error_status'],
    ]);
    expect(statusesOf(report)).toMatchObject({ 'status-callback-accepted': 'passed', 'status-callback-failed-fax': 'passed' });
  });

  it('reports an endpoint that takes unsigned callbacks under signature-enforced', async () => {
    const url = await started(callbackApp(acceptsAll));
    const report = await checkServer({ url }, { ...RUN, runs: 0, authToken: STATUS_AUTH_TOKEN });
    expect(report.findings.map((f) => [f.check, f.code])).toEqual([['signature-enforced', 'unsigned_request_accepted']]);
  });

  it('repeats the same run, byte for byte, from the same seed', async () => {
    const seen: SeenCallback[][] = [[], []];
    for (const each of seen) {
      const url = await started(callbackApp(acceptsAll, { seen: each }));
      await checkServer({ url }, { ...RUN, concurrency: 1 });
    }
    const [first, second] = seen.map((each) => each.map((s) => JSON.stringify([s.params, s.headers['i-twilio-idempotency-token']])));
    expect(second).toEqual(first);
  });
});

describe('checks of your own for status callbacks', () => {
  it('run in a status-callback run when they name the endpoint, and only then', async () => {
    const seenStatuses: string[] = [];
    const mine = defineCheck({
      id: 'records-status',
      title: 'reads FaxStatus',
      endpoints: ['status-callback'],
      run({ request }) {
        seenStatuses.push(request.params.find(([name]) => name === 'FaxStatus')?.[1] ?? '');
        return judged();
      },
    });
    const url = await started(callbackApp(acceptsAll));
    const report = await checkServer({ url }, { ...RUN, runs: 0, customChecks: [mine] });
    expect(statusesOf(report)['records-status']).toBe('passed');
    expect(seenStatuses).toEqual(['queued', 'queued']);
    await expect(checkServer({ url }, { runs: 0, seed: 1, customChecks: [mine], checks: ['records-status'] })).rejects.toThrow("check 'records-status' belongs to the status-callback endpoint, not to webhook");
  });

  it('are refused with an endpoint the kit does not know', async () => {
    expect(() => defineCheck({ id: 'x', title: 't', endpoints: ['status'] as never, run: () => judged() })).toThrow("endpoints must be a non-empty list of 'webhook', 'status-callback', 'fallback'");
  });
});
