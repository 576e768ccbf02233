import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { VerifierOptions } from '@pact-foundation/pact-core';
import { PACT_NOT_INSTALLED } from './load-pact.js';

/** One mismatch as Pact's verifier reports it (`type` is Pact's: `BodyMismatch`, `HeaderMismatch`, ...). */
export interface PactMismatch {
  readonly type: string;
  readonly mismatch?: string;
  readonly path?: string;
  readonly key?: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
}

/** A failed interaction in Pact's verification JSON. */
export interface PactVerificationError {
  /** `Verifying a pact between C and P Given STATE - DESCRIPTION`. */
  readonly interaction: string;
  readonly mismatch: { readonly type: string; readonly message?: string; readonly mismatches?: readonly PactMismatch[] };
}

/** Pact's own verification result (`pactffi_verifier_json`). */
export interface PactVerificationJson {
  readonly result: boolean;
  /** Pact's console output, line by line, ANSI colours included. */
  readonly output: readonly string[];
  readonly errors: readonly PactVerificationError[];
  readonly pendingErrors: readonly PactVerificationError[];
  readonly interactionResults?: ReadonlyArray<{ readonly description: string; readonly result: string; readonly duration?: string }>;
  readonly notices?: ReadonlyArray<Readonly<Record<string, string>>>;
}

/** How a run of Pact's verifier ended: with a result (verified or not), or without one. */
export type PactVerifierOutcome =
  | { readonly kind: 'completed'; readonly json: PactVerificationJson }
  | { readonly kind: 'could-not-run'; readonly message: string };

// Runs in a child process: the native verifier prints its report straight to file descriptor 1, which in-process
// would interleave with the kit's own output (and bypass the CLI's streams). The child's output is never shown (its
// last error line only explains a verifier that could not run); Pact's report comes back as data, inside the
// verification JSON, over the IPC channel.
// pact-core 19 (Pact 16.5) exports verifyPacts itself; pact-core 20 (Pact 17) only on its default export.
const CHILD_SCRIPT = `
const loaded = require(process.argv[1]);
const core = typeof loaded.verifyPacts === 'function' ? loaded : loaded.default;
const options = JSON.parse(process.argv[2]);
const done = (message) => process.send(message, () => process.disconnect());
let verification;
try { verification = core.verifyPacts(options); } catch (error) { verification = Promise.reject(error); }
verification.then(
  (json) => done({ json }),
  (error) => done({ json: error && error.message }),
);
`;

/**
 * Runs pact-core's Rust verifier with `options` in a child process and returns its JSON result.
 * Never throws: a verifier that cannot start or crashes is a `could-not-run` outcome.
 */
export function runPactVerifier(options: VerifierOptions, env: Readonly<Record<string, string | undefined>> = process.env): Promise<PactVerifierOutcome> {
  let corePath: string;
  try {
    corePath = createRequire(import.meta.url).resolve('@pact-foundation/pact-core');
  } catch {
    return Promise.resolve({ kind: 'could-not-run', message: PACT_NOT_INSTALLED });
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', CHILD_SCRIPT, corePath, JSON.stringify(options)], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // RUST_LIB_BACKTRACE=0: with RUST_BACKTRACE=1 (common on a Rust developer's machine) Pact's verifier puts a
      // backtrace of `<unknown>` frames inside each body mismatch it reports (a body that is not XML); a user who wants
      // them sets RUST_LIB_BACKTRACE=1. Panics keep RUST_BACKTRACE's backtraces.
      env: { ...env, PACT_DO_NOT_TRACK: env.PACT_DO_NOT_TRACK ?? 'true', RUST_LIB_BACKTRACE: env.RUST_LIB_BACKTRACE ?? '0' },
    });
    let logs = '';
    child.stdout?.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
    let reply: unknown;
    child.on('message', (message) => (reply = message));
    child.on('error', (error) => resolve({ kind: 'could-not-run', message: `could not start Pact's verifier: ${error.message}` }));
    child.on('close', (code) => resolve(toOutcome(reply, code, logs)));
  });
}

function toOutcome(reply: unknown, code: number | null, logs: string): PactVerifierOutcome {
  const text = (reply as { json?: unknown } | undefined)?.json;
  if (typeof text === 'string') {
    try {
      const json = JSON.parse(text) as PactVerificationJson;
      if (typeof json.result === 'boolean') return { kind: 'completed', json: { ...json, output: json.output ?? [], errors: json.errors ?? [], pendingErrors: json.pendingErrors ?? [] } };
    } catch {
      // Not JSON: pact-core's own message for a verifier that could not run.
    }
    return { kind: 'could-not-run', message: withLastLogLine(text, logs) };
  }
  return { kind: 'could-not-run', message: withLastLogLine(`Pact's verifier exited with code ${code ?? 'unknown'}`, logs) };
}

/** pact-core logs the specific reason (a missing file, a bad option) just before failing generically. */
function withLastLogLine(message: string, logs: string): string {
  // eslint-disable-next-line no-control-regex
  const lines = logs.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((line) => line.trim()).filter((line) => /ERROR|error|failed|does not exist/.test(line));
  const last = lines.at(-1);
  return last === undefined ? message : `${message} (${last.replace(/^\[[^\]]*\]\s*/, '')})`;
}
