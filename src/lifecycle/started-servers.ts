import type { Redactor } from '../secrets/redact.js';
import { signalGroup } from './process-group.js';
import { markedProcesses, signalProcesses } from './process-tree.js';
import { redactServerLogSync } from './server-log.js';

/** What the exit hook needs of a started server: its group, its marker, its log and the run's secrets. */
export interface StartedServerRecord {
  readonly pid: number;
  /** The value of `SERVER_MARKER_VARIABLE` in its processes' environment. */
  readonly marker?: string;
  readonly logFile?: string;
  readonly redactor?: Redactor;
  /** Lets its guardian go (the server is being killed here). */
  readonly releaseGuardian?: () => void;
}

/**
 * The servers started and not yet stopped, so a crash of the kit can still stop them.
 *
 * Design: library code never installs process handlers or exits. The normal paths (success, findings, Ctrl-C)
 * stop the server through `RunningServer.stop()`, awaited by the command (Ctrl-C reaches the command through
 * `io.onInterrupt`, see `withStartedServer`). For what the command cannot await, an uncaught exception or a
 * `process.exit` somewhere, only `bin.ts` registers `process.on('exit', killStartedServersSync)`; an 'exit'
 * listener must be synchronous, hence SIGKILL with no grace period. A SIGKILL of the kit itself runs no hook at
 * all: the guardian (guardian.ts) covers that.
 */
const started = new Map<number, StartedServerRecord>();

/** Records a started server (called by startServer). */
export function rememberStartedServer(server: StartedServerRecord): void {
  started.set(server.pid, server);
}

/** Forgets a server once it has been stopped (called by stop()). */
export function forgetStartedServer(server: { readonly pid: number }): void {
  started.delete(server.pid);
}

/**
 * Kills the process group of every server started and not yet stopped, and the processes that left it, then
 * redacts its log, synchronously. For bin.ts's `process.on('exit')` only: the last line of defence when the kit
 * dies without awaiting `stop()`.
 */
export function killStartedServersSync(): void {
  for (const server of started.values()) {
    signalGroup(server.pid, 'SIGKILL');
    if (server.marker !== undefined) signalProcesses(markedProcesses(server.marker), 'SIGKILL');
    if (server.logFile !== undefined && server.redactor) redactServerLogSync(server.logFile, server.redactor);
    server.releaseGuardian?.();
  }
  started.clear();
}

/** How many started servers are still running (for tests and diagnostics). */
export function countStartedServers(): number {
  return started.size;
}
