/** Where a command reads and writes. `bin.ts` passes the real process streams; tests pass buffers. */
export interface OutputStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: AsyncIterable<Uint8Array | string> & { readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Registers a Ctrl-C handler and returns its remover; absent in tests. */
  readonly onInterrupt?: (handler: () => void) => () => void;
}

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
