import { startServer, type RunningServer, type StartServerOptions } from './start-server.js';

/** Registers a Ctrl-C handler and returns its remover: the shape of `CliIo.onInterrupt`. */
export type InterruptRegistrar = (handler: () => void) => () => void;

/** The outcome of `withStartedServer`: what `run` returned, or why the server could not be started. */
export type WithStartedServerResult<T> =
  | { readonly ok: true; readonly value: T; readonly logFile: string; readonly interrupted: boolean }
  | { readonly ok: false; readonly message: string; readonly logFile: string; readonly interrupted: boolean };

/**
 * Starts the server, runs `run` against it, and stops the whole process group afterwards whatever happens:
 * `run` resolves, rejects, or the user presses Ctrl-C (through `onInterrupt`, i.e. `io.onInterrupt`: the server
 * is stopped at once and `signal` aborts so `run` can wind down). A throw from `run` propagates after the stop.
 * @example
 * const result = await withStartedServer({ command, waitFor, cwd: io.cwd, env: io.env }, io.onInterrupt,
 *   (server, signal) => runCheck({ url, signal }));
 * if (!result.ok) { io.stderr.write(`twiml-fax-kit: ${result.message}\n`); return EXIT.usage; }
 */
export async function withStartedServer<T>(
  options: Omit<StartServerOptions, 'signal'>,
  onInterrupt: InterruptRegistrar | undefined,
  run: (server: RunningServer, signal: AbortSignal) => Promise<T>,
): Promise<WithStartedServerResult<T>> {
  const interrupt = new AbortController();
  let server: RunningServer | undefined;
  const removeHandler =
    onInterrupt?.(() => {
      interrupt.abort();
      void server?.stop();
    }) ?? (() => undefined);
  try {
    const started = await startServer({ ...options, signal: interrupt.signal });
    if (!started.ok) return started;
    server = started.server;
    // A Ctrl-C between the server's first answer and this line found no server to stop and no run to abort yet.
    if (interrupt.signal.aborted) {
      return { ok: false, message: 'interrupted as the server became ready; it has been stopped', logFile: server.logFile, interrupted: true };
    }
    const value = await run(server, interrupt.signal);
    return { ok: true, value, logFile: server.logFile, interrupted: interrupt.signal.aborted };
  } finally {
    await server?.stop();
    removeHandler();
  }
}
