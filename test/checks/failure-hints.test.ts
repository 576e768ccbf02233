import { randomUUID } from 'node:crypto';
import express from 'express';
import twilio from 'twilio';
import { afterAll, describe, expect, it } from 'vitest';
import { checkServer } from '../../src/harness/check-server.js';
import type { Report } from '../../src/model/report.js';
import { readParams, readText, RECEIVE_XML, send, serve, type RunningServer } from '../zoo/serve.js';

const AUTH_TOKEN = 'hints-auth-token-0123456789abcdef';
const RUN = { runs: 3, seed: 5, timeoutMs: 3_000, shrink: false } as const;

const running: RunningServer[] = [];
afterAll(() => Promise.all(running.map((server) => server.close())));

async function started(listener: Parameters<typeof serve>[0], path?: string): Promise<string> {
  const server = await serve(listener);
  running.push(server);
  return server.url(path);
}

const hintsOf = (report: Report, check: string): string[] => report.findings.filter((f) => f.check === check).map((f) => f.hint ?? '');

describe('variant failures that the variant did not cause', () => {
  it('name the signature mistake when a correctly signed variant is refused', async () => {
    // Validates signatures over parameters decoded by hand ('+' stays '+'): every value with a space is refused.
    const url = await started((req, res) => {
      void readText(req).then((body) => {
        const params = Object.fromEntries(body.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]));
        const ok = twilio.validateRequest(AUTH_TOKEN, String(req.headers['x-twilio-signature'] ?? ''), `http://${req.headers.host}${req.url}`, params);
        send(res, ok ? 200 : 403, ok ? RECEIVE_XML : 'invalid signature\n', ok ? 'text/xml' : 'text/plain');
      });
    });
    const report = await checkServer({ url }, { ...RUN, authToken: AUTH_TOKEN, checks: ['unknown-params', 'sip-addresses'] });
    expect(report.findings.map((f) => f.check).sort()).toEqual(['sip-addresses', 'unknown-params']);
    for (const finding of report.findings) {
      expect(finding.message).toContain("it decodes '+' in the form body as a literal '+'");
      expect(finding.hint).toContain('real form decoder');
    }
  });

  it('leave a variant that fails only for want of the session cookie to the cookies check', async () => {
    const seen = new Set<string>();
    const url = await started((req, res) => {
      void readParams(req).then((params) => {
        const pair = `${params.get('From')}|${params.get('To')}`;
        const hasCookie = /(?:^|;\s*)sid=/.test(req.headers.cookie ?? '');
        if (!hasCookie && seen.has(pair)) return send(res, 500, 'TypeError: session is undefined\n', 'text/plain');
        seen.add(pair);
        if (!hasCookie) res.setHeader('Set-Cookie', `sid=${randomUUID()}; Path=/; HttpOnly`);
        send(res, 200, RECEIVE_XML);
      });
    });
    const report = await checkServer({ url }, { ...RUN, checks: ['form-encoding', 'unknown-params', 'cookies'] });
    expect(report.findings.map((f) => `${f.check}/${f.code}`)).toEqual(['cookies/fails_after_cookie_expiry']);
  });

  it("keep the variant's own hint when the variant itself is the cause", async () => {
    const url = await started((req, res) => {
      void readParams(req).then((params) => {
        res.setHeader('Set-Cookie', `sid=${randomUUID()}; Path=/`);
        // A closed list of parameters, whatever the cookies say.
        const unknown = [...params.keys()].some((name) => !['FaxSid', 'AccountSid', 'From', 'To', 'ApiVersion'].includes(name));
        send(res, unknown ? 400 : 200, unknown ? 'unexpected parameter\n' : RECEIVE_XML, unknown ? 'text/plain' : 'text/xml');
      });
    });
    const report = await checkServer({ url }, { ...RUN, checks: ['unknown-params'] });
    expect(hintsOf(report, 'unknown-params')).toEqual([expect.stringContaining('ignore parameters you do not know')]);
  });
});

