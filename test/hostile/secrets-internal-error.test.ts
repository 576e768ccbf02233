import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/model/io.js';
import { runCli } from '../../src/cli/run-cli.js';
import { RECEIVE_XML, send, serve, type RunningServer } from '../zoo/serve.js';
import { leakedFragments } from './secret-fragments.js';

const TOKEN = 'f3a9c1e07b5d28460b9e3d7c15a8f264';
const PASSWORD = 'correct-horse-battery-staple';
const BROKER_TOKEN = 'brk-7d1e9a0c44f2b8635e17a9d0';
const BROKER_PASSWORD = 'broker-pass-0d9c2e71a4';

const running: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
});

/** An io whose stderr is kept; `overrides` make a stream or stdin fail as a broken pipe might. */
function failingIo(overrides: Partial<CliIo>, env: Record<string, string> = {}): { io: CliIo; stderr: () => string } {
  let err = '';
  const io: CliIo = {
    stdout: { write: () => true },
    stderr: { write: (chunk: string) => (err += chunk) },
    stdin: (async function* () {})(),
    env,
    cwd: process.cwd(),
    ...overrides,
  };
  return { io, stderr: () => err };
}

describe('an internal error whose message quotes secrets', () => {
  it('shows none of the URL credentials or the --auth-token value, in its line or its --debug stack', async () => {
    const server = await serve((req, res) => void req.resume().on('end', () => send(res, 200, RECEIVE_XML)));
    running.push(server);
    const url = server.url().replace('http://', `http://fax:${PASSWORD}@`);
    const { io, stderr } = failingIo({
      stdout: {
        write: () => {
          throw new Error(`could not write the report of ${url} signed with ${TOKEN}\nsecond line ${TOKEN}`);
        },
      },
    });
    const code = await runCli(['check', url, '--auth-token', TOKEN, '--runs', '1', '--seed', '1', '--checks', 'status-code', '--debug'], io);
    expect(code).toBe(2);
    expect(stderr()).toMatch(/^twiml-fax-kit: internal error: could not write the report of http:\/\/<redacted>@127\.0\.0\.1:\d+\/fax signed with <redacted> \(run again with --debug for details\)\n/);
    // The stack came too (it repeats the message), and was redacted as well.
    expect(stderr()).toContain('second line <redacted>');
    expect(leakedFragments(stderr(), [TOKEN, PASSWORD, `fax:${PASSWORD}`])).toEqual([]);
  });

  it('shows none of the auth token or the Pact Broker token and password from the environment', async () => {
    const stdin = (async function* () {
      yield '<Response>';
      throw new Error(`stdin failed: ${TOKEN.slice(4)} ${BROKER_TOKEN} ${BROKER_PASSWORD}`);
    })();
    const env = { TWILIO_AUTH_TOKEN: TOKEN, PACT_BROKER_TOKEN: BROKER_TOKEN, PACT_BROKER_PASSWORD: BROKER_PASSWORD };
    const { io, stderr } = failingIo({ stdin }, env);
    expect(await runCli(['validate', '-', '--debug'], io)).toBe(2);
    expect(stderr()).toMatch(/^twiml-fax-kit: internal error: stdin failed: <redacted> <redacted> <redacted> \(run again/);
    expect(leakedFragments(stderr(), [TOKEN, BROKER_TOKEN, BROKER_PASSWORD])).toEqual([]);
  });

  it('does not echo credentials given where a command was expected', async () => {
    const { io, stderr } = failingIo({});
    expect(await runCli([`https://fax:${PASSWORD}@fax.example.com/fax`], io)).toBe(2);
    expect(stderr()).toBe("twiml-fax-kit: unknown command 'https://<redacted>@fax.example.com/fax'; commands: check, validate, pact (see 'twiml-fax-kit --help')\n");
  });
});
