import type { Diagnostic } from '../../model/diagnostic.js';
import type { FaxProfile } from '../../protocol/profile.js';
import type { Exchange, FormParams, HttpMethod, WebhookRequest } from '../../model/exchange.js';
import type { CaseRandom } from './case-random.js';
import type { Endpoint } from './endpoint.js';

/** How the run was configured, as far as checks care. The auth token itself never reaches a check. */
export interface CheckConfig {
  readonly profile: FaxProfile;
  /** The endpoint the run plays (`--endpoint`); absent: `webhook`. */
  readonly endpoint?: Endpoint;
  /** `both`: the base request is a POST and `get-post` repeats it as a GET. */
  readonly method: HttpMethod | 'both';
  /** The verb the server must answer with (`--expect`). */
  readonly expect: 'receive' | 'reject' | 'any';
  /** True when an auth token was given (checks that need one are skipped otherwise). */
  readonly hasAuthToken: boolean;
  /** Total time allowed per exchange, in ms. */
  readonly timeoutMs: number;
  /**
   * What stands for `https://media.twiliocdn.com` in the `MediaUrl`s of action callbacks (`--media-url`, or the kit's
   * loopback media server for the run); see `mediaUrlFor`.
   */
  readonly mediaBaseUrl?: string;
  /**
   * The ids of the checks this run runs, when known. A check leaves a failure to the check that owns it (a signature
   * refusal to `signature-accepted`) only when that check runs; unknown (absent), it judges the failure itself.
   */
  readonly runningChecks?: ReadonlySet<string>;
  /**
   * The number's fallback URL (`--fallback-url`): requested, as the service does, when the fax URL fails, and judged
   * by `fallback-reply`; absent: the run plays no fallback.
   */
  readonly fallbackUrl?: string;
}

/** The random inputs of one case: the webhook parameters plus what the variant checks need. */
export interface CaseInput {
  /** The webhook parameters of the base request, in the order Twilio sends them. */
  readonly params: FormParams;
  /** `From` and `To` as SIP addresses, for `sip-addresses` (and `form-encoding`, which needs spaces). */
  readonly sip: { readonly From: string; readonly To: string };
  /** Parameters Twilio might add one day, for `unknown-params`. */
  readonly extras: FormParams;
  /**
   * `status-callback` runs: every status callback of the case's fax, in the order the service sends them; `params`
   * is the first (`queued`), the base request.
   */
  readonly callbacks?: readonly FormParams[];
}

/** One case of a run: a fixed, readable example or one generated from the seed. */
export interface PlannedCase {
  /** `example-1`, `generated-17`, ... */
  readonly id: string;
  readonly label: string;
  readonly kind: 'example' | 'generated';
  /** Position among the generated cases (the fast-check path that replays it); -1 for examples. */
  readonly index: number;
  readonly input: CaseInput;
}

/** What a check is given: one case, its base exchange, and a way to send variants through the run's sender. */
export interface CheckContext {
  readonly case: PlannedCase;
  /** The base request as sent (before encoding). */
  readonly request: WebhookRequest;
  readonly exchange: Exchange;
  readonly config: CheckConfig;
  /** Sends another request through the run's sender (signing, redirects and limits included). */
  readonly send: (request: WebhookRequest) => Promise<Exchange>;
  /**
   * The signature Twilio would send for `url` (and, for a POST, `params`), made with the run's auth token, which
   * the check never sees. Absent without a token. For forging requests on purpose (`signature-enforced`).
   */
  readonly sign?: (url: string, params?: FormParams) => string;
  /** Randomness derived from the run's seed, for fresh ids: never `Math.random` or `crypto`, so a seed repeats a run. */
  readonly random: CaseRandom;
}

/**
 * What a check says about an exchange: a `Diagnostic` without its `check` field, which the runner fills in with the id
 * of the check that returned it, so that no check can report under another's id.
 */
export type CheckDiagnostic = Omit<Diagnostic, 'check'>;

