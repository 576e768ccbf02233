import { signalGroup } from './process-group.js';

/**
 * The servers started and not yet stopped, so a crash of the kit can still stop them.
 *
 * Design: library code never installs process handlers or exits. The normal paths (success, findings, Ctrl-C)
 * stop the server through `RunningServer.stop()`, awaited by the command (Ctrl-C reaches the command through
 * `io.onInterrupt`, see `withStartedServer`). For what the command cannot await, an uncaught exception or a
 * `process.exit` somewhere, only `bin.ts` registers `process.on('exit', killStartedServersSync)`; an 'exit'
 * listener must be synchronous, hence SIGKILL with no grace period.
 */
const started = new Set<{ readonly pid: number }>();

/** Records a started server (called by startServer). */
export function rememberStartedServer(server: { readonly pid: number }): void {
  started.add(server);
}

/** Forgets a server once it has been stopped (called by stop()). */
export function forgetStartedServer(server: { readonly pid: number }): void {
  started.delete(server);
}

/**
 * Kills the process group of every server started and not yet stopped, synchronously. For bin.ts's
 * `process.on('exit')` only: the last line of defence when the kit dies without awaiting `stop()`.
 */
export function killStartedServersSync(): void {
  for (const server of started) signalGroup(server.pid, 'SIGKILL');
  started.clear();
}

/** How many started servers are still running (for tests and diagnostics). */
export function countStartedServers(): number {
  return started.size;
}
