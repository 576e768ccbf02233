import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI, as users run it (`npm run bench` builds it first). */
export const BIN = fileURLToPath(new URL('../dist/src/bin.js', import.meta.url));

/** Milliseconds from spawning `node ...args` to its exit (its output ignored). */
export async function timeToExit(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: 'ignore', env });
  await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  return performance.now() - started;
}

/**
 * Milliseconds from spawning `node ...args` until `arrived` resolves (the bench's server saw the first request);
 * the process is then killed, by its PID, and waited for.
 */
export async function timeToFirstRequest(args: readonly string[], arrived: Promise<number>, env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: 'ignore', env });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const first = await Promise.race([arrived, exited.then((code) => Promise.reject(new Error(`node ${args.join(' ')} exited (${code}) before its first request`)))]);
  child.kill('SIGKILL');
  await exited;
  return first - started;
}

/** What a whole run of the CLI took: when its first request arrived, when it exited, its peak resident memory. */
export interface RunFigures {
  readonly firstRequestMs: number;
  readonly totalMs: number;
  readonly maxRssKb: number;
  readonly exitCode: number | null;
}

/**
 * Runs the CLI with `args` to its end and measures it. Peak memory comes from the process itself:
 * `bench/peak-rss.ts` loads the CLI in the same process and writes `process.resourceUsage().maxRSS` (kB) to a file
 * on exit, so nothing outside Node (such as `/usr/bin/time`) is needed.
 */
export async function runToEnd(args: readonly string[], arrived: Promise<number>, env: NodeJS.ProcessEnv): Promise<RunFigures> {
  const rssFile = join(tmpdir(), `twiml-fax-kit-bench-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, [fileURLToPath(new URL('./peak-rss.mjs', import.meta.url)), rssFile, BIN, ...args], { stdio: 'ignore', env });
  let firstAt = Number.NaN;
  void arrived.then((at) => (firstAt = at));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  const totalMs = performance.now() - started;
  const maxRssKb = Number(readFileSync(rssFile, 'utf8'));
  rmSync(rssFile, { force: true });
  return { firstRequestMs: firstAt - started, totalMs, maxRssKb, exitCode };
}
