import type { Diagnostic } from '../model/diagnostic.js';
import type { TwilioErrorCode } from '../protocol/twilio-errors.js';
import { validateFaxTwiml } from '../twiml/index.js';
import type { ProxiedExchange } from './signing-proxy.js';
import { FAX_PACT_STATES } from './states.js';

/** What the kit knows about the interaction a mismatch belongs to. */
export interface MismatchContext {
  /** The provider state Pact set up for the interaction, if it has one. */
  readonly state?: string;
  /** How provider states reached the app: a `--state-url`, in-process handlers, or not at all. */
  readonly stateSetup: 'url' | 'handlers' | 'none';
  /** The request the app received (through the signing proxy). */
  readonly request?: ProxiedExchange['request'];
  /** The app's reply. */
  readonly response?: ProxiedExchange['response'];
}

/** What to change, and the Twilio error the mismatch would have been. */
export interface Fix {
  readonly hint?: string;
  readonly twilioError?: TwilioErrorCode;
}

const TWIML_CONTENT_TYPE_HINT = 'Answer TwiML with Content-Type: text/xml or application/xml; Twilio rejects any other type (error 12300).';
const GENERIC_BODY_HINT = 'Verb and attribute names and values are case-sensitive: <Receive>, <Reject/>, method="POST", pageSize="a4".';

/** A wrong `Content-Type`; when the body is not TwiML either, that is said too, so one fix does not hide the next. */
export function contentTypeFix(context: MismatchContext): Fix {
  const next = bodyProblems(context).map((d, index) => sentence(d, index > 0));
  return { twilioError: 12300, hint: [TWIML_CONTENT_TYPE_HINT, ...(next.length > 0 ? [`The body is not TwiML either: ${next.join(' ')}`] : [])].join(' ') };
}

/** A wrong status: what the status says about the app, from the request it refused. */
export function statusFix(status: number, context: MismatchContext): Fix {
  const twilioError = status >= 400 ? ({ twilioError: 11200 } as const) : {};
  const request = context.request;
  const target = request ? `${request.method} ${new URL(request.url).pathname}` : 'the request';
  const callback = request !== undefined && formParam(request, 'FaxStatus') !== undefined;
  const signed = request?.headers['x-twilio-signature'] !== undefined;
  // twilio.webhook() answers 400 to a request without the header, and 403 to a signature that does not match.
  if (!signed && request !== undefined && (status === 400 || status === 401 || status === 403)) {
    return { ...twilioError, hint: 'The request carried no X-Twilio-Signature, as no auth token was given, and your app refused it: pass --auth-token (or set TWILIO_AUTH_TOKEN) with the token your app validates with.' };
  }
  if (status === 401 || status === 403) {
    return { ...twilioError, hint: `Your app refused ${target} although its X-Twilio-Signature is valid for ${request?.url ?? 'the URL it was sent to'} with the auth token you gave: validate the signature against the URL the request arrived at (with twilio.webhook(), check its url, host and protocol options) and with that same token.` };
  }
  if (status === 404 || status === 405) {
    const flag = callback ? '--callback-path (your <Receive action>)' : '--webhook-path';
    const get = request?.method === 'GET' ? ' Twilio requests the webhook by GET when the number is configured for GET.' : '';
    return { ...twilioError, hint: `Your app has no route for ${target}: add it, or generate the contract with the ${flag} your app serves.${get}` };
  }
  if (status === 415) {
    return { ...twilioError, hint: `Your app refused ${target}'s body type: Twilio sends application/x-www-form-urlencoded; charset=UTF-8, and a GET with the parameters in the query.` };
  }
  if (status >= 500) {
    const failed = request !== undefined && formParam(request, 'FaxStatus') === 'failed'
      ? ' A failed fax\'s callback carries ErrorCode and ErrorMessage, and no NumPages, MediaUrl or RemoteStationId: handle their absence.'
      : '';
    return { ...twilioError, hint: `Your app failed with ${status} on ${target}; its log says why.${failed}` };
  }
  if (status >= 300 && status < 400) {
    return { hint: `Your app redirected ${target}: Pact's verifier does not follow redirects, so generate the contract for the path that answers.` };
  }
  return { ...twilioError, hint: 'Answer the fax webhook with 200 and TwiML, and an action callback with any 2xx.' };
}

