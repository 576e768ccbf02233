import { afterAll, describe, expect, it } from 'vitest';
import { actionCallbackCheck } from '../../src/checks/action-callback.js';
import { cookiesCheck } from '../../src/checks/cookies.js';
import { idempotencyCheck } from '../../src/checks/idempotency.js';
import { startMediaServer } from '../../src/media/media-server.js';
import { checkServer } from '../../src/harness/check-server.js';
import { readParams, RECEIVE_XML, send, serve, type RunningServer } from '../zoo/serve.js';
import { runCheck } from './run-check.js';

const running: { close(): Promise<void> }[] = [];
afterAll(() => Promise.all(running.map((server) => server.close())));

async function started(listener: Parameters<typeof serve>[0]): Promise<RunningServer> {
  const server = await serve(listener);
  running.push(server);
  return server;
}

/** A webhook whose action handler fails on every callback, received or failed. */
const failingCallbacks = () => started((req, res) => void readParams(req).then(() => (req.url?.startsWith('/fax/received') ? send(res, 500, 'boom\n', 'text/plain') : send(res, 200, RECEIVE_XML))));

describe('the action callbacks', () => {
  it('report a received and a failed callback that fail alike as two issues, each with its label', async () => {
    const server = await failingCallbacks();
    const media = await startMediaServer();
    running.push(media);
    const outcome = await runCheck(actionCallbackCheck, server.url(), { mediaBaseUrl: media.baseUrl });
    expect(outcome.issues.map((i) => [i.diagnostic.code, i.distinct, i.label])).toEqual([
      ['callback_error_status', 'received', 'the action callback for a received fax'],
      ['callback_error_status', 'failed', 'the action callback for a failed fax'],
    ]);
    expect(outcome.issues.map((i) => new URLSearchParams(i.exchange.hops[0]?.request.body).get('FaxStatus'))).toEqual(['received', 'failed']);
  });

  it('become two findings with two curl lines in the report', async () => {
    const server = await failingCallbacks();
    const report = await checkServer({ url: server.url() }, { runs: 0, seed: 1, timeoutMs: 3_000, checks: ['action-callback'] });
    const findings = report.findings.filter((f) => f.code === 'callback_error_status');
    expect(findings).toHaveLength(2);
    expect(new Set(findings.map((f) => f.reproduce)).size).toBe(2);
  });

  it('send the failed-fax callback with Twilio fax error 34004 and its title', async () => {
    const bodies: URLSearchParams[] = [];
    const server = await started((req, res) =>
      void readParams(req).then((params) => {
        if (req.url?.startsWith('/fax/received')) bodies.push(params);
        send(res, 200, req.url?.startsWith('/fax/received') ? '' : RECEIVE_XML);
      }),
    );
    await runCheck(actionCallbackCheck, server.url(), { mediaBaseUrl: 'https://media.example.com' });
    const failed = bodies.find((b) => b.get('FaxStatus') === 'failed');
    expect([failed?.get('ErrorCode'), failed?.get('ErrorMessage')]).toEqual(['34004', 'Error during fax transmission']);
    expect(failed?.has('RemoteStationId')).toBe(false);
  });

  it('carry the cookies the webhook reply set for the pair, scoped to the action URL', async () => {
    const cookies: (string | undefined)[] = [];
    const server = await started((req, res) =>
      void readParams(req).then(() => {
        if (req.url?.startsWith('/fax/received')) {
          cookies.push(req.headers.cookie);
          return send(res, 200, '');
        }
        res.setHeader('Set-Cookie', ['fax_session=s1; Path=/fax', 'elsewhere=x; Path=/admin']);
        send(res, 200, RECEIVE_XML);
      }),
    );
    const outcome = await runCheck(actionCallbackCheck, server.url(), { mediaBaseUrl: 'https://media.example.com' });
    expect(outcome.issues).toEqual([]);
    expect(cookies).toEqual(['fax_session=s1', 'fax_session=s1']);
  });
});

describe('the other run-scoped checks', () => {
  it('label the requests they send, which are not the case’s own', async () => {
    const seen = new Set<string>();
    const faxServer = () => started((req, res) =>
      void readParams(req).then((params) => {
        const sid = params.get('FaxSid') ?? '';
        if (req.headers.cookie) return send(res, 500, 'boom\n', 'text/plain');
        if (seen.has(sid)) return send(res, 500, 'duplicate\n', 'text/plain');
        seen.add(sid);
        res.setHeader('Set-Cookie', 'sid=1; Path=/');
        send(res, 200, RECEIVE_XML);
      }),
    );
    const cookies = await runCheck(cookiesCheck, (await faxServer()).url());
    expect(cookies.issues.map((i) => i.label)).toEqual([expect.stringContaining('a second fax from the same numbers')]);
    // A server of its own: the first run's base request is a fax this one has not seen, as a repeat would fail it.
    seen.clear();
    const url = (await faxServer()).url();
    const idempotency = await runCheck(idempotencyCheck, url, { fallbackUrl: url });
    expect(idempotency.issues.map((i) => [i.diagnostic.severity, i.label])).toEqual([['error', expect.stringContaining('a new fax delivered to the fax URL, then to the same URL as its fallback')]]);
  });
});
