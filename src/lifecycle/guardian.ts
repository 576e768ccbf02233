import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import { SERVER_MARKER_VARIABLE } from './process-tree.js';

/**
 * A watchdog for one started server, for the one case the kit cannot handle itself: being killed with SIGKILL (an
 * OOM kill, a CI runner's hard timeout), which runs no exit hook. The guardian is a POSIX shell in a session of its
 * own, reading a pipe from the kit; when the pipe closes, whether the kit released it after stopping the server or
 * died, it stops the server's process group and every process carrying the server's marker (SIGTERM, then SIGKILL
 * after the grace period) and exits. A shell costs a millisecond to start, where a second node process would cost
 * tens; it idles on a builtin `read`. Arguments: process group, marker, grace period in whole seconds.
 */
const GUARDIAN_SCRIPT = `
pgid=$1; marker=$2; grace=$3
while read -r line; do :; done
marked() { grep -l -z -x -F "${SERVER_MARKER_VARIABLE}=$marker" /proc/[0-9]*/environ 2>/dev/null | sed 's#^/proc/\\([0-9]*\\)/environ$#\\1#'; }
alive() { kill -0 -$pgid 2>/dev/null || [ -n "$(marked)" ]; }
stop() { kill -$1 -$pgid 2>/dev/null; for pid in $(marked); do kill -$1 $pid 2>/dev/null; done; }
alive || exit 0
stop TERM
waited=0
while alive && [ $waited -lt $grace ]; do sleep 1; waited=$((waited + 1)); done
stop KILL
`;

/** A started guardian: `release()` closes its pipe once the kit has stopped the server itself. */
export interface Guardian {
  release(): void;
}

/**
 * Starts the guardian of the process group `pgid` whose processes carry `marker`. Best effort: where it cannot
 * start, the kit's own stop and exit hook still apply. Not on Windows, which has neither process groups nor /proc.
 */
export function startGuardian(pgid: number, marker: string, graceMs: number): Guardian | undefined {
  if (process.platform === 'win32') return undefined;
  try {
    const child = spawn('/bin/sh', ['-c', GUARDIAN_SCRIPT, 'twiml-fax-kit-guardian', String(pgid), marker, String(Math.ceil(graceMs / 1000))], {
      // A session of its own: a kill of the kit's process group, or a terminal's Ctrl-C, does not reach it.
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
      // Nothing of the kit's environment but PATH (no marker, no token).
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    });
    child.on('error', () => undefined);
    const pipe = child.stdin as (Writable & { unref?: () => void }) | null;
    pipe?.on('error', () => undefined);
    // Neither the guardian nor its pipe keeps the kit alive.
    child.unref();
    pipe?.unref?.();
    return { release: () => pipe?.destroy() };
  } catch {
    return undefined;
  }
}