/** A body that differs from the contract's TwiML: the kit's own validator says what Twilio would make of it. */
export function bodyFix(message: string, context: MismatchContext): Fix {
  const reply = context.response;
  if (reply === undefined) return { hint: GENERIC_BODY_HINT };
  const validation = validateFaxTwiml(reply.body, { contentType: reply.headers['content-type'] ?? null });

  const child = /^Expected child <(Receive|Reject)\/?>/.exec(message)?.[1] as 'Receive' | 'Reject' | undefined;
  const other = child === 'Receive' ? 'Reject' : 'Receive';
  if (child !== undefined && validation.verb === other) return { hint: stateHint(child, other, context) };

  const errors = bodyProblems(context, validation.diagnostics);
  // A value Twilio only warns about (pageSize="A4": it uses the default) is still what the contract caught.
  const problems = errors.length > 0 ? errors : validation.diagnostics.filter((d) => d.severity === 'warning' && d.check !== 'content-type');
  const first = problems[0];
  if (first === undefined) return { hint: GENERIC_BODY_HINT };
  return { hint: problems.map((d) => sentence(d)).join(' '), ...(first.twilioError !== undefined ? { twilioError: first.twilioError } : {}) };
}

/** `<Receive>` lacks attributes the contract names: add them, or generate the contract with the ones it has. */
export function missingAttributesFix(missing: ReadonlyArray<{ readonly name: string; readonly example: string }>, context: MismatchContext): Fix {
  const reply = context.response;
  const carried = reply ? Object.keys(validateFaxTwiml(reply.body, { contentType: reply.headers['content-type'] ?? null }).attributes) : [];
  const names = missing.map((a) => a.name);
  const add = missing.map((a) => `${a.name}="${a.example}"`).join(' ');
  const has = carried.length > 0 ? `carries ${carried.join(', ')} but not ${names.join(', ')}` : `carries no attributes, not ${names.join(', ')}`;
  return { hint: `Your <Receive> ${has}, which the contract names. Add them (e.g. ${add}), or generate the contract with --receive-attributes ${carried.length > 0 ? carried.join(',') : "''"} to name only the ones your app sends.` };
}

/** The app answered the other verb: the provider state did not reach it, or it does not act on it. */
function stateHint(expected: 'Receive' | 'Reject', answered: 'Receive' | 'Reject', context: MismatchContext): string {
  const state = context.state ?? (expected === 'Reject' ? FAX_PACT_STATES.rejects : FAX_PACT_STATES.accepts);
  if (context.stateSetup === 'none') {
    return `The contract expects <${expected}/> under provider state '${state}', but no --state-url was given, so your app was never told and answered <${answered}>: give --state-url, an endpoint of your app that takes Pact's POST { state, params, action } and sets that state up.`;
  }
  return `Under provider state '${state}' your app answered <${answered}>, not <${expected}/>: make its state endpoint set this state up (Pact POSTs { state: '${state}', action: 'setup' } before the request) and the webhook answer from it.`;
}

/** The validator's errors about the body itself (not its Content-Type), root causes first. */
function bodyProblems(context: MismatchContext, diagnostics?: readonly Diagnostic[]): Diagnostic[] {
  const reply = context.response;
  if (reply === undefined) return [];
  const all = diagnostics ?? validateFaxTwiml(reply.body, { contentType: reply.headers['content-type'] ?? null }).diagnostics;
  const errors = all.filter((d) => d.severity === 'error' && d.check !== 'content-type');
  // "No fax verb" follows from a verb Twilio skipped (a lowercase <receive>): the skipped verb is what to fix.
  const causes = errors.filter((d) => d.code !== 'no_fax_action');
  return causes.length > 0 ? causes : errors;
}

/**
 * A validator diagnostic as a sentence: what to do, then why. The hint (an imperative) may take a capital; the
 * message may not, as it often starts with a case-sensitive name (`pageSize="A4" ...`).
 */
function sentence(diagnostic: Diagnostic, capital = true): string {
  if (!diagnostic.hint) return `${diagnostic.message}.`;
  const hint = capital ? `${diagnostic.hint.charAt(0).toUpperCase()}${diagnostic.hint.slice(1)}` : diagnostic.hint;
  return `${hint} (${diagnostic.message}).`;
}

function formParam(request: NonNullable<MismatchContext['request']>, name: string): string | undefined {
  const query = new URL(request.url).searchParams.get(name);
  if (query !== null) return query;
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '')) return undefined;
  return new URLSearchParams(request.body.toString('utf8')).get(name) ?? undefined;
}
