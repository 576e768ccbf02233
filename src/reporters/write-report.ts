import { renameSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import type { OutputStream } from '../model/io.js';
import type { ReporterContext } from './reporter-context.js';

/** A report file that could not be written: the user's path is wrong, not the kit (exit 2 with this one line). */
export class ReportWriteError extends Error {
  override readonly name = 'ReportWriteError';
}

/**
 * Writes a finished report to its destination: stdout (waiting for the stream to drain, so that a caller may exit
 * right after), or a file. A regular file is written whole or not at all (a temporary file renamed over it), so a
 * kit killed mid-write leaves no half report; a device or a link is written through. Missing directories are
 * created only inside the working directory. Rejects with a `ReportWriteError` (one line) if the file cannot be
 * written.
 */
export async function writeReport(context: ReporterContext, text: string): Promise<void> {
  const { destination } = context;
  if (destination.kind === 'stdout') return writeAndDrain(context.io.stdout, text);
  const { path } = destination;
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    if (isInside(dirname(path), context.io.cwd)) await mkdir(dirname(path), { recursive: true });
    const existing = await lstat(path).catch(() => undefined);
    if (existing && !existing.isFile()) {
      await writeFile(path, text, 'utf8');
      return;
    }
    // Written and renamed in one synchronous step: a signal that ends the kit (a second Ctrl-C) is handled only
    // between steps, so it finds either no temporary file or the whole report in place.
    writeFileSync(temporary, text, 'utf8');
    renameSync(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new ReportWriteError(`could not write the report to ${path}: ${reason}`);
  }
}

function isInside(path: string, directory: string): boolean {
  const rel = relative(directory, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

interface EventSource {
  once(event: string, listener: () => void): unknown;
  removeListener(event: string, listener: () => void): unknown;
}

async function writeAndDrain(stream: OutputStream, text: string): Promise<void> {
  const flushed = stream.write(text);
  const source = stream as Partial<EventSource>;
  if (flushed !== false || typeof source.once !== 'function' || typeof source.removeListener !== 'function') return;
  const events = source as EventSource;
  // A closed pipe (`| head`) never drains; 'error' and 'close' end the wait too.
  await new Promise<void>((resolve) => {
    const done = (): void => {
      for (const event of ['drain', 'error', 'close']) events.removeListener(event, done);
      resolve();
    };
    for (const event of ['drain', 'error', 'close']) events.once(event, done);
  });
}
