import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import type { Report } from '../../src/model/report.js';
import { bufferIo } from '../support/buffer-io.js';
import { serve, type RunningServer } from '../zoo/serve.js';
import { callbackApp, crashesOnFailedFax } from './callback-servers.js';

let crashing: RunningServer;
beforeAll(async () => {
  crashing = await serve(callbackApp(crashesOnFailedFax));
});
afterAll(() => crashing.close());

const FAST = ['--runs', '3', '--seed', '42', '--timeout', '3000'];

describe('check --endpoint', () => {
  it('exits 1 with the failed-fax finding, whose replay command keeps --endpoint', async () => {
    const { io, stdout } = bufferIo();
    const url = crashing.url('/fax/status');
    expect(await runCli(['check', url, '--endpoint', 'status-callback', ...FAST, '--reporter', 'json'], io)).toBe(1);
    const report = JSON.parse(stdout()) as Report;
    expect(report.findings.map((f) => f.check)).toEqual(['status-callback-failed-fax']);
    expect(report.findings[0]?.replay?.command).toContain(`--endpoint status-callback`);
  });

  it('refuses an endpoint it does not know, with exit 2 and the ones it knows', async () => {
    const { io, stderr } = bufferIo();
    expect(await runCli(['check', crashing.url(), '--endpoint', 'status'], io)).toBe(2);
    expect(stderr()).toContain("--endpoint must be one of webhook, status-callback, fallback, not 'status'");
  });

  it('refuses a --checks id of another endpoint with one line naming the endpoints it belongs to', async () => {
    const { io, stderr } = bufferIo();
    expect(await runCli(['check', crashing.url(), '--endpoint', 'status-callback', '--checks', 'status-code'], io)).toBe(2);
    expect(stderr()).toContain("check 'status-code' belongs to the webhook and fallback endpoints, not to status-callback (--endpoint)");
    expect(stderr().trim().split('\n')).toHaveLength(1);
  });

  it('refuses a status-callback check in a webhook run', async () => {
    const { io, stderr } = bufferIo();
    expect(await runCli(['check', crashing.url(), '--checks', 'status-callback-order'], io)).toBe(2);
    expect(stderr()).toContain("check 'status-callback-order' belongs to the status-callback endpoint, not to webhook");
  });

  it('refuses --method GET for status callbacks, which Twilio always POSTed', async () => {
    const { io, stderr } = bufferIo();
    expect(await runCli(['check', crashing.url(), '--endpoint', 'status-callback', '--method', 'GET'], io)).toBe(2);
    expect(stderr()).toContain('Twilio always POSTed status callbacks');
  });

  it('lists the checks of each endpoint in --help', async () => {
    const { io, stdout } = bufferIo();
    expect(await runCli(['check', '--help'], io)).toBe(0);
    expect(stdout()).toMatch(/ {2}status-callback:\n {4}signature-accepted, signature-enforced, status-callback-accepted, status-callback-failed-fax, status-callback-order\n/);
  });
});

describe('the config file', () => {
  it('takes "endpoint" as the flag', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'status-config-'));
    try {
      await writeFile(join(cwd, 'twiml-fax-kit.config.json'), JSON.stringify({ endpoint: 'status-callback', checks: ['status-callback-failed-fax'] }));
      const { io, stdout } = bufferIo({ cwd });
      expect(await runCli(['check', crashing.url('/fax/status'), ...FAST, '--reporter', 'json'], io)).toBe(1);
      expect((JSON.parse(stdout()) as Report).findings.map((f) => f.code)).toEqual(['failed_fax_callback_error_status']);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
