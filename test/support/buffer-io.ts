import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/model/io.js';

export interface BufferedIo {
  readonly io: CliIo;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

/**
 * A CliIo that writes into strings, for driving `runCli` in tests. `cwd` defaults to a fresh temporary directory,
 * so report files and server logs never land in the repository.
 */
export function bufferIo(options: { cwd?: string; env?: Record<string, string | undefined> } = {}): BufferedIo {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    stdin: (async function* () {})(),
    env: options.env ?? {},
    cwd: options.cwd ?? mkdtempSync(join(tmpdir(), 'twiml-fax-kit-cli-')),
  };
  return { io, stdout: () => out, stderr: () => err };
}
