import { DEFAULT_FAIL_ON, type Severity } from '../model/diagnostic.js';
import { twilioErrorTitle } from '../protocol/twilio-errors.js';
import { createRedactor, type Redactor } from '../secrets/redact.js';
import type { CheckResult, Finding, Report, ReportedRequest, ReportedResponse } from '../model/report.js';
import { describeMismatches, type MismatchContext } from './describe-mismatch.js';
import { toCurlCommand } from './reproduce.js';
import type { PactVerificationError, PactVerificationJson } from './run-pact-verifier.js';
import type { ProxiedExchange } from './signing-proxy.js';

/** What a verification produced, for turning into the kit's `Report`. */
export interface VerificationFacts {
  readonly target: string;
  readonly json: PactVerificationJson;
  /** Requests the provider received, in order (one per HTTP interaction). */
  readonly exchanges: readonly ProxiedExchange[];
  readonly durationMs: number;
  /** How provider states reached the app, and the user's state-change URL when it was given. */
  readonly stateSetup?: MismatchContext['stateSetup'];
  readonly stateUrl?: string;
  /** What no finding may show (see `verificationSecrets`): removed from every string before any of it is cut. */
  readonly secrets?: readonly string[];
}

const BODY_START_CHARS = 2_000;

/** An interaction description as a kebab-case check id: `an incoming fax by POST` -> `pact-an-incoming-fax-by-post`. */
export function interactionCheckId(description: string): string {
  return `pact-${description.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/**
 * Turns Pact's verification result into the kit's `Report`: one check per interaction, one finding per mismatch,
 * each with the request the provider received and a `curl` line that sends it again.
 *
 * Findings are redacted here, where they are built, as the check command's are (`buildFinding`): the secrets go
 * from the request before its curl line is made, from the reply's body before it is cut, and from every message
 * and hint (which may quote the reply, cut). The mismatches are described from what the provider really sent.
 */
export function toVerificationReport(facts: VerificationFacts): Report {
  const redactor = createRedactor(facts.secrets ?? []);
  const results = facts.json.interactionResults ?? [];
  // Pact verifies interactions one at a time, in the order it reports them, and each sends exactly one request:
  // the n-th request the proxy saw belongs to the n-th result. If the counts differ, findings go without requests.
  const aligned = results.length === facts.exchanges.length;
  const checks: CheckResult[] = [];
  const findings: Finding[] = [];
  results.forEach((result, index) => {
    const exchange = aligned ? facts.exchanges[index] : undefined;
    const id = interactionCheckId(result.description);
    const errors = facts.json.errors.filter((error) => belongsTo(error, result.description));
    // Pending interactions (Pact's "pending pacts") never fail the build: their mismatches are notices.
    const pending = facts.json.pendingErrors.filter((error) => belongsTo(error, result.description));
    const errorFindings = exchange?.error !== undefined && errors.length > 0
      ? [unreachableFinding(id, exchange, redactor)]
      : errors.flatMap((error) => toFindings(id, error, exchange, facts, 'error', redactor));
    const warningFindings = pending.flatMap((error) => toFindings(id, error, exchange, facts, 'notice', redactor));
    findings.push(...errorFindings, ...warningFindings);
    const failed = errors.length > 0 || (result.result !== 'OK' && pending.length === 0);
    checks.push({
      id,
      title: result.description,
      status: failed ? 'failed' : 'passed',
      exchanges: exchange ? 1 : 0,
      errors: failed ? Math.max(errorFindings.length, 1) : 0,
      warnings: warningFindings.length,
    });
  });
  // Pact's errors that belong to no interaction (a pact it could not load, a broker it could not reach) fail the
  // run too, and must say so rather than leave a FAILED verdict with no finding.
  const unmatched = facts.json.errors.filter((error) => !results.some((result) => belongsTo(error, result.description)));
  if (unmatched.length > 0) {
    checks.push({ id: 'pact-verification', title: "Pact's verifier", status: 'failed', exchanges: 0, errors: unmatched.length, warnings: 0 });
    findings.push(...unmatched.map((error) => verifierErrorFinding(error, facts.target, redactor)));
  }
  const failed = checks.filter((check) => check.status === 'failed').length;
  return {
    version: 1,
    ok: facts.json.result && failed === 0,
    failOn: DEFAULT_FAIL_ON,
    target: facts.target,
    summary: {
      requests: facts.exchanges.length,
      checks: checks.length,
      passed: checks.length - failed,
      failed,
      skipped: 0,
      durationMs: facts.durationMs,
    },
    checks,
    findings,
  };
}

function belongsTo(error: PactVerificationError, description: string): boolean {
  return error.interaction === description || error.interaction.endsWith(` - ${description}`);
}

function toFindings(
  check: string,
  error: PactVerificationError,
  exchange: ProxiedExchange | undefined,
  facts: VerificationFacts,
  severity: Severity,
  redactor: Redactor,
): Finding[] {
  const state = stateOf(error);
  if (STATE_CHANGE_FAILED.test(error.mismatch.message ?? '')) return [stateChangeFinding(check, error, state, facts, severity, redactor)];
  const sent = exchange ? redactRequest(exchange.request, redactor) : undefined;
  const request = sent ? reportedRequest(sent) : { method: 'POST' as const, url: facts.target, headers: {} };
  const response = exchange?.response ? reportedResponse(exchange.response, redactor) : undefined;
  const reproduce = sent ? toCurlCommand(sent) : `twiml-fax-kit pact verify ${facts.target}`;
  const mismatches = error.mismatch.mismatches ?? [];
  const context: MismatchContext = {
    stateSetup: facts.stateSetup ?? 'none',
    ...(state !== undefined ? { state } : {}),
    ...(exchange ? { request: exchange.request } : {}),
    ...(exchange?.response ? { response: exchange.response } : {}),
  };
  const described = mismatches.length > 0
    ? describeMismatches(mismatches, context)
    : [{ code: 'pact_verification_error', message: error.mismatch.message ?? error.interaction }];
  return described.map((description) => ({
    check,
    code: description.code,
    severity,
    ...('twilioError' in description && description.twilioError !== undefined
      ? { twilioError: description.twilioError, twilioErrorTitle: twilioErrorTitle(description.twilioError) }
      : {}),
    message: redactor.redactServerText(description.message),
    ...('hint' in description && description.hint !== undefined ? { hint: redactor.redactServerText(description.hint) } : {}),
    request,
    ...(response ? { response } : {}),
    reproduce,
  }));
}

const STATE_CHANGE_FAILED = /state change/i;

/** `Verifying a pact between C and P Given STATE - DESCRIPTION` -> `STATE`. */
function stateOf(error: PactVerificationError): string | undefined {
  return / Given (.+?) - /.exec(error.interaction)?.[1];
}

/** Pact could not set up the interaction's provider state: the state endpoint, not the webhook, needs fixing. */
function stateChangeFinding(
  check: string,
  error: PactVerificationError,
  state: string | undefined,
  facts: VerificationFacts,
  severity: Severity,
  redactor: Redactor,
): Finding {
  const body = JSON.stringify({ state: state ?? '', params: {}, action: 'setup' });
  const stateUrl = facts.stateUrl === undefined ? undefined : redactor.redact(facts.stateUrl);
  return {
    check,
    code: 'pact_state_change_failed',
    severity,
    message: redactor.redactServerText(state
      ? `Pact could not set up provider state '${state}': ${error.mismatch.message ?? 'the state change failed'}`
      : `Pact's state change before this interaction (which has no provider state, so Pact sends an empty one) failed: ${error.mismatch.message ?? 'the state change failed'}`),
    hint: stateUrl !== undefined
      ? `${stateUrl} must answer Pact's POST { state, params, action } with a 2xx for every state, including an empty state: Pact sends one for the action callbacks, which have none. Check the URL, then the endpoint's log.`
      : 'A state handler threw: its message is above.',
    request: { method: 'POST', url: stateUrl ?? facts.target, headers: { 'content-type': 'application/json' }, body },
    reproduce: stateUrl !== undefined
      ? toCurlCommand({ method: 'POST', url: stateUrl, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) })
      : `twiml-fax-kit pact verify ${facts.target}`,
  };
}

