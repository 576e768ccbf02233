import { existsSync, readFileSync } from 'node:fs';

/**
 * Whether a process still runs. kill(pid, 0) alone is not enough here: where PID 1 does not reap orphans (this
 * container), a killed grandchild stays a zombie, which kill(pid, 0) still finds although it runs nothing.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] ?? '');
  } catch {
    // Without /proc (macOS) kill(pid, 0) is all there is to go by; with it, a missing entry means the process just exited.
    return !existsSync('/proc/self');
  }
}
