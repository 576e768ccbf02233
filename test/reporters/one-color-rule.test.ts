import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import type { CliIo } from '../../src/model/io.js';
import { shouldUseColor } from '../../src/reporters/color.js';
import { RECEIVE_XML, send, serve, type RunningServer } from '../zoo/serve.js';

// Every command decides colour by one rule (src/reporters/color.ts): --color/--no-color, then FORCE_COLOR, then
// NO_COLOR, then a terminal that is not TERM=dumb. Each command is run under every combination and must colour its
// output exactly when the rule says.

const ENVIRONMENTS: ReadonlyArray<Record<string, string>> = [{}, { NO_COLOR: '1' }, { FORCE_COLOR: '1' }, { FORCE_COLOR: '0' }, { TERM: 'dumb' }, { NO_COLOR: '1', FORCE_COLOR: '1' }];
const FLAGS: ReadonlyArray<{ readonly args: readonly string[]; readonly explicit?: boolean }> = [{ args: [] }, { args: ['--color'], explicit: true }, { args: ['--no-color'], explicit: false }];
const COMBINATIONS = [true, false].flatMap((tty) => ENVIRONMENTS.flatMap((env) => FLAGS.map((flag) => ({ tty, env, flag }))));

async function isColoured(argv: readonly string[], tty: boolean, env: Record<string, string>): Promise<boolean> {
  let stdout = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: tty },
    stderr: { write: () => true },
    stdin: Object.assign((async function* () {})(), { isTTY: false }),
    env,
    cwd: process.cwd(),
  };
  await runCli(argv, io);
  expect(stdout).not.toBe('');
  return stdout.includes('\u001b[');
}

let server: RunningServer;
beforeAll(async () => {
  server = await serve((req, res) => req.resume().on('end', () => send(res, 200, RECEIVE_XML, 'text/plain')));
});
afterAll(() => server.close());

describe('one colour rule for every command', () => {
  it.each(COMBINATIONS)('validate colours its report as the rule says: %j', async ({ tty, env, flag }) => {
    const coloured = await isColoured(['validate', 'examples/replies/lowercase-receive.xml', ...flag.args], tty, env);
    expect(coloured).toBe(shouldUseColor({ isTTY: tty, write: () => true }, env, flag.explicit));
  });

  it.each(COMBINATIONS)('check colours its report as the rule says: %j', async ({ tty, env, flag }) => {
    const coloured = await isColoured(['check', server.url(), '--runs', '0', '--seed', '1', '--checks', 'status-code,content-type', ...flag.args], tty, env);
    expect(coloured).toBe(shouldUseColor({ isTTY: tty, write: () => true }, env, flag.explicit));
  });
});
