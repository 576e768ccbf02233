import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRedactor, type Redactor } from '../secrets/redact.js';
import { hideCredentials } from '../secrets/hide-credentials.js';
import { startGuardian } from './guardian.js';
import { isGroupRunning, isProcessRunning, signalGroup } from './process-group.js';
import { markedProcesses, SERVER_MARKER_VARIABLE, signalProcesses } from './process-tree.js';
import { forgetStartedServer, rememberStartedServer } from './started-servers.js';
import { closeServerLog, DEFAULT_SERVER_LOG, displayPath, openServerLog, redactServerLog, summariseServerOutput } from './server-log.js';
import { probeHttp, waitForHttp } from './wait-for-http.js';
import { DEFAULT_WAIT_TIMEOUT_MS } from './defaults.js';

/** What to start and how long to wait for it. */
export interface StartServerOptions {
  /** A shell command line, run by /bin/sh (cmd.exe on Windows), e.g. `npm start` or `node server.js`. */
  readonly command: string;
  /** An http(s) URL that answers (any status) once the server is ready, e.g. `http://127.0.0.1:3000/health`. */
  readonly waitFor: string;
  /** Working directory of the command and base of a relative `logFile` (default: the kit's working directory). */
  readonly cwd?: string;
  /** The command's environment (default: the kit's). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where stdout and stderr go (default `.twiml-fax-kit/server.log` under `cwd`); truncated on each start. */
  readonly logFile?: string;
  /** Longest wait for `waitFor`, in ms (default 30000). */
  readonly waitTimeoutMs?: number;
  /** Time between SIGTERM and SIGKILL when stopping, in ms (default 5000). */
  readonly stopGraceMs?: number;
  /** Aborting gives up waiting, stops what was started, and resolves with `interrupted: true`. */
  readonly signal?: AbortSignal;
  /**
   * What no message may show (the auth token, URL credentials): redacted from every message, from the command line
   * written at the top of the log, and from the log itself once the server has stopped.
   */
  readonly secrets?: readonly string[];
}

/** How the server's command ended. */
export interface ServerExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A server the kit started; stop it, whatever happens. */
export interface RunningServer {
  readonly pid: number;
  readonly command: string;
  /** Absolute path of the log file holding the server's output. */
  readonly logFile: string;
  /** Resolves when the command's process exits (on its own or because of `stop()`). */
  readonly exited: Promise<ServerExit>;
  /**
   * Stops the whole process group and, on Linux, every process started from it that left the group (`setsid`):
   * SIGTERM, then SIGKILL after the grace period. Idempotent; resolves once none of them runs any more (or, should
   * the system refuse to let them go, after a bounded wait), with the secrets redacted from the log.
   */
  stop(): Promise<void>;
}

/** The outcome of `startServer`: a running server, or one line saying what went wrong and what to do. */
export type StartServerResult =
  | { readonly ok: true; readonly server: RunningServer }
  | { readonly ok: false; readonly message: string; readonly logFile: string; readonly interrupted: boolean };

export { DEFAULT_WAIT_TIMEOUT_MS };
export const DEFAULT_STOP_GRACE_MS = 5_000;
/** After SIGKILL only the kernel can delay the end; this bounds the wait for it so stop() never hangs. */
const AFTER_KILL_WAIT_MS = 2_000;
const POLL_MS = 25;
/** How long the check for a leftover server on the port waits for an answer. */
const PROBE_TIMEOUT_MS = 1_000;

/** Describes an exit as "code 3" or "signal SIGKILL". */
function describeExit(exit: ServerExit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}

/** Polls `condition` every few ms until it holds or `ms` has passed; resolves whether it held. */
async function waitUntil(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() >= deadline) return false;
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
  return true;
}

/**
 * Starts the server under test: runs `command` through the shell in a process group of its own, sends its output
 * to the log file, and waits until `waitFor` answers with any HTTP status. Fails at once if the command exits
 * first, and at `waitTimeoutMs` if nothing answers; on failure everything it started is already stopped.
 * Never throws for a bad command, URL or directory: the result says what went wrong in one line.
 * @example
 * const started = await startServer({ command: 'node server.js', waitFor: 'http://127.0.0.1:3000/' });
 * if (!started.ok) return fail(started.message);
 * try { await runChecks(); } finally { await started.server.stop(); }
 */
