import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Signals and liveness of a whole process group, the unit `--start` owns: the shell, the server it runs and
 * anything the server spawned (a `npm start` wrapper, a watcher, workers) share the group the kit created with
 * `detached: true`, so one signal reaches all of them.
 */

const isWindows = process.platform === 'win32';

/** Sends `signal` to every process of the group led by `pgid`; a group that is already gone is not an error. */
export function signalGroup(pgid: number, signal: 'SIGTERM' | 'SIGKILL'): void {
  if (isWindows) {
    // Windows has no process groups to signal; taskkill /T walks the tree instead (/F forces, as SIGKILL).
    spawnSync('taskkill', ['/pid', String(pgid), '/T', ...(signal === 'SIGKILL' ? ['/F'] : [])], { stdio: 'ignore', windowsHide: true });
    return;
  }
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * Whether any process of the group is still running. On Linux this reads /proc and ignores zombies: a process that
 * has exited but whose parent is gone stays a zombie wherever PID 1 does not reap orphans (some containers), and a
 * zombie runs nothing. Elsewhere, `kill(-pgid, 0)`.
 */
export function isGroupRunning(pgid: number): boolean {
  if (isWindows) return isProcessRunning(pgid);
  const members = runningGroupMembersFromProc(pgid);
  if (members !== undefined) return members.length > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether one process is running (not exited, not a zombie). */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const state = procStat(pid)?.state;
  return state !== 'Z' && state !== 'X';
}

interface ProcStat {
  readonly state: string;
  readonly pgrp: number;
}

/** Fields of /proc/PID/stat after the command name, which may itself hold spaces and parentheses. */
function procStat(pid: number | string): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', pgrp: Number(fields[2]) };
  } catch {
    return undefined;
  }
}

/** The running members of a group from /proc, or undefined where there is no /proc. */
function runningGroupMembersFromProc(pgid: number): number[] | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const members: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(entry);
    if (stat && stat.pgrp === pgid && stat.state !== 'Z' && stat.state !== 'X') members.push(Number(entry));
  }
  return members;
}