describe('hints of status-code', () => {
  it('ask for the auth token when the server refuses unsigned requests', async () => {
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    app.post('/fax', twilio.webhook(AUTH_TOKEN), (_req, res) => res.type('text/xml').send(RECEIVE_XML));
    const report = await checkServer({ url: await started(app) }, { ...RUN, checks: ['status-code'] });
    expect(hintsOf(report, 'status-code')).toEqual([expect.stringContaining('--auth-token')]);
  });

  it('leave a correctly signed request refused over its signature to signature-accepted, which names the mistake', async () => {
    // Validates against the https URL: the scheme is wrong behind a TLS-terminating proxy.
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    app.post('/fax', twilio.webhook(AUTH_TOKEN, { protocol: 'https' }), (_req, res) => res.type('text/xml').send(RECEIVE_XML));
    const report = await checkServer({ url: await started(app) }, { ...RUN, authToken: AUTH_TOKEN, checks: ['status-code', 'signature-accepted'] });
    expect(report.findings.map((f) => `${f.check}/${f.code}`)).toEqual(['signature-accepted/signature_url_wrong_scheme']);
    // Every case's base request was refused the same way: one finding, seen in all of them.
    expect(report.findings[0]?.count).toBe(report.summary.cases);
    expect(report.checks.find((c) => c.id === 'status-code')).toMatchObject({ status: 'skipped', skipReason: 'the base request failed (HTTP 403; see signature-accepted)' });
    expect(report.ok).toBe(false);
  });

  it('report the refusal under status-code when signature-accepted does not run, whose hint points at it', async () => {
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    app.post('/fax', twilio.webhook(AUTH_TOKEN, { protocol: 'https' }), (_req, res) => res.type('text/xml').send(RECEIVE_XML));
    const report = await checkServer({ url: await started(app) }, { ...RUN, authToken: AUTH_TOKEN, skipChecks: ['signature-accepted'] });
    expect(report.findings.map((f) => `${f.check}/${f.code}`)).toEqual(['status-code/error_status']);
    expect(hintsOf(report, 'status-code')).toEqual([expect.stringContaining('signature-accepted')]);
  });

  it('say that a redirect turned the POST into a GET the target does not serve', async () => {
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    app.post('/old', (_req, res) => res.redirect(302, '/fax'));
    app.post('/fax', (_req, res) => res.type('text/xml').send(RECEIVE_XML));
    const url = await started(app, '/old');
    const report = await checkServer({ url }, { ...RUN, checks: ['status-code'] });
    expect(report.findings).toMatchObject([
      { code: 'error_status', message: `the reply is HTTP 404 after a redirect (302) from POST ${url}, followed by GET; Twilio fails the fax`, hint: expect.stringContaining('307') },
    ]);
  });
});

describe('hints that fit the server', () => {
  /** Validates against the URL without its query string, and says what it runs on in X-Powered-By (or nothing). */
  const withoutQuery = (poweredBy?: string) =>
    started(
      (req, res) =>
        void readParams(req).then((params) => {
          if (poweredBy) res.setHeader('X-Powered-By', poweredBy);
          const ok = twilio.validateRequest(AUTH_TOKEN, String(req.headers['x-twilio-signature'] ?? ''), `http://${req.headers.host}${(req.url ?? '/').split('?')[0]}`, Object.fromEntries(params));
          send(res, ok ? 200 : 403, ok ? RECEIVE_XML : 'invalid signature\n', ok ? 'text/xml' : 'text/plain');
        }),
      '/fax?tenant=1',
    );

  it.each([
    ['PHP/8.2.7', "$_SERVER['REQUEST_URI']", 'req.originalUrl'],
    ['Express', 'req.originalUrl in Express', "$_SERVER['REQUEST_URI']"],
  ])('name the fix for a server powered by %s', async (poweredBy, fix, foreign) => {
    const report = await checkServer({ url: await withoutQuery(poweredBy) }, { ...RUN, authToken: AUTH_TOKEN, checks: ['signature-accepted'] });
    const [finding] = report.findings;
    expect(finding?.code).toBe('signature_url_without_query');
    expect(finding?.hint).toContain(fix);
    expect(finding?.hint).not.toContain(foreign);
  });

  it('name the fix for the common frameworks when the server does not say what it runs on', async () => {
    const report = await checkServer({ url: await withoutQuery() }, { ...RUN, authToken: AUTH_TOKEN, checks: ['signature-accepted'] });
    expect(report.findings[0]?.hint).toMatch(/Express.*Flask.*PHP/);
  });
});
