import { describe, expect, it } from 'vitest';
import { checkServer } from '../../../src/harness/check-server.js';
import { RECEIVE_XML, send } from '../../zoo/serve.js';
import { recordingServers, type Recorded } from './recording-server.js';

const ONLY = (check: string) => ({ runs: 0, seed: 1, timeoutMs: 3_000, shrink: false, checks: [check] }) as const;
const record = recordingServers();

// The runner's base requests use the example cases' FaxSids; the check's own requests use fresh ones.
const EXAMPLE_SIDS = new Set(['FX0123456789abcdef0123456789abcdef', 'FXfedcba9876543210fedcba9876543210']);
const ownRequests = (requests: readonly Recorded[]) => requests.filter((r) => !EXAMPLE_SIDS.has(r.params.get('FaxSid') ?? ''));

describe('the cookie conversation', () => {
  it('carries the session cookie to the same pair only, and none after 4 idle hours', async () => {
    const server = await record((req, res) => {
      if (!req.headers.cookie) res.setHeader('Set-Cookie', 'fax_session=s1; Path=/; HttpOnly');
      send(res, 200, RECEIVE_XML);
    });
    const report = await checkServer({ url: server.url() }, ONLY('cookies'));
    expect(report.checks.find((c) => c.id === 'cookies')?.status).toBe('passed');
    const turns = ownRequests(server.requests).map((r) => ({ from: r.params.get('From'), cookie: r.headers.cookie ?? null }));
    expect(turns).toHaveLength(4);
    const [first, second, other, expired] = turns;
    expect([first?.cookie, second?.cookie, other?.cookie, expired?.cookie]).toEqual([null, 'fax_session=s1', null, null]);
    expect(second?.from).toBe(first?.from);
    expect(other?.from).not.toBe(first?.from);
    expect(expired?.from).toBe(first?.from);
  });

  it('stops after the first fax when the server sets no cookie', async () => {
    const server = await record((_req, res) => send(res, 200, RECEIVE_XML));
    await checkServer({ url: server.url() }, ONLY('cookies'));
    expect(ownRequests(server.requests)).toHaveLength(1);
  });

  it('reports a server that fails on its own cookie, with the cookie in the curl line', async () => {
    const server = await record((req, res) => {
      if (req.headers.cookie) return send(res, 500, 'boom\n', 'text/plain');
      res.setHeader('Set-Cookie', 'sid=42');
      send(res, 200, RECEIVE_XML);
    });
    const report = await checkServer({ url: server.url() }, ONLY('cookies'));
    const finding = report.findings.find((f) => f.code === 'fails_with_own_cookies');
    expect(finding).toMatchObject({ check: 'cookies', twilioError: 11200 });
    expect(finding?.reproduce).toContain("'Cookie: sid=42'");
  });
});

describe('the idempotency check', () => {
  it('delivers one new fax twice, the second time as its fallback request, with the same FaxSid and idempotency token', async () => {
    const server = await record((_req, res) => send(res, 200, RECEIVE_XML));
    await checkServer({ url: server.url() }, { ...ONLY('idempotency'), fallbackUrl: server.url() });
    const [first, retry, ...rest] = ownRequests(server.requests);
    expect(rest).toEqual([]);
    expect(retry?.params.get('FaxSid')).toBe(first?.params.get('FaxSid'));
    expect(retry?.headers['i-twilio-idempotency-token']).toBe(first?.headers['i-twilio-idempotency-token']);
    expect(`${first?.params.toString()}&ErrorCode=${retry?.params.get('ErrorCode')}&ErrorUrl=${encodeURIComponent(server.url())}`).toBe(retry?.params.toString());
  });

  it('reports a retry that gets another verb', async () => {
    const seen = new Set<string>();
    const server = await record((_req, res, params) => {
      const sid = params.get('FaxSid') ?? '';
      send(res, 200, seen.has(sid) ? '<Response><Reject/></Response>' : RECEIVE_XML);
      seen.add(sid);
    });
    const report = await checkServer({ url: server.url() }, { ...ONLY('idempotency'), fallbackUrl: server.url() });
    expect(report.findings.map((f) => `${f.check}/${f.code}`)).toEqual(['idempotency/retry_changes_verb']);
    expect(report.findings[0]?.message).toContain('<Reject>');
  });
});

