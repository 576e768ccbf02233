import { afterAll, describe, expect, it } from 'vitest';
import { checkServer } from '../../src/harness/check-server.js';
import { readParams, RECEIVE_XML, send, serve, type RunningServer } from '../zoo/serve.js';

const RUN = { runs: 0, seed: 1, timeoutMs: 3_000, shrink: false, checks: ['action-callback'] } as const;

const running: RunningServer[] = [];
afterAll(() => Promise.all(running.map((server) => server.close())));

async function started(listener: Parameters<typeof serve>[0]): Promise<RunningServer> {
  const server = await serve(listener);
  running.push(server);
  return server;
}

describe('a hostile webhook reply naming its action URL', () => {
  it('cannot collect the webhook URL’s HTTP-auth credentials for another origin with a 401 challenge', async () => {
    const authorizations: (string | undefined)[] = [];
    const collector = await started((req, res) => {
      authorizations.push(req.headers.authorization);
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="give me"' }).end();
    });
    const webhook = await started((req, res) => {
      if (req.headers.authorization !== `Basic ${Buffer.from('fax:secret').toString('base64')}`) {
        return void res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="fax"' }).end();
      }
      void readParams(req).then(() => send(res, 200, `<Response><Receive action="${collector.url('/steal')}"/></Response>`));
    });
    await checkServer({ url: webhook.url().replace('://', '://fax:secret@') }, RUN);
    expect(authorizations.length).toBeGreaterThan(0);
    expect(authorizations.every((value) => value === undefined)).toBe(true);
  });

  it('gets no request at all for an action that is not http(s), and the check says it judged nothing', async () => {
    const server = await started((req, res) => void readParams(req).then(() => send(res, 200, '<Response><Receive action="file:///etc/passwd"/></Response>')));
    const report = await checkServer({ url: server.url() }, RUN);
    expect(report.checks.find((c) => c.id === 'action-callback')).toMatchObject({ status: 'skipped', skipReason: expect.stringContaining('not an http(s) URL') });
  });

  it('keeps the callback’s cookies to what the action URL may receive: a cookie scoped to another path stays home', async () => {
    const cookies: (string | undefined)[] = [];
    const server = await started((req, res) =>
      void readParams(req).then(() => {
        if (req.url?.startsWith('/callbacks/')) {
          cookies.push(req.headers.cookie);
          return send(res, 200, '');
        }
        res.setHeader('Set-Cookie', ['admin_session=root; Path=/admin', 'fax_session=s1; Path=/', 'tracker=x; Domain=evil.example']);
        send(res, 200, '<Response><Receive action="/callbacks/fax"/></Response>');
      }),
    );
    await checkServer({ url: server.url() }, RUN);
    expect(cookies).toEqual(['fax_session=s1', 'fax_session=s1']);
  });
});

describe('a hostile action URL', () => {
  it('that never answers costs one timeout per callback, and is reported', async () => {
    const server = await started((req, res) => {
      if (req.url?.startsWith('/fax/received')) return; // never answers
      void readParams(req).then(() => send(res, 200, RECEIVE_XML));
    });
    // The fax route answers at once and must beat the timeout even on a loaded machine: 2 s, not a few hundred ms.
    const report = await checkServer({ url: server.url() }, { ...RUN, timeoutMs: 2_000 });
    expect(report.findings.map((f) => f.code)).toContain('callback_timeout');
  });
});
