import { readdirSync, readFileSync } from 'node:fs';

/**
 * Every process started for the server carries this variable, with a value unique to the start, in its
 * environment: children inherit it whatever they do to their process group or session (`setsid`, a daemonising
 * `npm start`), so the kit finds them all on Linux through /proc/PID/environ (the technique of Jenkins' process-tree
 * killer). A process that also clears its environment (`env -i`) is out of reach.
 */
export const SERVER_MARKER_VARIABLE = 'TWIML_FAX_KIT_SERVER';

/**
 * The running processes (same user, or any as root) whose environment carries `SERVER_MARKER_VARIABLE=marker`;
 * empty where there is no /proc (macOS, Windows: the process group is all the kit can stop there).
 */
export function markedProcesses(marker: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const entry = Buffer.from(`${SERVER_MARKER_VARIABLE}=${marker}\0`);
  const found: number[] = [];
  for (const name of entries) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let environ: Buffer;
    try {
      environ = readFileSync(`/proc/${name}/environ`);
    } catch {
      continue; // gone, or another user's
    }
    // A zombie's environment reads empty: it runs nothing and needs no signal.
    const at = environ.indexOf(entry);
    if (at === 0 || (at > 0 && environ[at - 1] === 0)) found.push(Number(name));
  }
  return found;
}

/** Sends `signal` to each of `pids`; one that is already gone is not an error. */
export function signalProcesses(pids: readonly number[], signal: 'SIGTERM' | 'SIGKILL'): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Exited meanwhile.
    }
  }
}
