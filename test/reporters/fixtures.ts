import { readFileSync } from 'node:fs';
import type { CliIo, OutputStream } from '../../src/model/io.js';
import type { Finding, Report } from '../../src/model/report.js';

// The reports the reporter tests render are frozen from real runs of the kit against real servers on loopback
// (test/reporters/runs/generate.ts writes them; test/reporters/frozen-runs.test.ts keeps them true).

function frozenRun(file: 'failed.json' | 'passed.json' | 'started.json'): Report {
  return JSON.parse(readFileSync(new URL(`./runs/${file}`, import.meta.url), 'utf8')) as Report;
}

/**
 * A fax app with three defects, checked with `--runs 10 --seed 1337`: reachable passes; status-code fails on a
 * generated case (shrunk); content-type fails; attribute-values fails with an error and a warning at a line and
 * column; signature-accepted is skipped for want of an auth token.
 */
export const FAILED_REPORT: Report = frozenRun('failed.json');

/** A conforming app: four checks pass. */
export const PASSED_REPORT: Report = frozenRun('passed.json');

/** A conforming app the CLI started with `--start`: the report names the server's log. */
export const STARTED_REPORT: Report = frozenRun('started.json');

/** The same run as no seed can repeat (as `pact verify`'s reports are), for the reporters' seedless wording. */
export const SEEDLESS_REPORT: Report = { ...STARTED_REPORT, seed: undefined };

function findingOf(report: Report, code: string): Finding {
  const finding = report.findings.find((f) => f.code === code);
  if (!finding) throw new Error(`the frozen run has no ${code} finding; regenerate it (see test/reporters/runs/generate.ts)`);
  return finding;
}

/** The reply to a fax from abroad has no Content-Type: error 12300. */
export const MISSING_CONTENT_TYPE: Finding = findingOf(FAILED_REPORT, 'missing_content_type');

/** A stream that keeps what is written. */
export interface BufferStream extends OutputStream {
  readonly text: () => string;
}

/** A stream that records writes; `isTTY` as given. */
export function bufferStream(isTTY = false): BufferStream {
  const chunks: string[] = [];
  return {
    isTTY,
    columns: 100,
    write(chunk: string) {
      chunks.push(chunk);
      return true;
    },
    text: () => chunks.join(''),
  };
}

/** A `CliIo` over buffers, for reporters under test. */
export function bufferIo(options: { cwd?: string; env?: Record<string, string>; stdoutTTY?: boolean; stderrTTY?: boolean } = {}) {
  const stdout = bufferStream(options.stdoutTTY);
  const stderr = bufferStream(options.stderrTTY);
  const io: CliIo = {
    stdout,
    stderr,
    stdin: (async function* () {})(),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  return { io, stdout, stderr };
}
