import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, relative } from 'node:path';

/** Where the server's output goes unless told otherwise, relative to the working directory. */
export const DEFAULT_SERVER_LOG = '.twiml-fax-kit/server.log';

/**
 * Creates (or truncates) the log file, its directories too, and writes a first line naming the command.
 * Returns the file descriptor the child inherits for stdout and stderr: the server writes straight to the file,
 * so its output never depends on the kit's event loop and survives the kit's crash.
 */
export function openServerLog(path: string, command: string): number {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  writeSync(fd, `$ ${command}\n`);
  return fd;
}

/** Closes the kit's copy of the log descriptor (the child keeps its own). */
export function closeServerLog(fd: number): void {
  closeSync(fd);
}

/** The last `count` non-empty lines of the server's output, joined with " | " and bounded, for a one-line message. */
export function lastLogLines(path: string, count = 3, maxLength = 300): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return '(no log)';
  }
  const lines = text.split(/\r?\n/).slice(1).map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length === 0) return '(the server printed nothing)';
  const tail = lines.slice(-count).join(' | ');
  return tail.length > maxLength ? `…${tail.slice(-maxLength)}` : tail;
}

/** A path as a user would type it: relative to `cwd` when inside it, absolute otherwise. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
