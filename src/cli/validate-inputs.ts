import { open, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CliIo } from '../model/io.js';
import { STDIN_FILE } from '../reporters/validation/validation-report.js';

/** One reply to validate: where it came from, its first bytes, and what is known of its Content-Type. */
export interface ReplyInput {
  readonly file: string;
  /** At most `limit` bytes of the reply. */
  readonly body: Uint8Array;
  /** The reply went on past `body`: it is longer than the limit. */
  readonly truncated: boolean;
  readonly contentType: string | null | undefined;
}

export type InputsOutcome = { readonly ok: true; readonly inputs: ReplyInput[] } | { readonly ok: false; readonly message: string };

/** A sidecar holds one line; a few kB is plenty, and bounds a sidecar that is a device or a FIFO. */
const SIDECAR_LIMIT = 4096;

/**
 * Reads the replies named by `paths` ('-' is stdin, a directory its `*.xml` files), each only as far as `limit`
 * bytes and one more: Twilio reads no further, and `/dev/zero`, a FIFO or a pipe that never ends must not hold the
 * kit (nor its memory) for ever.
 */
export async function readInputs(paths: readonly string[], io: CliIo, contentType: string | null | undefined, limit: number): Promise<InputsOutcome> {
  const inputs: ReplyInput[] = [];
  let stdinRead = false;
  for (const path of paths) {
    if (path === '-') {
      if (stdinRead) return { ok: false, message: "stdin ('-') can be read only once" };
      stdinRead = true;
      inputs.push({ file: STDIN_FILE, ...(await readStreamPrefix(io.stdin, limit)), contentType });
      continue;
    }
    const files = await expand(path, io.cwd);
    if (!files.ok) return files;
    for (const file of files.files) {
      try {
        const read = await readFilePrefix(resolve(io.cwd, file), limit);
        inputs.push({ file, ...read, contentType: contentType !== undefined ? contentType : await readSidecar(file, io.cwd) });
      } catch (error) {
        return { ok: false, message: `cannot read ${file}: ${describeFsError(error)}` };
      }
    }
  }
  return { ok: true, inputs };
}

/** The first `limit` bytes of a stream, and whether more followed; stops reading (and lets go of it) past that. */
export async function readStreamPrefix(stream: AsyncIterable<Uint8Array | string>, limit: number): Promise<{ body: Uint8Array; truncated: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    chunks.push(bytes);
    size += bytes.byteLength;
    // Leaving the loop returns the iterator, which destroys a Node stream: nothing more is read.
    if (size > limit) break;
  }
  const all = Buffer.concat(chunks, size);
  return size > limit ? { body: all.subarray(0, limit), truncated: true } : { body: all, truncated: false };
}

/**
 * The first `limit` bytes of a file, and whether more followed. Reads at the current position, so character
 * devices and FIFOs work as regular files do.
 */
async function readFilePrefix(path: string, limit: number): Promise<{ body: Uint8Array; truncated: boolean }> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(limit + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled > limit ? { body: buffer.subarray(0, limit), truncated: true } : { body: buffer.subarray(0, filled), truncated: false };
  } finally {
    await handle.close();
  }
}

async function expand(path: string, cwd: string): Promise<{ readonly ok: true; readonly files: string[] } | { readonly ok: false; readonly message: string }> {
  try {
    if (!(await stat(resolve(cwd, path))).isDirectory()) return { ok: true, files: [path] };
    const names = (await readdir(resolve(cwd, path))).filter((name) => name.endsWith('.xml')).sort();
    if (names.length === 0) return { ok: false, message: `cannot read ${path}: the directory holds no .xml files (pass the replies' files instead)` };
    return { ok: true, files: names.map((name) => join(path, name)) };
  } catch (error) {
    return { ok: false, message: `cannot read ${path}: ${describeFsError(error)}` };
  }
}

/** The sidecar `NAME.content-type` of `NAME.xml`: undefined when there is none, null when it is empty. */
async function readSidecar(file: string, cwd: string): Promise<string | null | undefined> {
  if (!file.endsWith('.xml')) return undefined;
  try {
    const { body } = await readFilePrefix(resolve(cwd, `${file.slice(0, -'.xml'.length)}.content-type`), SIDECAR_LIMIT);
    const first = (Buffer.from(body).toString('utf8').split(/\r?\n/)[0] ?? '').trim();
    return first === '' ? null : first;
  } catch {
    return undefined;
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOENT') return 'no such file (check the path)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (check the file permissions)';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message.split('\n')[0] ?? 'unknown error' : String(error);
}