/** A diagnostic together with the exchange that shows it (its last hop is what the finding reproduces). */
export interface CheckIssue {
  readonly diagnostic: CheckDiagnostic;
  readonly exchange: Exchange;
  /** For a finding about two replies that differ: the other exchange, which the finding reproduces too. */
  readonly reference?: Exchange;
  /**
   * What sets this issue apart from others of the same code in one run (e.g. `received` and `failed` for the two
   * action callbacks): the runner reports one finding per (check, code, distinct), so distinct failures are never
   * merged away.
   */
  readonly distinct?: string;
  /** What the request shown was, when it is not the case's own (e.g. "a fax from a SIP address, by GET"). */
  readonly label?: string;
}

/**
 * What one check made of one case: what is wrong, or why there was nothing to judge. A pass means judged: a check
 * whose every case came back `notJudged` is reported skipped with the reason, never passed.
 */
export interface CheckOutcome {
  readonly issues: readonly CheckIssue[];
  /** Why the check had nothing to judge on this case (e.g. no 2xx reply to read); `issues` is then empty. */
  readonly notJudged?: string;
  /**
   * The case is not one the check is about (a delivered fax, for a check of failed ones), rather than one it could not
   * judge: a check skipped in every case is reported with the first reason of a case it was about, when there is one.
   */
  readonly notApplicable?: true;
}

/**
 * The check judged this case; `issues` (none: it passed) say what is wrong.
 * @example return exchange.response?.status === 200 ? judged() : judged(issuesOf(exchange, [diagnostic]));
 */
export function judged(issues: readonly CheckIssue[] = []): CheckOutcome {
  return { issues };
}

/**
 * The check had nothing to judge on this case, and says why (e.g. "no 2xx reply to read"). A check that judged no
 * case is reported skipped with the first case's reason, never passed; `notApplicable` marks a case the check is not
 * about, whose reason gives way to that of a case it was about but could not judge.
 * @example if (!exchange.response) return notJudged('no reply to read (see reachable)');
 */
export function notJudged(reason: string, options: { readonly notApplicable?: boolean } = {}): CheckOutcome {
  return { issues: [], notJudged: reason, ...(options.notApplicable === true && { notApplicable: true as const }) };
}

/** Why reply checks judge nothing on a case whose base request got no 2xx reply, when no check owns the failure. */
export const NO_REPLY_TO_JUDGE = 'no 2xx reply to judge';

/** The case the checks of scope `run` look at, once per run: the first fixed example. */
export const RUN_SCOPE_CASE_ID = 'example-1';

/**
 * A named, stateless rule about how a fax webhook must behave. Checks are small values in a registry
 * (src/checks/registry.ts); the runner needs no change to gain one, and users add their own with `defineCheck`.
 */
export interface Check {
  /** Stable kebab-case id, used by `--checks` and `--skip-checks`. */
  readonly id: string;
  /** One line for reports. */
  readonly title: string;
  /** `case`: runs on every case; `run`: once per run, on the first example case. */
  readonly scope: 'case' | 'run';
  /** The endpoints whose runs it belongs to (`--endpoint`); absent: `['webhook', 'fallback']`. */
  readonly endpoints?: readonly Endpoint[];
  /** Why this check cannot run in this configuration (e.g. "needs --auth-token"), or undefined when it can. */
  skipReason?(config: CheckConfig): string | undefined;
  /** Looks at one case and says what is wrong, or that it had nothing to judge; never throws for a defect of the server. */
  run(context: CheckContext): Promise<CheckOutcome> | CheckOutcome;
}

/**
 * A check's issue list built from diagnostics that all concern one exchange.
 * @example return judged(issuesOf(exchange, [{ code: 'no_receive', severity: 'error', message: 'the reply refuses every fax' }]));
 */
export function issuesOf(exchange: Exchange, diagnostics: readonly CheckDiagnostic[]): CheckIssue[] {
  return diagnostics.map((diagnostic) => ({ diagnostic, exchange }));
}
