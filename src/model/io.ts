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
