import { accessSync, closeSync, constants, lstatSync, mkdirSync, openSync, readlinkSync, realpathSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** A file a command will write: a report (`--reporter junit:FILE`) or the server's log (`--server-log FILE`). */
export interface OutputFile {
  /** How the user asked for it, for messages: `--reporter junit:r.xml`, `--server-log`. */
  readonly label: string;
  /** Absolute. */
  readonly path: string;
  /** A report of an earlier run at this path is removed before the run, so none survives looking current. */
  readonly kind: 'report' | 'log';
}

/**
 * Checks, before the first request, that every output file can be written, and prepares them: one line saying
 * what is wrong, or undefined once ready. Refused: two outputs on one file (a server log inside a JSON report), a
 * directory, a parent that is not a directory, a place the kit cannot write, and a missing directory outside the
 * working directory. Missing directories inside `cwd` are created (`reports/` in a CI recipe); outside it they must
 * exist (a typo must not build a tree under `/`). Then any earlier report at a report's path is removed: an
 * interrupted or failed run must not leave an old report that looks like its own.
 */
export function prepareOutputFiles(files: readonly OutputFile[], cwd: string): string | undefined {
  for (const [index, file] of files.entries()) {
    const other = files.slice(index + 1).find((later) => sameFile(file.path, later.path));
    if (other) return `${file.label} and ${other.label} write to the same file ${writtenPath(file.path)}; give each its own file`;
  }
  for (const file of files) {
    const problem = describeWriteProblem(file, cwd);
    if (problem) return `cannot write ${file.label}: ${problem}`;
  }
  for (const file of files) {
    try {
      mkdirSync(dirname(file.path), { recursive: true });
      if (file.kind === 'report') removeEarlierReport(file.path);
    } catch (error) {
      return `cannot write ${file.label}: ${(error as Error).message}`;
    }
  }
  return undefined;
}

function describeWriteProblem(file: OutputFile, cwd: string): string | undefined {
  const existing = statOrUndefined(file.path);
  if (existing?.isDirectory()) return `${file.path} is a directory; give a file path`;
  if (existing && !existing.isFile()) {
    // A device or pipe (/dev/stdout): written through as it is, if the kit may.
    return accessProblem(file.path, constants.W_OK);
  }
  const parent = dirname(file.path);
  const ancestor = nearestExisting(parent);
  if (ancestor !== parent) {
    if (!statOrUndefined(ancestor)?.isDirectory()) return `${ancestor} is not a directory`;
    if (!isInside(parent, cwd)) {
      return `the directory ${parent} does not exist; create it first (the kit creates missing directories only inside the working directory)`;
    }
  } else if (!existing && !statOrUndefined(parent)?.isDirectory()) {
    return `${parent} is not a directory`;
  }
  return probeWrite(ancestor, basename(file.path));
}

/** Creates and removes a file in `directory`: the only test of writability that also holds for root and read-only mounts. */
function probeWrite(directory: string, name: string): string | undefined {
  const probe = join(directory, `.${name}.${process.pid}.probe`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
    return undefined;
  } catch (error) {
    return `${directory} is not writable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}

function accessProblem(path: string, mode: number): string | undefined {
  try {
    accessSync(path, mode);
    return undefined;
  } catch (error) {
    return `${path} is not writable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}

/**
 * Removes the report an earlier run left at `path`. Only a regular file is removed: a symbolic link or a device
 * (`/dev/stdout`, perhaps redirected to a file the user appends to) is left alone and written through at the end.
 */
function removeEarlierReport(path: string): void {
  let link: Stats;
  try {
    link = lstatSync(path);
  } catch {
    return;
  }
  if (link.isFile()) unlinkSync(path);
}

// Compared where the writes land, not as written: `--server-log r.json --reporter json:rlink.json` with
// `rlink.json -> r.json` is one file even before r.json exists (a dangling link is written through, creating it).
function sameFile(a: string, b: string): boolean {
  if (a === b || writtenPath(a) === writtenPath(b)) return true;
  const [statA, statB] = [statOrUndefined(a), statOrUndefined(b)];
  return statA !== undefined && statB !== undefined && statA.isFile() && statA.dev === statB.dev && statA.ino === statB.ino;
}

/** Links the kernel follows before a loop is an error (Linux's limit). */
const MAX_LINK_HOPS = 40;

/**
 * Where writing `path` lands: its symbolic links followed, dangling ones too (writing through one creates its
 * target), then its existing directories resolved; the missing rest kept as written.
 */
function writtenPath(path: string): string {
  let current = path;
  for (let hops = 0; hops < MAX_LINK_HOPS; hops += 1) {
    let target: string;
    try {
      target = readlinkSync(current);
    } catch {
      break; // not a link, or missing
    }
    current = resolve(canonical(dirname(current)), target);
  }
  return canonical(current);
}

/** The path with its existing directories resolved (symbolic links, `..`), the missing rest kept as written. */
function canonical(path: string): string {
  const existing = nearestExisting(path);
  try {
    return join(realpathSync(existing), relative(existing, path));
  } catch {
    return path;
  }
}

function nearestExisting(path: string): string {
  let current = path;
  while (!pathExists(current)) {
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return current;
}

function pathExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function isInside(path: string, directory: string): boolean {
  const rel = relative(directory, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