/** An error of Pact's verifier outside any interaction. */
function verifierErrorFinding(error: PactVerificationError, target: string, redactor: Redactor): Finding {
  return {
    check: 'pact-verification',
    code: 'pact_verification_error',
    severity: 'error',
    message: redactor.redactServerText([error.interaction, error.mismatch.message].filter((part) => part !== undefined && part !== '').join(': ')),
    hint: 'Pact could not verify this pact: check that it is a pact file (or URL) it can load.',
    request: { method: 'POST', url: target, headers: {} },
    reproduce: `twiml-fax-kit pact verify ${target}`,
  };
}

/** Pact saw the proxy's 502; the finding says what really happened. */
function unreachableFinding(check: string, exchange: ProxiedExchange, redactor: Redactor): Finding {
  const sent = redactRequest(exchange.request, redactor);
  return {
    check,
    code: 'pact_provider_unreachable',
    severity: 'error',
    twilioError: 11205,
    twilioErrorTitle: twilioErrorTitle(11205),
    message: redactor.redactServerText(`could not reach the provider: ${exchange.error ?? 'no reply'}`),
    hint: 'Start the app before verifying, and give the base URL it listens on.',
    request: reportedRequest(sent),
    reproduce: toCurlCommand(sent),
  };
}

function reportedRequest(request: ProxiedExchange['request']): ReportedRequest {
  return {
    method: request.method === 'GET' ? 'GET' : 'POST',
    url: request.url,
    headers: request.headers,
    ...(request.body.length > 0 ? { body: request.body.toString('utf8') } : {}),
  };
}

/** The request as a finding may show it: secrets gone from its URL, headers (a cookie the app set) and body. */
function redactRequest(request: ProxiedExchange['request'], redactor: Redactor): ProxiedExchange['request'] {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, name.toLowerCase() === 'cookie' ? redactor.redactServerText(value) : redactor.redact(value)]));
  const body = request.body.length > 0 ? Buffer.from(redactor.redact(request.body.toString('utf8')), 'utf8') : request.body;
  return { method: request.method, url: redactor.redact(request.url), headers, body };
}

// The body is redacted before it is cut: a cut must not keep half of an echoed token.
function reportedResponse(response: NonNullable<ProxiedExchange['response']>, redactor: Redactor): ReportedResponse {
  return {
    status: response.status,
    headers: Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, redactor.redactServerText(value)])),
    bodyStart: redactor.redactServerText(response.body.toString('utf8')).slice(0, BODY_START_CHARS),
    bodyBytes: response.body.length,
  };
}
