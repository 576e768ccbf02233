import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { assertConformance } from '../../src/harness/assert-conformance.js';
import { checkServer } from '../../src/harness/check-server.js';
import type { Reporter, RunEvent } from '../../src/model/events.js';

function faxApp(reply: string, contentType = 'text/xml'): Hono {
  const app = new Hono();
  app.post('/fax', (c) => c.body(reply, 200, { 'Content-Type': contentType }));
  return app;
}

function recorder(): { reporter: Reporter; events: RunEvent[] } {
  const events: RunEvent[] = [];
  const reporter: Reporter = {
    onRunStarted: (e) => void events.push(e),
    onCaseFinished: (e) => void events.push(e),
    onShrinking: (e) => void events.push(e),
    onFinding: (e) => void events.push(e),
    onCheckFinished: (e) => void events.push(e),
    onRunFinished: (e) => void events.push(e),
  };
  return { reporter, events };
}

describe('checkServer and assertConformance', () => {
  it('resolves with the report when the handler conforms', async () => {
    const app = faxApp('<Response><Receive/></Response>');
    await expect(assertConformance({ handler: app.fetch, url: 'http://localhost/fax' }, { runs: 5, seed: 1 })).resolves.toMatchObject({ ok: true });
  });

  it('throws the formatted findings when the handler does not conform', async () => {
    const app = faxApp('<Response><Receive pageSize="A4"/></Response>');
    const failure = assertConformance({ handler: app.fetch, url: 'http://localhost/fax' }, { runs: 5, seed: 1 });
    await expect(failure).rejects.toThrow(/attribute-values/);
    await expect(failure).rejects.toThrow(/curl /);
  });

  it('reports the reply checks skipped, not passed, when no request got a 2xx reply', async () => {
    const app = new Hono();
    app.post('/fax', (c) => c.text('maintenance', 503));
    const report = await checkServer({ handler: app.fetch, url: 'http://localhost/fax' }, {
      runs: 3,
      seed: 1,
      authToken: 'a-token-of-some-length',
      checks: ['status-code', 'content-type', 'fax-action', 'sip-addresses', 'signature-enforced', 'cookies', 'action-callback', 'idempotency'],
    });
    const statuses = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    expect(statuses).toEqual({
      'status-code': 'failed',
      'content-type': 'skipped',
      'fax-action': 'skipped',
      'sip-addresses': 'skipped',
      // A server that refuses everything refuses forged requests too: that proves nothing.
      'signature-enforced': 'skipped',
      cookies: 'skipped',
      'action-callback': 'skipped',
      idempotency: 'skipped',
    });
    expect(report.checks.find((c) => c.id === 'content-type')?.skipReason).toBe('the base request failed (HTTP 503; see status-code)');
  });

  it('does not pass a run in which every selected check was skipped', async () => {
    const app = new Hono();
    app.post('/fax', () => {
      throw new Error('database is down');
    });
    const report = await checkServer({ handler: app.fetch, url: 'http://localhost/fax' }, { runs: 2, seed: 1, checks: ['content-type', 'fax-action'] });
    expect(report.checks.map((c) => c.status)).toEqual(['skipped', 'skipped']);
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(false);
  });

  it('throws one clear line for options that cannot run', async () => {
    await expect(checkServer({ url: 'ftp://example.com/fax' })).rejects.toThrow("'ftp://example.com/fax' is not an http(s) URL");
    await expect(checkServer({ url: 'http://localhost/fax' }, { checks: ['nope'] })).rejects.toThrow("unknown check 'nope'");
  });

  it('tells reporters what happens, in order: start, cases, shrinking, findings, checks, end', async () => {
    const app = new Hono();
    // Fails only for generated numbers from abroad that are long: the examples pass, so the finding is shrunk.
    app.post('/fax', async (c) => {
      const { From } = await c.req.parseBody();
      return typeof From === 'string' && From.length > 13 ? c.text('boom', 500) : c.body('<Response><Receive/></Response>', 200, { 'Content-Type': 'text/xml' });
    });
    const { reporter, events } = recorder();
    const report = await checkServer({ handler: app.fetch, url: 'http://localhost/fax' }, { runs: 20, seed: 7, checks: ['status-code', 'get-post'], reporters: [reporter] });
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('run-started');
    expect(types.filter((t) => t === 'case-finished')).toHaveLength(22);
    expect(types.slice(23)).toEqual(['shrinking', 'finding', 'check-finished', 'check-finished', 'run-finished']);
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', report });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([['status-code', 'failed'], ['get-post', 'skipped']]);
    expect(report.summary).toMatchObject({ checks: 2, passed: 0, failed: 1, skipped: 1 });
  });
});

describe('variant checks on a server whose every reply has a TwiML defect', () => {
  it('still reports that SIP faxes fail', async () => {
    const app = new Hono();
    app.post('/fax', async (c) => {
      const { From } = await c.req.parseBody();
      if (typeof From === 'string' && !From.startsWith('+')) return c.text('cannot parse number', 500);
      return c.body('<Response><Receive pageSize="A4"/></Response>', 200, { 'Content-Type': 'text/xml' });
    });
    const report = await checkServer({ handler: app.fetch, url: 'http://localhost/fax' }, { runs: 3, seed: 1 });
    expect(report.findings.map((f) => `${f.check}/${f.code}`).sort()).toEqual(['attribute-values/value_case_mismatch', 'sip-addresses/sip_address_fails']);
  });
});

describe('what a finding says about the cases behind it', () => {
  it('counts the cases that showed it and names the one it shows', async () => {
    const app = faxApp('<Response><Receive/></Response>', 'text/plain');
    const report = await checkServer({ handler: app.fetch, url: 'http://localhost/fax' }, { runs: 4, seed: 1, checks: ['content-type'] });
    expect(report.findings).toMatchObject([{ check: 'content-type', count: 6, case: 'a fax from a US number' }]);
  });

  it('counts each case once per distinct failure: the received and failed callbacks are two findings', async () => {
    const app = faxApp('<Response><Receive action="/fax/done"/></Response>');
    app.post('/fax/done', (c) => c.text('no such route', 404));
    const report = await checkServer({ handler: app.fetch, url: 'http://localhost/fax' }, { runs: 2, seed: 1, checks: ['action-callback'] });
    expect(report.checks[0]).toMatchObject({ id: 'action-callback', errors: 2 });
    expect(report.findings).toMatchObject([
      { code: 'callback_error_status', count: 1, case: expect.stringContaining('received fax') },
      { code: 'callback_error_status', count: 1, case: expect.stringContaining('failed fax') },
    ]);
  });
});
