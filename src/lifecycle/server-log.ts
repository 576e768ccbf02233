import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { lstat, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative } from 'node:path';
import type { Redactor } from '../secrets/redact.js';

/** Where the server's output goes unless told otherwise, relative to the working directory. */
export const DEFAULT_SERVER_LOG = '.twiml-fax-kit/server.log';

/** A log larger than this is left as the server wrote it (never the case in a conformance run). */
const MAX_REDACTED_LOG_BYTES = 256 * 1024 * 1024;

/** How long a line quoted from the log in a one-line message may be. */
const MAX_QUOTED_CHARS = 300;

/**
 * Creates (or truncates) the log file, and its missing directories when they are inside `cwd` (never a tree under
 * `/` from a typo), and writes a first line naming the command (as shown: with the secrets the user wrote into it
 * redacted). Returns the file descriptor the child inherits for stdout and stderr: the server writes straight to
 * the file, so its output never depends on the kit's event loop and survives the kit's crash.
 */
export function openServerLog(path: string, shownCommand: string, cwd: string): number {
  if (displayPath(dirname(path), cwd) !== dirname(path) || dirname(path) === cwd) mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  writeSync(fd, `$ ${shownCommand}\n`);
  return fd;
}

/** Closes the kit's copy of the log descriptor (the child keeps its own). */
export function closeServerLog(fd: number): void {
  closeSync(fd);
}

/**
 * Removes the run's secrets from the log once the server has stopped: the log is a file the kit writes (and CI
 * uploads as an artifact), so a server that prints its configuration must not leave the token there. Only a
 * regular file is rewritten (never a link such as `/dev/stderr`, a device or a pipe), and only when it holds a
 * secret. Never rejects.
 */
export async function redactServerLog(path: string, redactor: Redactor): Promise<void> {
  try {
    const info = await lstat(path);
    if (!info.isFile() || info.size > MAX_REDACTED_LOG_BYTES) return;
    const text = await readFile(path, 'utf8');
    const redacted = redactor.redactServerText(text);
    if (redacted !== text) await writeFile(path, redacted, 'utf8');
  } catch {
    // A log that vanished or cannot be read holds nothing the kit could show.
  }
}

/** `redactServerLog` for the exit hook, which must be synchronous. */
export function redactServerLogSync(path: string, redactor: Redactor): void {
  try {
    const info = lstatSync(path);
    if (!info.isFile() || info.size > MAX_REDACTED_LOG_BYTES) return;
    const text = readFileSync(path, 'utf8');
    const redacted = redactor.redactServerText(text);
    if (redacted !== text) writeFileSync(path, redacted, 'utf8');
  } catch {
    // As above.
  }
}

/** What the server printed, for a one-line message: the line that says what went wrong, or its last lines. */
export interface ServerOutputSummary {
  /** The first line that reads as an error (`Error: Cannot find module ...`, `npm error ...`, `sh: 1: x: not found`). */
  readonly errorLine?: string;
  /** The last `count` non-empty lines joined with " | ", or why there are none. */
  readonly lastLines: string;
}

/** Summarises the server's output (the log without the kit's own first line), redacted and bounded. */
export function summariseServerOutput(path: string, redactor: Redactor, count = 3): ServerOutputSummary {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { lastLines: '(no log)' };
  }
  const lines = redactor
    .redactServerText(text)
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return { lastLines: '(the server printed nothing)' };
  const tail = lines.slice(-count).join(' | ');
  const errorLine = lines.find(readsAsError);
  return {
    ...(errorLine !== undefined && { errorLine: errorLine.length > MAX_QUOTED_CHARS ? `${errorLine.slice(0, MAX_QUOTED_CHARS)}…` : errorLine }),
    lastLines: tail.length > MAX_QUOTED_CHARS ? `…${tail.slice(-MAX_QUOTED_CHARS)}` : tail,
  };
}

// How runtimes, package managers and shells say what stopped them; stack frames ("at ...") are never the line.
const ERROR_LINES = [
  /^(?:Uncaught\s+)?[\w$.]*(?:Error|Exception)(?:\s*\[[\w-]+\])?:/, // Node, Python, Java: "Error: Cannot find module"
  /^npm (?:ERR!|error)\s/, // npm 6-9 and 10+
  /^(?:error|fatal|panic)(?:\[\w+\])?:/i, // Go, Rust, many CLIs
  /^[\w./-]+:(?: line)? ?\d*:? .*(?:not found|No such file or directory|Permission denied)$/, // sh: 1: nodee: not found
  /\bE(?:ADDRINUSE|ACCES|NOENT)\b/,
];

function readsAsError(line: string): boolean {
  return !/^at\s/.test(line) && ERROR_LINES.some((pattern) => pattern.test(line));
}

/** A path as a user would type it: relative to `cwd` when inside it, absolute otherwise. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
