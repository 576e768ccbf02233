import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isGroupRunning, signalGroup } from './process-group.js';
import { forgetStartedServer, rememberStartedServer } from './started-servers.js';
import { closeServerLog, DEFAULT_SERVER_LOG, displayPath, lastLogLines, openServerLog } from './server-log.js';
import { probeHttp, waitForHttp } from './wait-for-http.js';

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
   * Stops the whole process group: SIGTERM, then SIGKILL after the grace period. Idempotent; resolves once no
   * process of the group runs any more (or, should the system refuse to let them go, after a bounded wait).
   */
  stop(): Promise<void>;
}

/** The outcome of `startServer`: a running server, or one line saying what went wrong and what to do. */
export type StartServerResult =
  | { readonly ok: true; readonly server: RunningServer }
  | { readonly ok: false; readonly message: string; readonly logFile: string; readonly interrupted: boolean };

export const DEFAULT_WAIT_TIMEOUT_MS = 30_000;
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
  const fail = (message: string, interrupted = false): StartServerResult => ({ ok: false, message, logFile, interrupted });

  if (options.command.trim() === '') return fail('the server command is empty; give the command that starts your server, e.g. "npm start"');
  if (options.signal?.aborted) return fail('interrupted before the server was started', true);
  let url: URL;
  try {
    url = new URL(options.waitFor);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  } catch {
    return fail(`the wait-for URL '${options.waitFor}' is not an http:// or https:// URL; give the URL your server answers once ready, e.g. http://127.0.0.1:3000/health`);
  }
  if (!existsSync(cwd)) return fail(`the server's working directory ${cwd} does not exist; create it or run from your project`);
  // A leftover server on the port would answer in place of the one started here, and be checked instead.
  if (await probeHttp(url, PROBE_TIMEOUT_MS)) {
    return fail(`something already answers at ${url.href} before the server is started; stop it (an earlier run still going?) or use another port`);
  }

  let fd: number;
  try {
    fd = openServerLog(logFile, options.command);
  } catch (error) {
    return fail(`could not write the server log ${shownLog}: ${(error as Error).message}; choose a writable path`);
  }

  let child: ChildProcess;
  try {
    child = spawn(options.command, {
      shell: true,
      // Its own process group, so stop() reaches every process it starts. It also keeps a terminal's Ctrl-C
      // from reaching the server directly: the kit decides when the server stops, and stops it itself.
      detached: process.platform !== 'win32',
      cwd,
      env: (options.env ?? process.env) as NodeJS.ProcessEnv,
      stdio: ['ignore', fd, fd],
      windowsHide: true,
    });
  } catch (error) {
    return fail(`could not start the server command '${options.command}': ${(error as Error).message}`);
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
    return fail(`could not start the server command '${options.command}': ${error.message}; check that a shell is available`);
  }

  const graceMs = options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS;
  let stopping: Promise<void> | undefined;
  const server: RunningServer = {
    pid,
    command: options.command,
    logFile,
    exited,
    stop() {
      stopping ??= (async () => {
        const finished = () => hasExited && isGroupRunning(pid) === false;
        if (!finished()) {
          signalGroup(pid, 'SIGTERM');
          if (!(await waitUntil(finished, graceMs))) {
            signalGroup(pid, 'SIGKILL');
            await waitUntil(finished, AFTER_KILL_WAIT_MS);
          }
        }
        forgetStartedServer(server);
      })();
      return stopping;
    },
  };
  rememberStartedServer(server);

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
  if (options.signal?.aborted) return fail(`interrupted while waiting for the server at ${url.href}; it has been stopped`, true);
  if (exitedOnItsOwn) {
    const exit = await exited;
    return fail(
      `the server command exited with ${describeExit(exit)} before ${url.href} answered; it must keep running in the foreground ` +
        `(see ${shownLog}, last lines: ${lastLogLines(logFile)})`,
    );
  }
  return fail(
    `the server did not answer ${url.href} within ${timeoutMs} ms; check the URL and port, or raise --wait-timeout ` +
      `(see ${shownLog}, last lines: ${lastLogLines(logFile)})`,
  );
}
