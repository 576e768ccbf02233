import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import express from 'express';
import twilio from 'twilio';
import { afterAll, describe, expect, it } from 'vitest';
import { checkServer } from '../../src/harness/check-server.js';
import type { Finding } from '../../src/model/report.js';
import { readParams, readText, RECEIVE_XML, send, serve, type RunningServer } from '../zoo/serve.js';

const run = promisify(execFile);
const AUTH_TOKEN = 'reproduce-token-5f1c0ffee';

const running: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
});

/** Runs a finding's curl line in a shell (with `env` added) and parses what came back. */
async function reproduce(finding: Finding | undefined, env: Record<string, string> = {}): Promise<{ status: number; contentType: string | undefined; body: string }> {
  const { stdout } = await run('sh', ['-c', finding?.reproduce ?? 'false'], { env: { ...process.env, ...env } });
  // With --digest curl prints the 401 it answered first: the last response is the one that counts.
  const last = [...stdout.matchAll(/(?:^|\n)(?=HTTP\/[\d.]+ \d{3} )/g)].at(-1)?.index ?? 0;
  const [head = '', ...rest] = stdout.slice(last).replace(/^\n/, '').split('\r\n\r\n');
  const status = Number(/^HTTP\/[\d.]+ (\d{3})/.exec(head)?.[1]);
  const contentType = /^content-type: *(.*)$/im.exec(head)?.[1];
  return { status, contentType, body: rest.join('\r\n\r\n') };
}

