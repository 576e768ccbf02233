import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdin: (async function* () {})(),
    env: {},
    cwd: process.cwd(),
  };
  return { code: await runCli(argv, io), stdout, stderr };
}

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('help and version', () => {
  it.each([['--help'], ['check', '--help'], ['validate', '--help'], ['pact', '--help'], ['pact', 'generate', '--help'], ['pact', 'verify', '--help'], ['help', 'check']])(
    'answers `%s %s %s` with usage, examples and exit codes',
    async (...argv) => {
      const result = await cli(...argv);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^Usage: twiml-fax-kit|\nUsage: twiml-fax-kit/);
      expect(result.stdout).toMatch(/\nExamples:\n {2}twiml-fax-kit /);
      expect(result.stdout).toMatch(/Exit codes/);
    },
  );

  it.each([['--version'], ['-v']])('prints the package version for %s', async (flag) => {
    expect(await cli(flag)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