export async function startServer(options: StartServerOptions): Promise<StartServerResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const logFile = resolve(cwd, options.logFile ?? DEFAULT_SERVER_LOG);
  const shownLog = displayPath(logFile, cwd);
  const timeoutMs = options.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const redactor = createRedactor(options.secrets ?? []);
  const shownCommand = redactor.redactServerText(options.command);
  const fail = (message: string, interrupted = false): StartServerResult => ({ ok: false, message: redactor.redactServerText(message), logFile, interrupted });

  if (options.command.trim() === '') return fail('the server command is empty; give the command that starts your server, e.g. "npm start"');
  if (options.signal?.aborted) return fail('interrupted before the server was started', true);
  let url: URL;
  try {
    url = new URL(options.waitFor);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  } catch {
    return fail(`the wait-for URL '${hideCredentials(options.waitFor)}' is not an http:// or https:// URL; give the URL your server answers once ready, e.g. http://127.0.0.1:3000/health`);
  }
  const shownUrl = hideCredentials(url.href);
  if (!existsSync(cwd)) return fail(`the server's working directory ${cwd} does not exist; create it or run from your project`);
  // A leftover server on the port would answer in place of the one started here, and be checked instead.
  if (await probeHttp(url, PROBE_TIMEOUT_MS)) {
    return fail(`something already answers at ${shownUrl} before the server is started; stop it (an earlier run still going?) or use another port`);
  }

  let fd: number;
  try {
    fd = openServerLog(logFile, shownCommand, cwd);
  } catch (error) {
    return fail(`could not write the server log ${shownLog}: ${(error as Error).message}; choose a writable path`);
  }

  const marker = randomUUID();
  let child: ChildProcess;
  try {
    child = spawn(options.command, {
      shell: true,
      // Its own process group, so stop() reaches every process it starts. It also keeps a terminal's Ctrl-C
      // from reaching the server directly: the kit decides when the server stops, and stops it itself.
      detached: process.platform !== 'win32',
      cwd,
      // The marker finds the processes that leave the group (see process-tree.ts).
      env: { ...(options.env ?? process.env), [SERVER_MARKER_VARIABLE]: marker } as NodeJS.ProcessEnv,
      stdio: ['ignore', fd, fd],
      windowsHide: true,
    });
  } catch (error) {
    return fail(`could not start the server command '${shownCommand}': ${(error as Error).message}`);
  } finally {
    // The child holds its own copy of the descriptor.
    closeServerLog(fd);
  }
  const exited = new Promise<ServerExit>((done) => {
    child.once('exit', (code, signal) => done({ code, signal }));
    child.once('error', () => done({ code: null, signal: null }));
  });
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const spawnError = new Promise<Error>((done) => child.once('error', done));

  const pid = child.pid;
  if (pid === undefined) {
    const error = await spawnError;
    return fail(`could not start the server command '${shownCommand}': ${error.message}; check that a shell is available`);
  }

  const graceMs = options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS;
  const guardian = startGuardian(pid, marker, graceMs);
  let stopping: Promise<void> | undefined;
  const server: RunningServer = {
    pid,
    command: options.command,
    logFile,
    exited,
    stop() {
      stopping ??= (async () => {
        await stopTree(pid, marker, () => hasExited, graceMs);
        guardian?.release();
        await redactServerLog(logFile, redactor);
        forgetStartedServer(server);
      })();
      return stopping;
    },
  };
  rememberStartedServer({ pid, marker, logFile, redactor, ...(guardian && { releaseGuardian: () => guardian.release() }) });

  const waiting = new AbortController();
  void exited.then(() => waiting.abort());
  const onAbort = () => waiting.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const outcome = await waitForHttp(url, { timeoutMs, signal: waiting.signal });
  options.signal?.removeEventListener('abort', onAbort);

  // Something else may hold the port while our command died (EADDRINUSE): an answer only counts if ours still runs.
  if (outcome === 'answered' && !hasExited) return { ok: true, server };
  const exitedOnItsOwn = hasExited;
  await server.stop();
  if (options.signal?.aborted) return fail(`interrupted while waiting for the server at ${shownUrl}; it has been stopped`, true);
  const output = summariseServerOutput(logFile, redactor);
  if (exitedOnItsOwn) {
    const exit = await exited;
    const before = `the server command exited with ${describeExit(exit)} before ${shownUrl} answered`;
    if (output.errorLine !== undefined) return fail(`${before}: ${output.errorLine} (full output in ${shownLog})`);
    const advice = exit.code === 0 ? '; it must keep running in the foreground' : '';
    return fail(`${before}${advice} (see ${shownLog}, last lines: ${output.lastLines})`);
  }
  const seen = output.errorLine !== undefined ? `: ${output.errorLine} (full output in ${shownLog})` : ` (see ${shownLog}, last lines: ${output.lastLines})`;
  return fail(`the server did not answer ${shownUrl} within ${timeoutMs} ms; check the URL and port, or raise --wait-timeout${seen}`);
}

/**
 * Stops the group led by `pid` and every process carrying `marker` (those that left the group): SIGTERM, SIGKILL
 * after `graceMs`, then a bounded wait for the kernel. Processes marked while the group winds down are caught by a
 * last look.
 */
async function stopTree(pid: number, marker: string, hasExited: () => boolean, graceMs: number): Promise<void> {
  let escaped = markedProcesses(marker);
  const finished = () => hasExited() && !isGroupRunning(pid) && !escaped.some(isProcessRunning);
  if (finished()) return;
  signalGroup(pid, 'SIGTERM');
  signalProcesses(escaped, 'SIGTERM');
  if (!(await waitUntil(finished, graceMs))) {
    escaped = [...new Set([...escaped, ...markedProcesses(marker)])];
    signalGroup(pid, 'SIGKILL');
    signalProcesses(escaped, 'SIGKILL');
    await waitUntil(finished, AFTER_KILL_WAIT_MS);
  }
  const late = markedProcesses(marker);
  if (late.length > 0) {
    signalProcesses(late, 'SIGKILL');
    escaped = late;
    await waitUntil(finished, AFTER_KILL_WAIT_MS);
  }
}
