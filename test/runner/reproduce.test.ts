import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import express from 'express';
import twilio from 'twilio';
import { afterAll, describe, expect, it } from 'vitest';
import { checkServer } from '../../src/runner/check-server.js';
import type { Finding } from '../../src/runner/report.js';
import { readParams, readText, RECEIVE_XML, send, serve, type RunningServer } from '../zoo/serve.js';

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
    expect(finding).toMatchObject({ code: 'reply_timeout', message: 'no complete reply within 0.3 s; Twilio gives up there and fails the fax' });
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
});
