import type { CheckConfig } from '../checks/check-api/types.js';
import { failsOn, type Diagnostic, type FailOn } from '../model/diagnostic.js';
import type { Reporter } from '../model/events.js';
import type { Exchange, SentRequest } from '../model/exchange.js';
import type { CheckResult, Finding, Report } from '../model/report.js';
import { judgeReply } from '../checks/verdicts/reply-verdict.js';
import { emit } from '../runner/emit.js';
import { buildFinding } from '../runner/finding.js';
import { finishRun } from '../runner/finish-run.js';
import type { StampedIssue } from '../runner/run-check.js';
import { createRedactor, type Redactor } from '../secrets/redact.js';
import { describeMismatches, type MismatchContext } from './describe-mismatch.js';
import { isCallback, judgeDelivery } from './judge-delivery.js';
import type { PactVerificationError, PactVerificationJson } from './run-pact-verifier.js';
import type { ProxiedDelivery } from './webhook-proxy.js';

/** What a verification produced, for the kit's report. */
export interface VerificationFacts {
  readonly target: string;
  readonly json: PactVerificationJson;
  /** Requests the provider was sent, in order (one per HTTP interaction that got past its state change). */
  readonly deliveries: readonly ProxiedDelivery[];
  /** `performance.now()` when the verification started. */
  readonly startedAt: number;
  /** How `check` would be configured for these deliveries: its verdict is the one given. */
  readonly config: CheckConfig;
  readonly failOn: FailOn;
  /** How provider states reached the app, and the user's state-change URL when it was given. */
  readonly stateSetup: MismatchContext['stateSetup'];
  readonly stateUrl?: string;
  /** What no finding may show (see `verificationSecrets`): removed where findings are built, before any cut. */
  readonly secrets: readonly string[];
}

/** An interaction description as a kebab-case check id: `an incoming fax by POST` -> `pact-an-incoming-fax-by-post`. */
export function interactionCheckId(description: string): string {
  return `pact-${description.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

const STATE_CHANGE_FAILED = /state change/i;

/**
 * Reports a finished Pact verification the way `check` reports a run, through the same finding builder and emitter:
 * `run-started`, a `case-finished` per interaction, then the findings, each interaction's result (one check per
 * interaction) and `run-finished`. An interaction's findings are Pact's mismatches (causes only) with the hint, Twilio
 * code and severity `check` gives their cause, plus whatever else `check`'s verdict of the same reply finds (a
 * `text/html` notice, a warning Pact cannot see); mismatches of pending pacts are notices.
 */
export async function reportVerification(facts: VerificationFacts, reporters: readonly Reporter[]): Promise<Report> {
  const redactor = createRedactor(facts.secrets);
  const results = facts.json.interactionResults ?? [];
  const deliveries = alignDeliveries(results.map((r) => r.description), facts);
  const checkIds = results.map((r) => interactionCheckId(r.description));
  await emit(reporters, { type: 'run-started', target: facts.target, plannedCases: results.length, checks: checkIds });

  const checks: CheckResult[] = [];
  const findings: Finding[] = [];
  for (const [index, result] of results.entries()) {
    const id = interactionCheckId(result.description);
    const errors = facts.json.errors.filter((error) => belongsTo(error, result.description));
    const pending = facts.json.pendingErrors.filter((error) => belongsTo(error, result.description));
    const delivery = deliveries[index];
    const label = `Pact interaction '${result.description}'`;
    let issues = await interactionIssues(id, [...errors, ...pending], delivery, facts);
    // Pending pacts (a consumer version the provider has not yet verified) never fail the build.
    if (errors.length === 0 && pending.length > 0) issues = issues.map((issue) => ({ ...issue, diagnostic: { ...issue.diagnostic, severity: 'notice' } }));
    if (result.result !== 'OK' && issues.length === 0 && pending.length === 0) {
      issues = [noRequestIssue(diagnosticOf(id, 'pact_verification_error', `Pact's verifier failed '${result.description}' and gave no reason`), facts)];
    }
    const built = issues.map((issue) => findingOf(issue, label, facts, redactor));
    findings.push(...built);
    const failed = built.some((f) => failsOn(f.severity, facts.failOn));
    checks.push({
      id,
      title: result.description,
      status: failed ? 'failed' : 'passed',
      exchanges: delivery ? 1 : 0,
      errors: built.filter((f) => f.severity === 'error').length,
      warnings: built.filter((f) => f.severity === 'warning').length,
    });
    await emit(reporters, { type: 'case-finished', done: index + 1, total: results.length, failed });
  }
  // Pact's errors that belong to no interaction (a pact it could not load, a broker it could not reach) fail the
  // run too, and must say so rather than leave a FAILED verdict with no finding.
  const unmatched = facts.json.errors.filter((error) => !results.some((result) => belongsTo(error, result.description)));
  if (unmatched.length > 0) {
    checks.push({ id: 'pact-verification', title: "Pact's verifier", status: 'failed', exchanges: 0, errors: unmatched.length, warnings: 0 });
    for (const error of unmatched) {
      const message = [error.interaction, error.mismatch.message].filter((part) => part !== undefined && part !== '').join(': ');
      const diagnostic = { ...diagnosticOf('pact-verification', 'pact_verification_error', message), hint: 'check that each pact is a file, URL or broker Pact can load, and that the broker is reachable' };
      findings.push({ ...findingOf(noRequestIssue(diagnostic, facts), "Pact's verifier", facts, redactor), reproduce: `twiml-fax-kit pact verify ${facts.target}` });
    }
  }
  return finishRun(reporters, {
    target: facts.target,
    failOn: facts.failOn,
    requests: facts.deliveries.length,
    plannedCases: results.length,
    cases: results.length,
    startedAt: facts.startedAt,
    results: checks,
    findings,
    secrets: facts.secrets,
  });
}

