/**
 * How long `--start` waits for the server to answer by default (`--wait-timeout`). In a file of its own: the CLI's
 * help and flag parsing read it without loading the process code, which only a run with `--start` needs.
 */
export const DEFAULT_WAIT_TIMEOUT_MS = 30_000;