describe('the action callback', () => {
  it("requests the action with the method attribute's method, a TIFF MediaUrl for image/tiff, and no MediaUrl for a failed fax", async () => {
    const downloads: string[] = [];
    const server = await record((req, res, params) => {
      if (!req.url?.startsWith('/hooks/cb')) return send(res, 200, '<Response><Receive action="cb?step=2" method="GET" mediaType="image/tiff"/></Response>');
      // As a real handler does: download the fax while the media server is up (it stops with the run).
      const mediaUrl = params.get('MediaUrl');
      if (!mediaUrl) return send(res, 200, '');
      void fetch(mediaUrl).then(async (media) => {
        downloads.push(`${media.headers.get('content-type')} ${Buffer.from(await media.arrayBuffer()).subarray(0, 4).toString('latin1')}`);
        send(res, 200, '');
      });
    });
    const report = await checkServer({ url: server.url('/hooks/fax') }, ONLY('action-callback'));
    expect(report.findings.map((f) => f.message)).toEqual([]);
    const callbacks = server.requests.filter((r) => r.path.startsWith('/hooks/cb'));
    expect(callbacks.map((r) => [r.method, r.params.get('step'), r.params.get('FaxStatus')])).toEqual([
      ['GET', '2', 'received'],
      ['GET', '2', 'failed'],
    ]);
    const [received, failed] = callbacks;
    expect(received?.params.get('NumPages')).toBe('1');
    // Twilio's MediaUrl names no format: the key says TIFF to the kit's media server.
    expect(new URL(received?.params.get('MediaUrl') ?? '').pathname).toMatch(/^\/fax\/AC[0-9a-f]{32}\/[0-9a-f]{128}$/);
    expect(downloads).toEqual(['image/tiff II*\0']);
    expect([failed?.params.has('MediaUrl'), failed?.params.has('NumPages'), failed?.params.has('ErrorCode'), failed?.params.has('ErrorMessage')]).toEqual([false, false, true, true]);
  });

  it('stops the media server when the run is over', async () => {
    const server = await record((req, res) => send(res, 200, req.url?.startsWith('/fax/received') ? '' : RECEIVE_XML));
    await checkServer({ url: server.url() }, ONLY('action-callback'));
    const mediaUrl = server.requests.find((r) => r.params.get('FaxStatus') === 'received')?.params.get('MediaUrl') ?? '';
    expect(mediaUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/fax\/AC0123456789abcdef0123456789abcdef\/[0-9a-f]{128}\?X-Amz-Security-Token=/);
    await expect(fetch(mediaUrl)).rejects.toThrow();
  });

  it("puts --media-url where Twilio's media host was", async () => {
    const server = await record((req, res) => send(res, 200, req.url?.startsWith('/fax/received') ? '' : RECEIVE_XML));
    await checkServer({ url: server.url() }, { ...ONLY('action-callback'), mediaUrl: 'https://media.example.com/faxes/' });
    const received = server.requests.find((r) => r.params.get('FaxStatus') === 'received');
    expect(received?.params.get('MediaUrl')).toMatch(/^https:\/\/media\.example\.com\/faxes\/fax\/AC0123456789abcdef0123456789abcdef\/[0-9a-f]{128}\?X-Amz-/);
  });

  it('sends no callback when the reply has no action, and says it judged nothing', async () => {
    const server = await record((_req, res) => send(res, 200, '<Response><Receive/></Response>'));
    const report = await checkServer({ url: server.url() }, ONLY('action-callback'));
    expect(server.requests.every((r) => !r.params.has('FaxStatus'))).toBe(true);
    expect(report.checks.find((c) => c.id === 'action-callback')).toMatchObject({ status: 'skipped', skipReason: expect.stringContaining('no <Receive action>') });
  });
});

describe('the caching check', () => {
  it('revalidates with the validators it holds, as a private cache does', async () => {
    const server = await record((req, res) => {
      res.setHeader('ETag', '"abc"');
      res.setHeader('Last-Modified', 'Tue, 15 Nov 1994 08:12:31 GMT');
      if (req.headers['if-none-match'] === '"abc"') return void res.writeHead(304).end();
      send(res, 200, RECEIVE_XML);
    });
    const report = await checkServer({ url: server.url() }, { ...ONLY('caching'), method: 'GET' });
    expect(report.ok).toBe(true);
    const conditional = server.requests.filter((r) => r.headers['if-none-match'] !== undefined);
    expect(conditional.map((r) => [r.headers['if-none-match'], r.headers['if-modified-since']])).toEqual([['"abc"', 'Tue, 15 Nov 1994 08:12:31 GMT']]);
  });

  it('is skipped with its reason for a POST-only run', async () => {
    const server = await record((_req, res) => send(res, 200, RECEIVE_XML));
    const report = await checkServer({ url: server.url() }, ONLY('caching'));
    expect(report.checks.find((c) => c.id === 'caching')).toMatchObject({ status: 'skipped', skipReason: 'needs --method GET or both (Twilio caches only GET replies)' });
  });

  it('reports a Last-Modified that is not an HTTP date', async () => {
    const server = await record((_req, res) => {
      res.setHeader('Last-Modified', '2024-05-01T10:00:00Z');
      send(res, 200, RECEIVE_XML);
    });
    const report = await checkServer({ url: server.url() }, { ...ONLY('caching'), method: 'both' });
    expect(report.findings.map((f) => `${f.check}/${f.code}`)).toEqual(['caching/malformed_last_modified']);
  });
});
