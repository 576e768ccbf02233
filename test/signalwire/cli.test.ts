import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { bufferIo } from '../support/buffer-io.js';
import { serve, type RunningServer } from '../zoo/serve.js';
import { signalWireApp } from './signalwire-app.js';

const SIGNING_KEY = 'PSKcli0123456789';
let cwd: string;
let app: RunningServer;

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'fax-signalwire-cli-'));
  app = await serve(signalWireApp(SIGNING_KEY));
});
afterAll(async () => {
  await app.close();
  await rm(cwd, { recursive: true, force: true });
});

async function run(argv: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, stdout, stderr } = bufferIo({ cwd, env: { PACT_DO_NOT_TRACK: 'true', ...env } });
  const code = await runCli(argv, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

describe('--profile', () => {
  it('refuses an unknown profile in one line, with a suggestion, exit 2', async () => {
    for (const command of [['check', app.url()], ['validate', '-'], ['pact', 'generate', '--provider', 'x'], ['pact', 'verify', app.url()]]) {
      const result = await run([...command, '--profile', 'signalwir']);
      expect([result.code, result.stderr]).toEqual([2, "twiml-fax-kit: unknown --profile 'signalwir'; did you mean 'signalwire'? Profiles: twilio, signalwire\n"]);
    }
  });

  it('checks a SignalWire app with the key from SIGNALWIRE_SIGNING_KEY, and fails it under Twilio naming the flag', async () => {
    const env = { SIGNALWIRE_SIGNING_KEY: SIGNING_KEY };
    const passed = await run(['check', app.url(), '--profile', 'signalwire', '--runs', '2', '--seed', '3', '--reporter', 'json'], env);
    expect(passed.code).toBe(0);
    // Twilio's profile reads only TWILIO_AUTH_TOKEN: the same environment leaves its requests unsigned.
    const failed = await run(['check', app.url(), '--runs', '0', '--seed', '3', '--checks', 'status-code', '--reporter', 'json'], env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("SIGNALWIRE_SIGNING_KEY is set, but it is SignalWire's signing key and this run plays Twilio, unsigned: for a SignalWire app, run with --profile signalwire");
    expect(failed.stdout).not.toContain(SIGNING_KEY);
  });

  it('takes the profile from the config file too, and names it in each replay command', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(cwd, 'twiml-fax-kit.config.json'), JSON.stringify({ profile: 'signalwire' }));
    try {
      const result = await run(['check', app.url(), '--runs', '0', '--seed', '3', '--checks', 'status-code', '--reporter', 'json']);
      // Unsigned: the app refuses it, and the replay command repeats the profile.
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('--profile signalwire');
      expect(result.stdout).toContain("give the kit the server's signing key (--auth-token or SIGNALWIRE_SIGNING_KEY or TWILIO_AUTH_TOKEN)");
    } finally {
      await rm(join(cwd, 'twiml-fax-kit.config.json'));
    }
  });

  it('validates a reply as SignalWire reads it', async () => {
    const { io, stdout } = bufferIo({ cwd, env: {} });
    const reply = Buffer.from('<Response><receive/><Receive/></Response>');
    const withReply = { ...io, stdin: Object.assign((async function* () { yield reply; })(), { isTTY: false }) };
    expect(await runCli(['validate', '-', '--profile', 'signalwire', '--fail-on', 'error'], withReply)).toBe(1);
    expect(stdout()).toContain('a verb in the wrong case is an error');
  });

  it('writes a SignalWire contract that a SignalWire app passes under --profile signalwire', async () => {
    const generated = await run(['pact', 'generate', '--provider', 'sw-app', '--profile', 'signalwire', '--callback-path', '/fax/received']);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toContain('--profile signalwire');
    const pact = await readFile(join(cwd, 'pacts', 'signalwire-fax-sw-app.json'), 'utf8');
    expect(pact).toContain('FaxSid=a1b2c3d4-e5f6-4718-a93a-4b5c6d7e8f90');
    const verified = await run(['pact', 'verify', app.url('/').replace(/\/$/, ''), '--pact', 'pacts/signalwire-fax-sw-app.json', '--profile', 'signalwire', '--reporter', 'json'], { SIGNALWIRE_SIGNING_KEY: SIGNING_KEY });
    expect(verified.code).toBe(0);
    expect(verified.stderr).not.toContain('no signing key');
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, findings: [] });
    // The same contract verified as Twilio: Twilio's signature header is all the app gets, and it refuses every fax.
    // (Pact's verifier owns the traffic, so the kit does not ask the app as SignalWire would: check does.)
    const asTwilio = await run(['pact', 'verify', app.url('/').replace(/\/$/, ''), '--pact', 'pacts/signalwire-fax-sw-app.json', '--reporter', 'json'], { TWILIO_AUTH_TOKEN: SIGNING_KEY });
    expect(asTwilio.code).toBe(1);
    expect(JSON.parse(asTwilio.stdout)).toMatchObject({ ok: false });
  });
});
