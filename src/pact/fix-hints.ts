import { SEVERITIES, type Diagnostic, type Severity } from '../model/diagnostic.js';
import type { TwilioErrorCode } from '../protocol/twilio-errors.js';
import { isConsequence, rootCauses } from '../checks/verdicts/root-causes.js';
import { FAX_PACT_STATES } from './states.js';

/** What the kit knows about the interaction a mismatch belongs to. */
export interface MismatchContext {
  /** The provider state Pact set up for the interaction, if it has one. */
  readonly state?: string;
  /** How provider states reached the app: a `--state-url`, in-process handlers, or not at all. */
  readonly stateSetup: 'url' | 'handlers' | 'none';
  /** `METHOD /path` of the request the app received, when it received one. */
  readonly target?: string;
  /** True for an action callback (its request carries `FaxStatus`). */
  readonly callback: boolean;
  /** The verb of the app's reply, as Twilio would read it (`null`: none), when the reply was judged. */
  readonly verb?: 'Receive' | 'Reject' | null;
  /** The kit's own verdict of the delivery: the diagnostics `check` gives the same exchange. */
  readonly verdict: readonly Diagnostic[];
}

/** What a mismatch comes to: what to change, how bad it is, and which of the kit's diagnostics it stands for. */
export interface Fix {
  readonly hint?: string;
  readonly twilioError?: TwilioErrorCode;
  /** The severity `check` gives the cause; a mismatch no diagnostic explains is an error (the contract is broken). */
  readonly severity: Severity;
  /** The verdict's diagnostics this mismatch reports: they get no finding of their own. */
  readonly explains: readonly Diagnostic[];
}

// A status callback's reply is judged by status-callback-accepted alone (a warning: the fax is unaffected).
const TRANSPORT_CHECKS = new Set(['reachable', 'response-time', 'status-code', 'status-callback-accepted']);
const GENERIC_BODY_HINT = 'verb and attribute names and values are case-sensitive: <Receive>, <Reject/>, method="POST", pageSize="a4"';

/** A fix made of the verdict's diagnostics, in their own words: `check`'s hints, codes and severities. */
function fixFrom(diagnostics: readonly Diagnostic[], extra?: string): Fix {
  const hints = [...new Set(diagnostics.flatMap((d) => (d.hint === undefined ? [] : [d.hint])))];
  const hint = [...hints, ...(extra !== undefined ? [extra] : [])].join('; ');
  const twilioError = diagnostics.find((d) => d.twilioError !== undefined)?.twilioError;
  return {
    ...(hint !== '' && { hint }),
    ...(twilioError !== undefined && { twilioError }),
    severity: worst(diagnostics),
    explains: diagnostics,
  };
}

function worst(diagnostics: readonly Diagnostic[]): Severity {
  return SEVERITIES.find((severity) => diagnostics.some((d) => d.severity === severity)) ?? 'error';
}

/** A wrong status: what `check` makes of the exchange (refused, failed, unreachable), and what the contract adds. */
export function statusFix(status: number, context: MismatchContext): Fix {
  const explains = context.verdict.filter((d) => TRANSPORT_CHECKS.has(d.check) && d.severity !== 'notice');
  const target = context.target ?? 'the request';
  let extra: string | undefined;
  if (status === 404 || status === 405) {
    extra = `or generate the contract with the ${context.callback ? '--callback-path (the <Receive action>)' : '--webhook-path'} the server serves`;
  } else if (status >= 500 && context.callback) {
    extra = "a failed fax's callback carries ErrorCode and ErrorMessage, and no NumPages, MediaUrl or RemoteStationId: read FaxStatus first";
  }
  if (explains.length > 0) return fixFrom(explains, extra);
  const fallback = `answer ${target} with any 2xx${context.callback ? '' : ' and fax TwiML'}`;
  return { hint: extra === undefined ? fallback : `${fallback}, ${extra}`, severity: 'error', explains: [] };
}

/** A wrong `Content-Type` (Pact's header or body-type mismatch): the verdict's `content-type` finding, and the body's. */
export function contentTypeFix(context: MismatchContext): Fix {
  const contentType = context.verdict.filter((d) => d.check === 'content-type');
  // When the body is not TwiML either, that is said too, so one fix does not hide the next.
  const body = bodyProblems(context.verdict);
  if (contentType.length === 0) return { hint: 'answer TwiML with Content-Type: text/xml or application/xml', twilioError: 12300, severity: 'error', explains: body };
  const fix = fixFrom([...contentType, ...body]);
  return { ...fix, severity: worst(contentType.concat(body)) };
}

/** A body that differs from the contract's TwiML: the validator's findings about the body, as `check` reports them. */
export function bodyFix(message: string, context: MismatchContext): Fix {
  const child = /^Expected child <(Receive|Reject)\/?>/.exec(message)?.[1] as 'Receive' | 'Reject' | undefined;
  const other = child === 'Receive' ? 'Reject' : 'Receive';
  if (child !== undefined && context.verb === other) return { hint: stateHint(child, other, context), severity: 'error', explains: [] };
  const problems = bodyProblems(context.verdict);
  if (problems.length === 0) return { hint: GENERIC_BODY_HINT, severity: 'error', explains: [] };
  // The consequences of the causes (no fax verb left after a skipped one) are reported with them.
  const consequences = context.verdict.filter((d) => isConsequence(d) && !problems.includes(d));
  return { ...fixFrom(problems), explains: [...problems, ...consequences] };
}

/** `<Receive>` lacks attributes the contract names: add them, or generate the contract without them. */
export function missingAttributesFix(missing: ReadonlyArray<{ readonly name: string; readonly example: string }>): Fix {
  const add = missing.map((a) => `${a.name}="${a.example}"`).join(' ');
  const names = missing.map((a) => a.name);
  const unnamed = names.filter((name) => name !== 'action');
  const regenerate = names.includes('action')
    ? 'or, if the server wants no action callback, generate the contract without --callback-path'
    : `or generate the contract without ${unnamed.join(', ')} in --receive-attributes (Twilio requires none of them)`;
  return { hint: `add ${add} to <Receive>, ${regenerate}`, severity: 'error', explains: [] };
}

/** The app answered the other verb: the provider state did not reach it, or it does not act on it. */
function stateHint(expected: 'Receive' | 'Reject', answered: 'Receive' | 'Reject', context: MismatchContext): string {
  const state = context.state ?? (expected === 'Reject' ? FAX_PACT_STATES.rejects : FAX_PACT_STATES.accepts);
  if (context.stateSetup === 'none') {
    return `the contract expects <${expected}/> under provider state '${state}', but no --state-url was given, so the server was never told and answered <${answered}>: give --state-url, an endpoint that takes Pact's POST { state, params, action } and sets that state up`;
  }
  return `under provider state '${state}' the server answered <${answered}>, not <${expected}/>: make its state endpoint set this state up (Pact POSTs { state: '${state}', action: 'setup' } before the request) and the webhook answer from it`;
}

/** The validator's findings about the body itself (not its Content-Type): errors, root causes first; else warnings. */
function bodyProblems(verdict: readonly Diagnostic[]): Diagnostic[] {
  const body = verdict.filter((d) => !TRANSPORT_CHECKS.has(d.check) && d.check !== 'content-type');
  const errors = body.filter((d) => d.severity === 'error');
  // "No fax verb" follows from a verb Twilio skipped (a lowercase <receive>): the skipped verb is what to fix.
  if (errors.length > 0) return [...rootCauses(errors)];
  // A value Twilio only warns about (pageSize="A4": it uses the default) is still what the contract caught.
  return body.filter((d) => d.severity === 'warning');
}
