import type { Exchange, HttpMethod, WebhookRequest } from '../model/exchange.js';
import { asNewFax } from './conversation/fresh-ids.js';
import { findSignatureMistake } from './signatures/find-signature-mistake.js';
import { signedContentOf } from './signatures/signed-content.js';
import { SIGNATURE_PROBES, type SignatureProbe } from './signatures/tricky-values.js';
import { exchangeOutcome, twilioErrorOf } from './verdicts/exchange-outcome.js';
import { refusalOf } from './hints/refusal-hint.js';
import { frameworkOf } from './hints/server-framework.js';
import { judged, notJudged, type Check, type CheckContext, type CheckIssue } from './check-api/types.js';

export const NEEDS_AUTH_TOKEN = 'needs --auth-token or TWILIO_AUTH_TOKEN';

const GENERIC_HINT =
  'validate with the exact URL Twilio requested (the public URL, query string and port included, not one rebuilt from the Host header) and the form parameters as decoded by a real form decoder; check that the server uses the same auth token as --auth-token';

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
 * `signature-accepted`: correctly signed requests are accepted, including the values that broke real validators (a
 * SIP From by GET, an apostrophe, non-ASCII) and an https URL's port, by each method the number uses. When one is
 * refused over its signature, the check finds out what the server signs instead and names the mistake. A probe that
 * fails for another reason (a GET answered 405, a 500 on a SIP caller, HTTP authentication) is another check's
 * finding, and judges nothing here.
 */
export const signatureAcceptedCheck: Check = {
  id: 'signature-accepted',
  title: 'correctly signed requests are accepted',
  scope: 'run',
  skipReason: (config) => (config.hasAuthToken ? undefined : NEEDS_AUTH_TOKEN),
  async run(context) {
    const base = exchangeOutcome(context.exchange, context.config.profile);
    if (!base.ok) {
      if (refusalOf(context.exchange) === 'signature') return judged([await baseIssue(context)]);
      return notJudged(`the base request failed for a reason other than its signature (${base.description}; see status-code)`);
    }
    const issues: CheckIssue[] = [];
    const unjudged: string[] = [];
    let judgedProbes = 0;
    for (const method of methodsOf(context)) {
      for (const probe of SIGNATURE_PROBES) {
        const request = probeRequest(context, probe, method);
        if (!request) continue;
        const result: ProbeResult = { probe, method, request, exchange: await context.send(request) };
        const outcome = exchangeOutcome(result.exchange, context.config.profile);
        if (outcome.ok) {
          judgedProbes += 1;
          continue;
        }
        // Only a refusal over the signature is this check's to judge; anything else is the finding of the check that
        // owns it (get-post for a 405 by GET, sip-addresses for a 500 on a SIP caller, status-code for HTTP auth).
        if (outcome.kind === 'aborted' || refusalOf(result.exchange) !== 'signature') {
          unjudged.push(`${describe(result)}: ${outcome.description}`);
          continue;
        }
        judgedProbes += 1;
        const issue = await probeIssue(context, result);
        if (!issues.some((known) => known.diagnostic.code === issue.diagnostic.code && known.distinct === issue.distinct)) issues.push(issue);
      }
    }
    if (judgedProbes === 0) return notJudged(`no probe was answered or refused over its signature (${unjudged.join('; ')}); other checks report why`);
    return judged(issues);
  },
};

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
      message: `${opening}; Twilio's real faxes would be refused the same way`,
      hint: GENERIC_HINT,
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
  const diagnostic = mistake
    ? { code: mistake.code, severity: 'error' as const, ...twilioErrorOf(outcome), message: `${opening}: it ${mistake.behaviour}`, hint: mistake.hint(frameworkOf(exchange)) }
    : { code: 'signed_request_refused', severity: 'error' as const, ...twilioErrorOf(outcome), message: `${opening}; Twilio's real faxes would be refused the same way`, hint: GENERIC_HINT };
  return { exchange, diagnostic };
}
