import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { bufferIo } from '../support/buffer-io.js';

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, stdout, stderr } = bufferIo({ cwd: process.cwd() });
  const code = await runCli(argv, io);
  return { code, stdout: stdout(), stderr: stderr() };
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