describe('reproduce: the curl line of a finding', () => {
  it('reproduces a signed request byte for byte: the signature still validates and the reply is the same', async () => {
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    // Validates signatures (a wrong byte would be a 403) and has one defect: text/plain.
    app.post('/fax', twilio.webhook(AUTH_TOKEN), (_req, res) => res.type('text/plain').send(RECEIVE_XML));
    const server = await serve(app);
    running.push(server);
    const report = await checkServer({ url: server.url() }, { runs: 3, seed: 1, authToken: AUTH_TOKEN });
    const finding = report.findings.find((f) => f.check === 'content-type');
    expect(finding?.reproduce).toContain("-H 'X-Twilio-Signature: ");
    const replay = await reproduce(finding);
    expect(replay).toEqual({ status: 200, contentType: finding?.response?.headers['content-type'], body: finding?.response?.bodyStart });
  });

  it('reproduces a server error of a shrunk generated case', async () => {
    const server = await serve((req, res) => {
      void readParams(req).then((params) => ((params.get('From') ?? '').length > 13 ? send(res, 500, `cannot store ${params.get('From')}\n`, 'text/plain') : send(res, 200, RECEIVE_XML)));
    });
    running.push(server);
    const report = await checkServer({ url: server.url() }, { runs: 20, seed: 3, checks: ['status-code'] });
    const finding = report.findings[0];
    expect(await reproduce(finding)).toEqual({ status: 500, contentType: 'text/plain', body: finding?.response?.bodyStart });
  });

  it('reproduces a GET request, parameters in the query', async () => {
    const server = await serve((req, res) => {
      void readParams(req).then((params) => send(res, 200, `<Response><Receive pageSize="${params.get('From') ?? ''}"/></Response>`));
    });
    running.push(server);
    const report = await checkServer({ url: server.url('/fax?tenant=a b') }, { runs: 1, seed: 1, method: 'GET', checks: ['attribute-values'] });
    const finding = report.findings[0];
    expect(finding?.request.method).toBe('GET');
    expect(finding?.reproduce).not.toContain('--data-binary');
    expect(await reproduce(finding)).toMatchObject({ status: 200, body: finding?.response?.bodyStart });
  });

  it('reproduces a difference with two curl lines: the reference request and the one answered otherwise', async () => {
    // A hand-written form decoder: '+' stays '+', so a space written as '+' or as %20 gets two different replies.
    const server = await serve((req, res) => {
      void readText(req).then((body) => {
        const from = body.split('&').map((pair) => pair.split('=')).find(([name]) => name === 'From')?.[1] ?? '';
        send(res, 200, `<Response><Receive action="/done?from=${encodeURIComponent(decodeURIComponent(from))}"/></Response>`);
      });
    });
    running.push(server);
    const report = await checkServer({ url: server.url() }, { runs: 0, seed: 1, checks: ['form-encoding'] });
    const finding = report.findings[0];
    expect(finding?.code).toBe('encoding_changes_reply');
    const replay = await reproduce(finding);
    const reference = await reproduce(finding && { ...finding, reproduce: finding.compareWith ?? 'false' });
    expect(replay.body).toBe(finding?.response?.bodyStart);
    expect(reference.body).not.toBe(replay.body);
    // Twilio's encoding (the reference) is the one this server misreads: '+' for a space comes back as %2B.
    expect(reference.body).toContain('Jane%2BO');
  });

  it('reproduces a timeout: the curl line gives up where the run did', async () => {
    const server = await serve((req, res) => void req.resume().on('end', () => setTimeout(() => send(res, 200, RECEIVE_XML), 1_500).unref()));
    running.push(server);
    const report = await checkServer({ url: server.url() }, { runs: 0, seed: 1, timeoutMs: 300, checks: ['response-time'] });
    const finding = report.findings[0];
    expect(finding).toMatchObject({ code: 'reply_timeout', message: 'no complete reply within 0.3 s; Twilio fails the fax' });
    expect(finding?.reproduce).toMatch(/^curl -sS -i --globoff --max-time 0\.3 /);
    await expect(run('sh', ['-c', finding?.reproduce ?? 'true'])).rejects.toMatchObject({ code: 28 });
  });

  it('never shows the auth token, even when the server echoes it', async () => {
    const server = await serve((_req, res) => send(res, 500, `token was ${AUTH_TOKEN}\n`, 'text/plain'));
    running.push(server);
    const report = await checkServer({ url: server.url() }, { runs: 2, seed: 1, authToken: AUTH_TOKEN });
    expect(report.findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(report)).not.toContain(AUTH_TOKEN);
  });

  describe('after HTTP auth', () => {
    const USER = 'fax-user';
    const PASSWORD = 'pa55-w0rd-long-enough';
    const CREDENTIALS = { FAX_USER: USER, FAX_PASSWORD: PASSWORD };

    // A server behind Basic auth whose one defect is text/plain, and which echoes the Authorization header it got.
    function basicServer() {
      return serve((req, res) => {
        req.resume();
        const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
        if (req.headers.authorization !== expected) {
          res.setHeader('WWW-Authenticate', 'Basic realm="fax"');
          return send(res, 401, 'who are you?\n', 'text/plain');
        }
        req.on('end', () => send(res, 200, `${RECEIVE_XML}<!-- ${req.headers.authorization} -->`, 'text/plain'));
      });
    }

    it('reproduces a Basic-authenticated request with the credentials from $FAX_USER and $FAX_PASSWORD, never the password', async () => {
      const server = await basicServer();
      running.push(server);
      const url = server.url().replace('http://', `http://${USER}:${PASSWORD}@`);
      const report = await checkServer({ url }, { runs: 0, seed: 1, checks: ['content-type'] });
      const finding = report.findings[0];
      expect(finding?.reproduce).toContain(' -u "$FAX_USER:$FAX_PASSWORD" ');
      expect(finding?.reproduce).not.toContain('Authorization');
      expect(finding?.request.headers.Authorization).toBe('Basic <redacted>');
      const text = JSON.stringify(report);
      expect(text).not.toContain(PASSWORD.slice(0, 12));
      expect(text).not.toContain(Buffer.from(`${USER}:${PASSWORD}`).toString('base64').slice(4, 16));
      const replay = await reproduce(finding, CREDENTIALS);
      expect(replay.status).toBe(200);
      expect(replay.contentType).toBe('text/plain');
    });

    it('reproduces a Digest-authenticated request with --digest and the credentials from the environment', async () => {
      const server = await serve((req, res) => {
        req.resume();
        if (!validDigest(req, USER, PASSWORD)) {
          res.setHeader('WWW-Authenticate', 'Digest realm="fax", qop="auth", nonce="n0nce-1234", algorithm=MD5');
          return send(res, 401, 'who are you?\n', 'text/plain');
        }
        req.on('end', () => send(res, 200, RECEIVE_XML, 'text/plain'));
      });
      running.push(server);
      const url = server.url().replace('http://', `http://${USER}:${PASSWORD}@`);
      const report = await checkServer({ url }, { runs: 0, seed: 1, checks: ['content-type'] });
      const finding = report.findings[0];
      expect(finding?.reproduce).toContain(' --digest -u "$FAX_USER:$FAX_PASSWORD" ');
      expect(finding?.request.headers.Authorization).toBe('Digest <redacted>');
      expect(await reproduce(finding, CREDENTIALS)).toMatchObject({ status: 200, contentType: 'text/plain' });
    });
  });
});

/** Checks a Digest `Authorization` (RFC 7616, MD5, qop=auth) against the user and password. */
function validDigest(req: IncomingMessage, user: string, password: string): boolean {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Digest ')) return false;
  const fields = new Map([...header.matchAll(/(\w+)=(?:"([^"]*)"|([^\s,]*))/g)].map((m) => [m[1] ?? '', m[2] ?? m[3] ?? '']));
  const md5 = (text: string) => createHash('md5').update(text).digest('hex');
  const ha1 = md5(`${user}:fax:${password}`);
  const ha2 = md5(`${req.method}:${fields.get('uri')}`);
  const expected = md5(`${ha1}:${fields.get('nonce')}:${fields.get('nc')}:${fields.get('cnonce')}:auth:${ha2}`);
  return fields.get('username') === user && fields.get('response') === expected;
}
