import type { FailOn, Severity } from '../diagnostic.js';
import type { TwilioErrorCode } from '../protocol/twilio-errors.js';

/** What was sent, as shown in a finding (credentials and the auth token never appear). */
export interface ReportedRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** What came back, as shown in a finding: the start of the body only. */
export interface ReportedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The first bytes of the body as text (at most 2 000 characters). */
  readonly bodyStart: string;
  readonly bodyBytes: number;
}

/** One way the server under test would make a real fax fail. Stable JSON shape (`--reporter json`). */
export interface Finding {
  readonly check: string;
  /** The finer stable id of the diagnostic (snake_case). */
  readonly code: string;
  readonly severity: Severity;
  readonly twilioError?: TwilioErrorCode;
  readonly twilioErrorTitle?: string;
  readonly message: string;
  readonly hint?: string;
  readonly line?: number;
  readonly column?: number;
  readonly request: ReportedRequest;
  /** Absent when no reply came (refused, timeout, ...). */
  readonly response?: ReportedResponse;
  /** A shell command that sends the same bytes again (a `curl` line, signature header included). */
  readonly reproduce: string;
  /**
   * For a finding about two replies that differ (an equivalent request answered otherwise): the `curl` line of the
   * reference request, whose reply `reproduce`'s is compared with.
   */
  readonly compareWith?: string;
  /** How many cases showed this (check, code); the finding shows one of them, shrunk when generated. Absent: 1. */
  readonly count?: number;
  /** Which case the finding shows, e.g. "a fax from a US number" or "generated case 17 (shrunk)". */
  readonly case?: string;
}

export type CheckStatus = 'passed' | 'failed' | 'skipped';

/** The outcome of one check over the whole run (one JUnit testcase). */
export interface CheckResult {
  readonly id: string;
  readonly title: string;
  readonly status: CheckStatus;
  /** Why it was skipped (e.g. "needs --auth-token"). */
  readonly skipReason?: string;
  /** Exchanges this check looked at. */
  readonly exchanges: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface ReportSummary {
  readonly requests: number;
  readonly checks: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly durationMs: number;
}

/** The result of a run: what `checkServer` returns and `--reporter json` prints. */
export interface Report {
  /**
   * True only when no finding fails under `failOn`, at least one check judged something, and the run was not
   * interrupted: an interrupted run is never green.
   */
  readonly ok: boolean;
  /** Which findings fail the run (`--fail-on`): those of this severity or worse; `never`: none. */
  readonly failOn: FailOn;
  /** The URL checked, credentials removed, or `handler:NAME` for an in-process handler. */
  readonly target: string;
  /** The seed that repeats the run (`--seed`); absent for reports no seed can repeat (`pact verify`). */
  readonly seed?: number;
  /** Where the output of the server the kit started (`--start`) went, relative to the working directory if inside it. */
  readonly serverLog?: string;
  /** True when the run was stopped (Ctrl-C, SIGTERM) before every case ran: the report covers the cases that did. */
  readonly interrupted?: boolean;
  readonly summary: ReportSummary;
  readonly checks: readonly CheckResult[];
  readonly findings: readonly Finding[];
}
