import express from 'express';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../src/checks/hints/refusal-hint.js';
import { checkServer } from '../../src/harness/check-server.js';
import type { Report } from '../../src/model/report.js';
import { readParams, RECEIVE_XML, send } from '../zoo/serve.js';
import { loopbackServers } from '../zoo/loopback-servers.js';

const AUTH_TOKEN = 'one-cause-auth-token-0123456789ab';
const RUN = { runs: 2, seed: 9, timeoutMs: 3_000, shrink: false } as const;

const { started } = loopbackServers();

const errorsOf = (report: Report) => report.findings.filter((f) => f.severity === 'error').map((f) => `${f.check}/${f.code}`);

/** A POST-only Express app validating signatures, the shape of most public fax servers. */
function postOnlySignedApp(): express.Express {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.post('/fax', twilio.webhook(AUTH_TOKEN), (_req, res) => void res.type('text/xml').send(RECEIVE_XML));
  app.post('/fax/received', twilio.webhook(AUTH_TOKEN), (_req, res) => void res.type('text/xml').send('<Response/>'));
  return app;
}

describe('one cause, one finding', () => {
  it('names every unknown attribute of a reply in its one known-attributes finding, not only the first', async () => {
    const url = await started((req, res) => void readParams(req).then(() => send(res, 200, '<Response><Receive foo="1" bar="2"/></Response>')));
    const report = await checkServer({ url }, { ...RUN, checks: ['known-attributes'] });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]?.message).toMatch(/foo.*; also in this reply: Response\/Receive\/@bar$/);
  });

  it('names the verb a SIP caller gets in lowercase, not the missing fax verb it leaves, with the fix for the reply', async () => {
    const url = await started((req, res) => void readParams(req).then((params) => send(res, 200, (params.get('From') ?? '').startsWith('+') ? RECEIVE_XML : '<Response><receive/></Response>')));
    const report = await checkServer({ url }, { ...RUN, checks: ['sip-addresses', 'verb-case'] });
    expect(report.findings).toMatchObject([{ check: 'sip-addresses', code: 'sip_address_fails', twilioError: 12200, hint: 'rename <receive> to <Receive>' }]);
    expect(report.findings[0]?.message).toMatch(/\(verb-case: <receive> is not a fax verb/);
  });

  it('leaves a GET refused by a POST-only server to get-post: signature-accepted judges only the POST', async () => {
    const url = await started(postOnlySignedApp());
    const report = await checkServer({ url }, { ...RUN, authToken: AUTH_TOKEN, method: 'both' });
    expect(new Set(errorsOf(report))).toEqual(new Set(['get-post/get_fails']));
    expect(report.checks.find((c) => c.id === 'signature-accepted')?.status).toBe('passed');
    expect(report.checks.find((c) => c.id === 'caching')?.status).toBe('skipped');
  });

  it('leaves every GET of a server that refuses GET whatever it carries to get-post, signatures aside', async () => {
    // Plain node:http: 403 for every GET, signed or not, whatever it carries.
    const url = await started((req, res) => void readParams(req).then(() => (req.method === 'GET' ? send(res, 403, 'forbidden\n', 'text/plain') : send(res, 200, RECEIVE_XML))));
    const report = await checkServer({ url }, { ...RUN, authToken: AUTH_TOKEN, method: 'both', checks: ['get-post', 'signature-accepted'] });
    expect(errorsOf(report)).toEqual(['get-post/get_fails']);
    // No signature mistake explains the refusal: the hint says first what the variant is, then the signature.
    expect(report.findings[0]?.hint).toMatch(/^serve the webhook for GET .*; or, if the server refuses it over its signature: /);
    expect(report.checks.find((c) => c.id === 'signature-accepted')?.status).toBe('passed');
  });

  it('finds nothing in the same POST-only server checked by POST, as its number is configured', async () => {
    const url = await started(postOnlySignedApp());
    const report = await checkServer({ url }, { ...RUN, authToken: AUTH_TOKEN });
    expect(errorsOf(report)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('does not blame signatures for a 401 from HTTP authentication', async () => {
    const url = await started((req, res) => {
      if (!req.headers.authorization) return void res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="fax"', 'Content-Type': 'text/plain' }).end('login\n');
      void readParams(req).then(() => send(res, 200, RECEIVE_XML));
    });
    const report = await checkServer({ url }, { ...RUN, authToken: AUTH_TOKEN, checks: ['status-code', 'signature-accepted', 'signature-enforced'] });
    expect(errorsOf(report)).toEqual(['status-code/error_status']);
    const [finding] = report.findings;
    expect(finding?.hint).toContain('credentials in the webhook URL');
    expect(finding?.hint).not.toMatch(/signature/i);
    expect(report.checks.find((c) => c.id === 'signature-accepted')).toMatchObject({ status: 'skipped', skipReason: 'the base request failed (HTTP 401; see status-code)' });
  });

  it('tells HTTP authentication from a signature refusal by the challenge', () => {
    const exchange = (status: number, headers: Record<string, string>, body = '') => {
      const response = { status, headers, setCookies: [], body: new TextEncoder().encode(body), truncated: false };
      return { hops: [{ request: { method: 'POST' as const, url: 'http://x/fax', headers: {} }, response, durationMs: 1 }], response, durationMs: 1, finalUrl: 'http://x/fax' };
    };
    expect(refusalOf(exchange(401, { 'www-authenticate': 'Basic realm="x"' }))).toBe('http-auth');
    expect(refusalOf(exchange(401, {}))).toBe('signature');
    expect(refusalOf(exchange(403, {}))).toBe('signature');
    expect(refusalOf(exchange(400, {}, 'No signature header error'))).toBe('signature');
    expect(refusalOf(exchange(400, {}, 'bad request'))).toBeUndefined();
    expect(refusalOf(exchange(404, {}))).toBeUndefined();
  });
});
