import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import express from 'express';
import twilio from 'twilio';
import { afterAll, describe, expect, it } from 'vitest';
import { checkServer } from '../../src/runner/check-server.js';
import type { Finding } from '../../src/runner/report.js';
import { readParams, RECEIVE_XML, send, serve, type RunningServer } from '../zoo/serve.js';

const run = promisify(execFile);
const AUTH_TOKEN = 'reproduce-token-5f1c0ffee';

const running: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
});

/** Runs a finding's curl line in a shell and parses what came back. */
async function reproduce(finding: Finding | undefined): Promise<{ status: number; contentType: string | undefined; body: string }> {
  const { stdout } = await run('sh', ['-c', finding?.reproduce ?? 'false']);
  const [head = '', ...rest] = stdout.split('\r\n\r\n');
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

  it('never shows the auth token, even when the server echoes it', async () => {
    const server = await serve((_req, res) => send(res, 500, `token was ${AUTH_TOKEN}\n`, 'text/plain'));
    running.push(server);
    const report = await checkServer({ url: server.url() }, { runs: 2, seed: 1, authToken: AUTH_TOKEN });
    expect(report.findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(report)).not.toContain(AUTH_TOKEN);
  });
});