/** The issues of one interaction: its state change, its mismatches as `check` grades them, and the rest of `check`'s verdict. */
async function interactionIssues(id: string, errors: readonly PactVerificationError[], delivery: ProxiedDelivery | undefined, facts: VerificationFacts): Promise<StampedIssue[]> {
  const stateFailure = errors.find((error) => STATE_CHANGE_FAILED.test(error.mismatch.message ?? ''));
  if (stateFailure) return [stateChangeIssue(id, stateFailure, facts)];
  const config: CheckConfig = delivery ? { ...facts.config, method: delivery.request.method } : facts.config;
  const label = delivery ? `Pact interaction for ${delivery.request.method} ${pathOf(delivery.request.url)}` : id;
  const verdict = delivery ? await judgeDelivery(delivery, config, label) : [];
  const exchange = delivery?.exchange ?? noExchange(facts.target);
  const issues: StampedIssue[] = [];
  const explained = new Set<Diagnostic>();
  // Without a reply, Pact saw the proxy's 502: the verdict (unreachable, timed out) says what really happened.
  if (!delivery || delivery.exchange.response !== undefined) {
    const context: MismatchContext = {
      stateSetup: facts.stateSetup,
      callback: delivery !== undefined && isCallback(delivery.request),
      verdict: verdict.map((issue) => issue.diagnostic),
      ...(stateOf(errors[0]) !== undefined && { state: stateOf(errors[0]) }),
      ...(delivery && { target: `${delivery.request.method} ${pathOf(delivery.request.url)}` }),
      ...(delivery?.exchange.response && { verb: judgeReply(delivery.exchange, config.profile)?.verb ?? null }),
    };
    for (const error of errors) {
      const mismatches = error.mismatch.mismatches ?? [];
      if (mismatches.length === 0) {
        issues.push({ diagnostic: diagnosticOf(id, 'pact_verification_error', error.mismatch.message ?? error.interaction), exchange });
        continue;
      }
      const described = describeMismatches(mismatches, context, id);
      for (const diagnostic of described.diagnostics) issues.push({ diagnostic, exchange });
      for (const diagnostic of described.explained) explained.add(diagnostic);
    }
  }
  // The rest of `check`'s verdict, under this interaction's check.
  for (const issue of verdict) if (!explained.has(issue.diagnostic)) issues.push({ ...issue, diagnostic: { ...issue.diagnostic, check: id } });
  return issues;
}

function findingOf(issue: StampedIssue, label: string, facts: VerificationFacts, redactor: Redactor): Finding {
  const fallback: SentRequest = { method: 'POST', url: facts.target, headers: {} };
  return buildFinding(issue, fallback, 1, label, redactor, facts.config.timeoutMs);
}

function diagnosticOf(check: string, code: string, message: string): Diagnostic {
  return { check, code, severity: 'error', message };
}

/** An exchange that never happened: the finding shows its fallback request. */
function noExchange(target: string): Exchange {
  return { hops: [], durationMs: 0, finalUrl: target };
}

function noRequestIssue(diagnostic: Diagnostic, facts: VerificationFacts): StampedIssue {
  return { diagnostic, exchange: noExchange(facts.target) };
}

/** Pact could not set up the interaction's provider state: the state endpoint, not the webhook, needs fixing. */
function stateChangeIssue(id: string, error: PactVerificationError, facts: VerificationFacts): StampedIssue {
  const state = stateOf(error);
  const body = JSON.stringify({ state: state ?? '', params: {}, action: 'setup' });
  const said = error.mismatch.message ?? 'the state change failed';
  const diagnostic: Diagnostic = {
    ...diagnosticOf(id, 'pact_state_change_failed', state
      ? `Pact could not set up provider state '${state}': ${said}`
      : `Pact's state change before this interaction (which has no provider state, so Pact sends an empty one) failed: ${said}`),
    hint: facts.stateUrl !== undefined
      ? "the state URL must answer Pact's POST { state, params, action } with a 2xx for every state, including an empty state: Pact sends one for the action callbacks, which have none; check the URL, then the endpoint's log"
      : 'a state handler threw: its message is above',
  };
  if (facts.stateUrl === undefined) return noRequestIssue(diagnostic, facts);
  // The request Pact sent, as a hop of its own, so the finding's curl line sends it again.
  const request: SentRequest = { method: 'POST', url: facts.stateUrl, headers: { 'Content-Type': 'application/json' }, body };
  return { diagnostic, exchange: { hops: [{ request, durationMs: 0 }], durationMs: 0, finalUrl: facts.stateUrl } };
}

/**
 * Which delivery belongs to which interaction. Pact verifies interactions one at a time, in the order it reports them,
 * and each sends one request, unless its state change failed; if the counts still differ, none is guessed.
 */
function alignDeliveries(descriptions: readonly string[], facts: VerificationFacts): ReadonlyArray<ProxiedDelivery | undefined> {
  let next = 0;
  const aligned = descriptions.map((description) => {
    const errors = facts.json.errors.filter((error) => belongsTo(error, description));
    if (errors.some((error) => STATE_CHANGE_FAILED.test(error.mismatch.message ?? ''))) return undefined;
    return facts.deliveries[next++];
  });
  return next === facts.deliveries.length ? aligned : descriptions.map(() => undefined);
}

function belongsTo(error: PactVerificationError, description: string): boolean {
  return error.interaction === description || error.interaction.endsWith(` - ${description}`);
}

/** `Verifying a pact between C and P Given STATE - DESCRIPTION` -> `STATE`. */
function stateOf(error: PactVerificationError | undefined): string | undefined {
  return error === undefined ? undefined : / Given (.+?) - /.exec(error.interaction)?.[1];
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
