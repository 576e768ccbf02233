import type { CliIo } from '../../src/cli/io.js';

/** A CliIo writing into strings, for driving `runCli` in tests. */
export function bufferIo(cwd: string, env: Record<string, string | undefined> = {}): { io: CliIo; stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    stdin: (async function* () {})(),
    env: { PACT_DO_NOT_TRACK: 'true', ...env },
    cwd,
  };
  return { io, stdout: () => out, stderr: () => err };
}
