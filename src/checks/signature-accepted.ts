import type { Exchange, HttpMethod, WebhookRequest } from '../model/exchange.js';
import { asNewFax } from './conversation/fresh-ids.js';
import { findSignatureMistake } from './signatures/find-signature-mistake.js';
import { signedContentOf } from './signatures/signed-content.js';
import { SIGNATURE_PROBES, type SignatureProbe } from './signatures/tricky-values.js';
import { exchangeOutcome, twilioErrorOf } from './verdicts/exchange-outcome.js';
import { refusedOverSignature, whyNotJudged } from './hints/failure-owner.js';
import { refusalOf } from './hints/refusal-hint.js';
import { frameworkOf } from './hints/server-framework.js';
import { otherProfileHint, profileTheServerFits } from './hints/other-profile-hint.js';
import { TWILIO_PROFILE, type FaxProfile } from '../protocol/profile.js';
import { judged, notJudged, RUN_SCOPE_CASE_ID, type Check, type CheckContext, type CheckIssue } from './check-api/types.js';

/** Why the signature checks are skipped without a key, naming where the profile reads one: "needs --auth-token or TWILIO_AUTH_TOKEN". */
export function needsKey(profile: Pick<FaxProfile, 'signature'>): string {
  return `needs ${['--auth-token', ...profile.signature.keyVariables].join(' or ')}`;
}

/** The skip reason under Twilio's profile, as the reference shows it. */
export const NEEDS_AUTH_TOKEN = needsKey(TWILIO_PROFILE);

/** What to check when a correctly signed request is refused for no cause the kit can name, in the profile's words. */
function genericHint(profile: FaxProfile): string {
  const { service, signature } = profile;
  return `validate with the exact URL ${service} requested (the public URL, query string and port included, not one rebuilt from the Host header) and the form parameters as decoded by a real form decoder; check that the server uses the same ${signature.keyName} as the kit (${['--auth-token', ...signature.keyVariables].join(' or ')})`;
}

const PORT_HINT =
  "accept the signature over the URL with and without its port: Twilio's security notes say it drops the port of an https URL before signing, yet requests were also seen signed with it (twilio-node's validateRequest tries both)";

/** One probe as sent: what it is, the request, and what came back. */
interface ProbeResult {
  readonly probe: SignatureProbe;
  readonly method: HttpMethod;
  readonly request: WebhookRequest;
  readonly exchange: Exchange;
}

/**
 * `signature-accepted`: correctly signed requests are accepted: every case's base request, and, once per run on the
 * first example case, probes with the values that broke real validators (a SIP From by GET, an apostrophe,
 * non-ASCII) and an https URL's port, by each method the number uses. When one is refused over its signature, the
 * check finds out what the server signs instead and names the mistake. A probe that fails for another reason (a 500
 * on a SIP caller, HTTP authentication) is another check's finding, and judges nothing here; so do the probes of a
 * method whose plain request is refused whatever it carries (get-post's finding).
 */
export const signatureAcceptedCheck: Check = {
  id: 'signature-accepted',
  title: 'correctly signed requests are accepted',
  // Status callbacks were signed as the fax URL's requests were: the same logic judges them.
  endpoints: ['webhook', 'fallback', 'status-callback'],
  // Every case: each base request is a correctly signed request, and one refused over its signature is this check's
  // finding, never status-code's. The probes go out once per run, on the first example case.
  scope: 'case',
  skipReason: (config) => (config.hasAuthToken ? undefined : needsKey(config.profile)),
  async run(context) {
    if (refusedOverSignature(context.exchange, context.config)) return judged([await baseIssue(context)]);
    const failed = whyNotJudged(context.exchange, context.config);
    if (failed) return notJudged(failed);
    // The base request was accepted: a correctly signed request of this case passed.
    if (context.case.id !== RUN_SCOPE_CASE_ID) return judged();
    const issues: CheckIssue[] = [];
    for (const method of methodsOf(context)) {
      // A method refused whatever it carries leaves its probes nothing to judge: get-post reports it.
      if (!(await answersMethod(context, method))) continue;
      for (const probe of SIGNATURE_PROBES) {
        const request = probeRequest(context, probe, method);
        if (!request) continue;
        const result: ProbeResult = { probe, method, request, exchange: await context.send(request) };
        const outcome = exchangeOutcome(result.exchange, context.config.profile);
        if (outcome.ok) continue;
        // Only a refusal over the signature is this check's to judge; anything else is the finding of the check that
        // owns it (sip-addresses for a 500 on a SIP caller, status-code for HTTP auth, response-time for a timeout).
        if (outcome.kind === 'aborted' || refusalOf(result.exchange) !== 'signature') continue;
        const issue = await probeIssue(context, result);
        if (!issues.some((known) => known.diagnostic.code === issue.diagnostic.code && known.distinct === issue.distinct)) issues.push(issue);
      }
    }
    // The base request was accepted: judged, even when every probe was left to another check.
    return judged(issues);
  },
};

