import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { checkServer, type CheckServerOptions } from '../../src/harness/check-server.js';
import { runCli } from '../../src/cli/run-cli.js';
import { TWILIO_PROFILE } from '../../src/protocol/profile.js';
import { recordingServer, recordingServers } from '../checks/stateful/recording-server.js';
import { bufferIo } from '../support/buffer-io.js';
import { RECEIVE_XML, send } from '../zoo/serve.js';

const AUTH_TOKEN = 'fallback-test-token';
const FAST = { runs: 3, seed: 7, timeoutMs: 3_000, shrink: false, concurrency: 2 } as const satisfies CheckServerOptions;
const record = recordingServers();

/** A fax app whose fallback handler crashes on `ErrorCode` (it parses the error as JSON, say); the fax URL is fine. */
const crashesOnErrorCode: Parameters<typeof recordingServer>[0] = (req, res, params) => {
  if (req.url?.startsWith('/fallback') && params.has('ErrorCode')) return send(res, 500, 'SyntaxError: Unexpected token in JSON\n', 'text/plain');
  send(res, 200, req.url?.startsWith('/fax/received') ? '<Response/>' : RECEIVE_XML);
};

describe('check --endpoint fallback', () => {
  it('sends ErrorCode and ErrorUrl after the fax parameters of every base request', async () => {
    const server = await record((_req, res) => send(res, 200, RECEIVE_XML));
    await checkServer({ url: server.url('/fallback') }, { ...FAST, endpoint: 'fallback', checks: ['status-code'] });
    expect(server.requests).toHaveLength(5);
    for (const request of server.requests) {
      expect([...request.params.keys()]).toEqual(['FaxSid', 'AccountSid', 'From', 'To', 'ApiVersion', 'ErrorCode', 'ErrorUrl']);
      expect(TWILIO_PROFILE.fallback.requestedAfter.map(String)).toContain(request.params.get('ErrorCode'));
      expect(request.params.get('ErrorUrl')).toMatch(/^https:\/\//);
    }
    expect(server.requests.slice(0, 2).map((r) => r.params.get('ErrorCode'))).toEqual(['11205', '11200']);
  });

  it('catches a fallback handler that fails on ErrorCode, with a curl line that sends it', async () => {
    const server = await record(crashesOnErrorCode);
    const report = await checkServer({ url: server.url('/fallback') }, { ...FAST, endpoint: 'fallback' });
    const finding = report.findings.find((f) => f.check === 'status-code');
    expect(finding).toMatchObject({ code: 'error_status', severity: 'error', twilioError: 11200 });
    expect(finding?.reproduce).toContain('ErrorCode=11205');
    expect(finding?.hint).toContain('it carries ErrorCode and ErrorUrl after the fax\'s parameters; accept them as two more parameters of the same fax');
    expect(finding?.replay?.command).toContain('--endpoint fallback');
    expect(report.ok).toBe(false);
    // The same handler passes as a fax URL: the finding is about the fallback's parameters.
    const asWebhook = await checkServer({ url: server.url('/fallback') }, { ...FAST, checks: ['status-code'] });
    expect(asWebhook.ok).toBe(true);
  });

  it('draws the same ErrorCodes from the same seed', async () => {
    const codes = async () => {
      const server = await record((_req, res) => send(res, 200, RECEIVE_XML));
      await checkServer({ url: server.url('/fallback') }, { ...FAST, runs: 8, concurrency: 1, endpoint: 'fallback', checks: ['status-code'] });
      return server.requests.map((r) => `${r.params.get('FaxSid')} ${r.params.get('ErrorCode')} ${r.params.get('ErrorUrl')}`);
    };
    expect(await codes()).toEqual(await codes());
  });
});

describe('a generated fallback failure', () => {
  it('shrinks and replays with the same ErrorCode under --endpoint fallback', async () => {
    // Fails only on one error code the examples never send: a generated case finds it.
    const server = await record((_req, res, params) => (params.get('ErrorCode') === '12100' ? send(res, 500, 'unhandled 12100\n', 'text/plain') : send(res, 200, RECEIVE_XML)));
    const options = { seed: 11, timeoutMs: 3_000, concurrency: 2, endpoint: 'fallback', checks: ['status-code'] } as const;
    const report = await checkServer({ url: server.url('/fallback') }, { ...options, runs: 60 });
    const [finding] = report.findings;
    expect(finding?.reproduce).toContain('ErrorCode=12100');
    const replayed = await checkServer({ url: server.url('/fallback') }, { ...options, replay: finding!.replay!.path });
    expect(replayed.findings.map((f) => f.reproduce)).toEqual([finding?.reproduce]);
  });
});

describe('check --fallback-url', () => {
  it('catches a fallback that fails on ErrorCode beside a fax URL that never fails, and names the fallback', async () => {
    const server = await record(crashesOnErrorCode);
    const report = await checkServer({ url: server.url('/fax') }, { ...FAST, fallbackUrl: server.url('/fallback') });
    expect(report.findings.map((f) => `${f.check}/${f.code}`)).toEqual(['fallback-reply/fallback_fails']);
    const [finding] = report.findings;
    expect(finding).toMatchObject({ severity: 'error', twilioError: 11200 });
    expect(finding?.message).toContain(server.url('/fallback'));
    // The fax URL did not fail: the message does not say it did.
    expect(finding?.message).toContain('asked as if the fax URL had failed with 11200');
    expect(finding?.message).not.toContain('after the fax URL failed');
    expect(finding?.case).toContain('as if the fax URL had failed with 11200 (it did not)');
    expect(finding?.reproduce).toContain(`-X POST ${server.url('/fallback')}`);
    expect(finding?.reproduce).toContain(`ErrorUrl=${encodeURIComponent(server.url('/fax'))}`);
    expect(finding?.replay?.command).toContain(`--fallback-url ${server.url('/fallback')}`);
  });

  it("requests the fallback after a failure of the fax URL with its error code, its URL and the same fax", async () => {
    const server = await record((req, res) => (req.url?.startsWith('/fallback') ? send(res, 200, RECEIVE_XML) : send(res, 503, 'down\n', 'text/plain')));
    const report = await checkServer({ url: server.url('/fax') }, { ...FAST, checks: ['status-code', 'fallback-reply'], fallbackUrl: server.url('/fallback') });
    expect(report.checks.find((c) => c.id === 'fallback-reply')?.status).toBe('passed');
    const fax = server.requests.filter((r) => r.path === '/fax');
    const fallback = server.requests.filter((r) => r.path === '/fallback');
    expect(fallback).toHaveLength(fax.length);
    for (const request of fallback) {
      const primary = fax.find((r) => r.params.get('FaxSid') === request.params.get('FaxSid'));
      expect(request.params.get('ErrorCode')).toBe('11200');
      expect(request.params.get('ErrorUrl')).toBe(server.url('/fax'));
      expect(request.headers['i-twilio-idempotency-token']).toBe(primary?.headers['i-twilio-idempotency-token']);
    }
  });

  it('signs the fallback request with the fallback URL, as twilio-node validates it', async () => {
    let valid: boolean[] = [];
    const server = await record((req, res, params) => {
      if (req.url?.startsWith('/fallback')) {
        valid.push(twilio.validateRequest(AUTH_TOKEN, String(req.headers['x-twilio-signature']), `http://${req.headers.host}${req.url}`, Object.fromEntries(params)));
      }
      send(res, 200, RECEIVE_XML);
    });
    const report = await checkServer({ url: server.url('/fax') }, { ...FAST, authToken: AUTH_TOKEN, checks: ['fallback-reply'], fallbackUrl: server.url('/fallback?tenant=1') });
    expect(report.ok).toBe(true);
    expect(valid.length).toBeGreaterThan(0);
    expect(valid.every(Boolean)).toBe(true);
    valid = [];
  });

  it("judges the fallback's reply by the fax URL's verdict", async () => {
    const server = await record((req, res) => send(res, 200, req.url?.startsWith('/fallback') ? '<Response><Receive></Response>' : RECEIVE_XML));
    const report = await checkServer({ url: server.url('/fax') }, { ...FAST, fallbackUrl: server.url('/fallback') });
    expect(report.findings.map((f) => [f.check, f.twilioError])).toEqual([['fallback-reply', 12100]]);
    expect(report.findings[0]?.message).toContain(`the fallback URL ${server.url('/fallback')} answers`);
  });

  it("never shows the fallback URL's credentials", async () => {
    const server = await record(crashesOnErrorCode);
    const withCredentials = server.url('/fallback').replace('http://', 'http://fax:fallback-s3cret@');
    const report = await checkServer({ url: server.url('/fax') }, { ...FAST, checks: ['fallback-reply'], fallbackUrl: withCredentials });
    expect(report.findings).toHaveLength(1);
    expect(JSON.stringify(report)).not.toContain('fallback-s3cret');
  });

  it('is skipped, with the reason, without a fallback URL', async () => {
    const server = await record((_req, res) => send(res, 200, RECEIVE_XML));
    const report = await checkServer({ url: server.url('/fax') }, { ...FAST, checks: ['fallback-reply', 'idempotency'] });
    expect(report.checks.map((c) => [c.id, c.status, c.skipReason])).toEqual([
      ['fallback-reply', 'skipped', expect.stringContaining('needs --fallback-url')],
      ['idempotency', 'skipped', expect.stringContaining("only through the number's fallback URL")],
    ]);
  });
});

describe('idempotency, through the fallback', () => {
  /** A fax app that stores each fax once and answers 500 on a duplicate key, on every URL. */
  const storesOnce = () => {
    const seen = new Set<string>();
    return (_req: unknown, res: Parameters<Parameters<typeof recordingServer>[0]>[1], params: URLSearchParams) => {
      const sid = params.get('FaxSid') ?? '';
      if (seen.has(sid)) return send(res, 500, 'duplicate key value violates unique constraint "faxes_pkey"\n', 'text/plain');
      seen.add(sid);
      send(res, 200, RECEIVE_XML);
    };
  };

  it('delivers a new fax to the fax URL, then the same fax and token to the fallback, and reports a fallback that fails on it', async () => {
    const server = await record(storesOnce());
    const report = await checkServer({ url: server.url('/fax') }, { ...FAST, checks: ['idempotency'], fallbackUrl: server.url('/fallback') });
    expect(report.findings.map((f) => [f.check, f.code, f.severity, f.twilioError])).toEqual([['idempotency', 'retry_fails', 'error', 11200]]);
    // The second delivery, then a control: another new fax straight to the fallback, which it answers.
    const [second, control, ...others] = server.requests.filter((r) => r.path === '/fallback');
    expect(others).toEqual([]);
    expect(control?.params.get('FaxSid')).not.toBe(second?.params.get('FaxSid'));
    const first = server.requests.find((r) => r.path === '/fax' && r.params.get('FaxSid') === second?.params.get('FaxSid'));
    expect(server.requests.indexOf(first!)).toBeLessThan(server.requests.indexOf(second!));
    expect(second?.params.get('FaxSid')).toBe(first?.params.get('FaxSid'));
    expect(second?.headers['i-twilio-idempotency-token']).toBe(first?.headers['i-twilio-idempotency-token']);
    expect(first?.params.has('ErrorCode')).toBe(false);
    expect(second?.params.get('ErrorUrl')).toBe(server.url('/fax'));
  });

  it('plays a URL as its own fallback under --endpoint fallback', async () => {
    const server = await record(storesOnce());
    const report = await checkServer({ url: server.url('/fallback') }, { ...FAST, checks: ['idempotency'], endpoint: 'fallback' });
    expect(report.findings.map((f) => `${f.check}/${f.code}`)).toEqual(['idempotency/retry_fails']);
    expect(report.findings[0]?.case).toContain('then to the same URL as its fallback');
  });

  it('passes a fallback that answers a fax it already saw', async () => {
    const server = await record((_req, res) => send(res, 200, RECEIVE_XML));
    const report = await checkServer({ url: server.url('/fax') }, { ...FAST, checks: ['idempotency'], fallbackUrl: server.url('/fallback') });
    expect(report.checks[0]?.status).toBe('passed');
  });
});

describe('the flags', () => {
  it.each([
    [['--endpoint', 'fallbak'], "--endpoint must be one of webhook, status-callback, fallback, not 'fallbak'"],
    [['--fallback-url', 'localhost:3000/fallback'], "--fallback-url: 'localhost:3000/fallback' has no scheme"],
    // Ignored, either would pass a run that never judged the fallback.
    [['--endpoint', 'fallback', '--fallback-url', 'http://127.0.0.1:9/fallback'], '--fallback-url is played beside a fax URL (--endpoint webhook), not with --endpoint fallback: with --endpoint fallback, URL is the fallback handler itself; leave --fallback-url out'],
    [['--endpoint', 'status-callback', '--fallback-url', 'http://127.0.0.1:9/fallback'], '--fallback-url is played beside a fax URL (--endpoint webhook), not with --endpoint status-callback'],
  ])('refuses %j in one line', async (flags, message) => {
    const { io, stderr } = bufferIo();
    expect(await runCli(['check', 'http://127.0.0.1:9/fax', ...flags], io)).toBe(2);
    expect(stderr()).toContain(message);
    expect(stderr().trim().split('\n')).toHaveLength(1);
  });

  it('runs the fallback from the command line', async () => {
    const server = await record(crashesOnErrorCode);
    const { io, stdout } = bufferIo();
    const code = await runCli(['check', server.url('/fax'), '--runs', '1', '--seed', '3', '--fallback-url', server.url('/fallback'), '--reporter', 'json'], io);
    expect(code).toBe(1);
    expect(JSON.parse(stdout()).findings.map((f: { check: string }) => f.check)).toEqual(['fallback-reply']);
  });
});
