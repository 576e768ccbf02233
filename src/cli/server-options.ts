import { DEFAULT_WAIT_TIMEOUT_MS } from '../lifecycle/defaults.js';
import { DEFAULT_SERVER_LOG, displayPath } from '../lifecycle/server-log.js';
import { loadOnce } from '../model/load-once.js';
import { secretsOf } from '../secrets/secrets-of.js';
import { usageError } from './command.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from '../model/io.js';

/** The process code of `--start` (child processes, the guardian, the wait for HTTP): loaded only by a run that starts a server. */
const loadLifecycle = loadOnce(() => import('../lifecycle/index.js'));

/** The flags that start the server under test (`check --start`), in `parseCommandArgs` form. */
export const SERVER_START_OPTIONS = {
  start: { type: 'string' },
  'wait-for': { type: 'string' },
  'wait-timeout': { type: 'string' },
  'server-log': { type: 'string' },
} as const;

/** The help lines of those flags. */
export const SERVER_START_HELP = `  --start COMMAND          start the server under test first (through the shell, e.g. "npm start"), and stop it
                           and every process it started afterwards, whatever happens (findings, Ctrl-C, a crash,
                           even a SIGKILL of the kit); on Linux also those that left its process group (setsid),
                           unless they also cleared their environment; elsewhere only the process group
  --wait-for URL           with --start: the URL that answers once the server is ready (default: the checked URL)
  --wait-timeout MS        with --start: how long to wait for it (default ${DEFAULT_WAIT_TIMEOUT_MS})
  --server-log FILE        with --start: where the server's output goes (default ${DEFAULT_SERVER_LOG}); the token
                           and URL credentials are removed from it once the server has stopped`;

/** How to start the server under test, from the flags. */
export interface ServerStart {
  readonly command: string;
  readonly waitFor: string;
  readonly waitTimeoutMs: number;
  readonly logFile: string;
  /** What no message or log line of the kit may show: the run's secrets and the wait-for URL's credentials. */
  readonly secrets: readonly string[];
}

type StartValues = { readonly start?: string; readonly 'wait-for'?: string; readonly 'wait-timeout'?: string; readonly 'server-log'?: string };

/**
 * Reads `--start`, `--wait-for`, `--wait-timeout` and `--server-log`: no start (undefined), a start, or one line
 * saying which flag is wrong. The wait flags without `--start` are a mistake worth telling, not ignoring.
 * `secrets` are the run's (the auth token, the checked URL's credentials).
 */
export function parseServerStart(values: StartValues, checkedUrl: string, secrets: readonly string[] = []): { ok: true; start?: ServerStart } | { ok: false; message: string } {
  if (values.start === undefined) {
    const stray = (['wait-for', 'wait-timeout', 'server-log'] as const).find((flag) => values[flag] !== undefined);
    return stray ? { ok: false, message: `--${stray} needs --start COMMAND (the command that starts your server)` } : { ok: true };
  }
  const rawTimeout = values['wait-timeout'];
  const waitTimeoutMs = rawTimeout === undefined ? DEFAULT_WAIT_TIMEOUT_MS : Number(rawTimeout);
  if (rawTimeout !== undefined && (!/^\d+$/.test(rawTimeout) || waitTimeoutMs < 1 || !Number.isSafeInteger(waitTimeoutMs))) {
    return { ok: false, message: `--wait-timeout must be a whole number of milliseconds of at least 1, not '${rawTimeout}'` };
  }
  const waitFor = values['wait-for'] ?? checkedUrl;
  return {
    ok: true,
    start: { command: values.start, waitFor, waitTimeoutMs, logFile: values['server-log'] ?? DEFAULT_SERVER_LOG, secrets: [...new Set([...secrets, ...secretsOf({ urls: [waitFor] })])] },
  };
}

/**
 * Runs `run` (the check, returning its exit code), first starting the server when `start` says so and stopping it
 * afterwards; `run` gets the path of the server's log for its report. Says on stderr where the server's output went;
 * a server that cannot be started is exit 2 with the lifecycle's one-line reason, a Ctrl-C stops the server at once
 * and exits 130. `run` gets the same Ctrl-C (through `io.onInterrupt`) and must wind down at once: it is awaited,
 * so that its report is written (a second Ctrl-C exits at once).
 */
export async function runWithServer(start: ServerStart | undefined, io: CliIo, run: (serverLog?: string) => Promise<number>): Promise<number> {
  if (!start) return run();
  const { withStartedServer } = await loadLifecycle();
  const result = await withStartedServer(
    { command: start.command, waitFor: start.waitFor, waitTimeoutMs: start.waitTimeoutMs, logFile: start.logFile, cwd: io.cwd, env: io.env, secrets: start.secrets },
    io.onInterrupt,
    (server) => run(displayPath(server.logFile, io.cwd)),
  );
  if (!result.ok) return result.interrupted ? interrupted(io) : usageError(io, result.message);
  io.stderr.write(`server output: ${displayPath(result.logFile, io.cwd)}\n`);
  return result.interrupted ? interrupted(io) : result.value;
}

function interrupted(io: CliIo): number {
  io.stderr.write('twiml-fax-kit: interrupted; the server has been stopped\n');
  return EXIT.interrupted;
}