/**
 * Whether the server answers the case's own request by `method`, plainly and correctly signed (the base request
 * itself when it is that method). When it refuses it, whatever the status, the probes by that method would be
 * refused whatever they carry: get-post reports that (naming the signature mistake when there is one).
 */
async function answersMethod(context: CheckContext, method: HttpMethod): Promise<boolean> {
  if (method === context.request.method) return true;
  return exchangeOutcome(await context.send({ ...context.request, method }), context.config.profile).ok;
}

function methodsOf(context: CheckContext): HttpMethod[] {
  const { method } = context.config;
  return method === 'both' ? ['POST', 'GET'] : [method];
}

/** The probe's request, or undefined when it does not apply to this webhook URL (a port probe without a port). */
function probeRequest(context: CheckContext, probe: SignatureProbe, method: HttpMethod): WebhookRequest | undefined {
  const { profile } = context.config;
  const { names } = profile.parameters;
  const changes: Record<string, string> = {};
  if (probe.From !== undefined) changes[names.from] = probe.From;
  if (probe.To !== undefined) changes[names.to] = probe.To;
  const request: WebhookRequest = { method, url: context.request.url, params: asNewFax(context.request.params, context.random, profile, changes) };
  if (!probe.signedWithoutPort) return request;
  const signed = signedContentOf(request);
  const portless = withoutHttpsPort(signed.url);
  if (portless === undefined || !context.sign) return undefined;
  return { ...request, signature: context.sign(portless, signed.params) };
}

/** The https URL without its explicit port (the rest byte for byte), or undefined when it is not https or has none. */
function withoutHttpsPort(url: string): string | undefined {
  const authorityPort = /^(https:\/\/[^/?#]*?):\d+(?=[/?#]|$)/i;
  return authorityPort.test(url) ? url.replace(authorityPort, '$1') : undefined;
}

function describe(result: ProbeResult): string {
  return `${result.probe.label}, by ${result.method}`;
}

async function probeIssue(context: CheckContext, result: ProbeResult): Promise<CheckIssue> {
  const { exchange, probe } = result;
  const outcome = exchangeOutcome(exchange, context.config.profile);
  const opening = `the server refused a correctly signed request (${describe(result)}; ${outcome.description})`;
  const label = describe(result);
  if (probe.signedWithoutPort) {
    return {
      exchange,
      label,
      diagnostic: {
        code: 'signature_port_variant_refused',
        severity: 'error',
        ...twilioErrorOf(outcome),
        message: `${opening}: it validates only the URL with its port, while Twilio signed https requests without it`,
        hint: PORT_HINT,
      },
    };
  }
  const mistake = await findSignatureMistake(context, result.request);
  if (mistake) {
    return {
      exchange,
      label,
      diagnostic: { code: mistake.code, severity: 'error', ...twilioErrorOf(outcome), message: `${opening}: it ${mistake.behaviour}`, hint: mistake.hint(frameworkOf(exchange)) },
    };
  }
  return {
    exchange,
    label,
    // Two probes refused for no cause the kit can name may have two causes: each is its own finding.
    distinct: `${probe.id}/${result.method}`,
    diagnostic: {
      code: 'signed_request_refused',
      severity: 'error',
      ...twilioErrorOf(outcome),
      message: `${opening}; ${context.config.profile.service}'s real faxes would be refused the same way`,
      hint: genericHint(context.config.profile),
    },
  };
}

/** The case's own base request, refused over its signature. */
async function baseIssue(context: CheckContext): Promise<CheckIssue> {
  const { exchange, request } = context;
  const outcome = exchangeOutcome(exchange, context.config.profile);
  const opening = `the server refused a correctly signed request (the base request of this case; ${outcome.description})`;
  // Twilio logs a refusal like any other error status (11200): the real fax fails the same way.
  const mistake = await findSignatureMistake(context, request);
  if (mistake) {
    return { exchange, diagnostic: { code: mistake.code, severity: 'error', ...twilioErrorOf(outcome), message: `${opening}: it ${mistake.behaviour}`, hint: mistake.hint(frameworkOf(exchange)) } };
  }
  // An app written for another service refuses this one's requests: the kit asks it the way that service would.
  const fits = await profileTheServerFits(request, context);
  const { service } = context.config.profile;
  const diagnostic = fits
    ? { code: 'signed_request_refused', severity: 'error' as const, ...twilioErrorOf(outcome), message: `${opening}, while it accepts the same fax as ${fits.service} sends it: ${service}'s real faxes would be refused`, hint: otherProfileHint(fits) }
    : { code: 'signed_request_refused', severity: 'error' as const, ...twilioErrorOf(outcome), message: `${opening}; ${service}'s real faxes would be refused the same way`, hint: genericHint(context.config.profile) };
  return { exchange, diagnostic };
}
