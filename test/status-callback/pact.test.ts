import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { bufferIo } from '../pact/buffer-io.js';
import { serve, type RunningServer } from '../zoo/serve.js';
import { acceptsAll, callbackApp, crashesOnFailedFax } from './callback-servers.js';

let cwd: string;
const servers: RunningServer[] = [];
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'fax-pact-status-'));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(cwd, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, stdout, stderr } = bufferIo(cwd);
  const code = await runCli(argv, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

interface PactFile {
  readonly interactions: readonly { readonly description: string; readonly request: { readonly method: string; readonly path: string; readonly body: string } }[];
}

describe('pact generate --endpoint status-callback', () => {
  it('writes the status callbacks alone: queued, delivered, and a failed fax with no NumPages or MediaUrl', async () => {
    const result = await run(['pact', 'generate', '--provider', 'status-app', '--endpoint', 'status-callback']);
    expect(result.code).toBe(0);
    const pact = JSON.parse(await readFile(join(cwd, 'pacts/twilio-fax-status-app.json'), 'utf8')) as PactFile;
    const byDescription = new Map(pact.interactions.map((i) => [i.description, i.request]));
    expect([...byDescription.keys()].sort()).toEqual([
      'a status callback: a fax sent failed, with no NumPages or MediaUrl',
      'a status callback: a fax sent is queued',
      'a status callback: a fax sent was delivered',
    ]);
    for (const request of byDescription.values()) expect(request).toMatchObject({ method: 'POST', path: '/fax/status' });
    const failed = new URLSearchParams(byDescription.get('a status callback: a fax sent failed, with no NumPages or MediaUrl')?.body);
    expect([failed.get('FaxStatus'), failed.get('ErrorCode'), failed.has('NumPages'), failed.has('MediaUrl')]).toEqual(['failed', '34004', false, false]);
  });

  it('verifies a provider that accepts every callback, and fails one that crashes on the failed fax', async () => {
    const [good, crashing] = await Promise.all([serve(callbackApp(acceptsAll)), serve(callbackApp(crashesOnFailedFax))]);
    servers.push(good, crashing);
    const pact = 'pacts/twilio-fax-status-app.json';
    expect((await run(['pact', 'verify', good.url(''), '--pact', pact])).code).toBe(0);
    const failing = await run(['pact', 'verify', crashing.url(''), '--pact', pact, '--reporter', 'json']);
    expect(failing.code).toBe(1);
    const report = JSON.parse(failing.stdout) as { findings: { check: string; code: string; severity: string; twilioError?: number; reproduce: string }[] };
    // One cause, one finding, as bad as check says it is: Pact's status mismatch, graded as the status callback's warning.
    expect(report.findings.map((f) => [f.code, f.severity, f.twilioError])).toEqual([['pact_status_mismatch', 'warning', 11200]]);
    const [finding] = report.findings;
    expect(finding?.check).toBe('pact-a-status-callback-a-fax-sent-failed-with-no-numpages-or-mediaurl');
    expect(finding?.reproduce).toContain('FaxStatus=failed');
    // A warning fails the run by default, and passes it under --fail-on error, as check does.
    expect((await run(['pact', 'verify', crashing.url(''), '--pact', pact, '--fail-on', 'error'])).code).toBe(0);
  });

  it('adds the status callbacks to the webhook contract with --status-callback-path', async () => {
    const result = await run(['pact', 'generate', '--provider', 'both-app', '--status-callback-path', '/hooks/fax-status']);
    expect(result.stdout).toContain('(4 interactions');
    const pact = JSON.parse(await readFile(join(cwd, 'pacts/twilio-fax-both-app.json'), 'utf8')) as PactFile;
    expect(pact.interactions.filter((i) => i.request.path === '/hooks/fax-status')).toHaveLength(3);
  });

  it('says what a second generate for the same provider dropped from the contract it replaced', async () => {
    expect((await run(['pact', 'generate', '--provider', 'twice-app', '--endpoint', 'status-callback'])).code).toBe(0);
    const second = await run(['pact', 'generate', '--provider', 'twice-app', '--fallback-path', '/fax/fallback']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("pacts/twilio-fax-twice-app.json replaced an earlier contract; 3 of its interactions are not in this one ('a status callback: a fax sent failed, with no NumPages or MediaUrl', 'a status callback: a fax sent is queued', 'a status callback: a fax sent was delivered')");
    expect(second.stderr).toContain('generate one contract with all the paths (--callback-path, --status-callback-path, --fallback-path)');
    // The same command again drops nothing: no note.
    expect((await run(['pact', 'generate', '--provider', 'twice-app', '--fallback-path', '/fax/fallback'])).stderr).toBe('');
  });

  it("refuses the webhook's flags with --endpoint status-callback", async () => {
    const result = await run(['pact', 'generate', '--provider', 'x', '--endpoint', 'status-callback', '--callback-path', '/fax/received']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--callback-path applies to the webhook's contract, not to --endpoint status-callback");
  });
});
