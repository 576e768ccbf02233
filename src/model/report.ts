import type { FailOn, Severity } from './diagnostic.js';
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
  /**
   * Which case the finding shows, e.g. "a fax from a US number" or "generated case 17 (shrunk)"; when the request
   * shown is not the case's own, what it was first ("the action callback of a failed fax, in a fax from a US number").
   */
  readonly case?: string;
  /** What replays just this case (`check URL --seed SEED --replay PATH`); absent where no seed repeats the run. */
  readonly replay?: FindingReplay;
  /**
   * Every request of the exchange, in order, when there was more than one (redirects followed, an HTTP-auth retry):
   * `request` and `response` are the last of them. No timing, so a report stays the same for the same seed.
   */
  readonly hops?: readonly FindingHop[];
}

/** One request of a finding's exchange and how it ended: its reply's status, or why none came. */
export interface FindingHop {
  readonly method: 'GET' | 'POST';
  /** Credentials removed, secrets redacted. */
  readonly url: string;
  readonly status?: number;
  /** The `Location` a redirect pointed to. */
  readonly location?: string;
  /** Why no usable reply came (`timeout`, `refused`, ...), when none did. */
  readonly failure?: string;
}

/** What replays the case a finding shows, as fast-check replays a counterexample by seed and path. */
export interface FindingReplay {
  readonly seed: number;
  /** `example-1`, or fast-check's path of a generated case: `16` (as planned), `16:0:3` (shrunk). */
  readonly path: string;
  /**
   * The command that sends only this case again, for this finding's check (`twiml-fax-kit check URL --seed 7
   * --replay 16:0:3 --checks status-code`, with the flags that shape the requests); absent for an in-process
   * handler, which replays with `checkServer(target, { seed, replay: path, checks: [check] })`.
   */
  readonly command?: string;
}

/** How a check ended over a run: `skipped` when it judged nothing (with the reason). */
export type CheckStatus = 'passed' | 'failed' | 'skipped';

/** The outcome of one check over the whole run (one JUnit testcase). */
export interface CheckResult {
  readonly id: string;
  readonly title: string;
  readonly status: CheckStatus;
  /** Why it was skipped (e.g. "needs --auth-token"). */
  readonly skipReason?: string;
  /** Cases this check judged (a skipped check judged none). */
  readonly exchanges: number;
  readonly errors: number;
  readonly warnings: number;
  /**
   * Why the check stopped sending before the run ended: every one of its last requests timed out, so later cases
   * were not judged by it. A run with such a note is never ok.
   */
  readonly note?: string;
}

/** The counts of a run: requests, cases, checks by outcome, and how long it took. */
export interface ReportSummary {
  /** Requests sent to the server. */
  readonly requests: number;
  /** Cases the run planned: the fixed examples and `runs` generated ones (one when replaying); for `pact verify`, the interactions. */
  readonly plannedCases?: number;
  /**
   * Cases whose base request got an answer or failed on its own (not cut by a stop): the report covers these.
   */
  readonly cases?: number;
  readonly checks: number;
  /** Checks that judged something (`passed` + `failed`). */
  readonly judged?: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /**
   * How long the run took: the one field that depends on timing. Two runs with the same seed against the same
   * deterministic server give the same report, byte for byte, but for this (and JUnit's `time`, made from it).
   */
  readonly durationMs: number;
}

/** The result of a run: what `checkServer` returns and `--reporter json` prints. */
export interface Report {
  /** The version of this JSON shape (docs/report.md): it changes only when a field is removed, renamed or changes meaning. */
  readonly version: 1;
  /**
   * True only when no finding fails under `failOn`, at least one check judged something, and every case ran: an
   * interrupted run, or one the kit stopped early (`stoppedEarly`, a check's `note`), is never green.
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
  /**
   * True when the run was stopped (Ctrl-C, SIGTERM, a time limit) before every case ran: the report covers the cases
   * that finished before it; requests cut by the stop (or by stopping a started server) are never findings.
   */
  readonly interrupted?: boolean;
  /**
   * Why the kit stopped sending before every case ran, when the server made it (every base request of a wave timed
   * out, as when the server is down). The report covers the cases that ran; a run stopped this way is never ok.
   */
  readonly stoppedEarly?: string;
  /** The replay path when the run replayed one case (`--replay`) rather than planning a run. */
  readonly replay?: string;
  readonly summary: ReportSummary;
  readonly checks: readonly CheckResult[];
  readonly findings: readonly Finding[];
}
