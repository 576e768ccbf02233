/** Exit codes every command documents. */
export const EXIT = {
  ok: 0,
  /** A finding of error severity (a non-conforming reply or server). */
  findings: 1,
  /** The command was wrong (unknown flag, unreadable file) or the kit itself could not run. */
  usage: 2,
  /** Stopped with Ctrl-C: the shell's convention for a command killed by SIGINT (128 + 2). */
  interrupted: 130,
} as const;
