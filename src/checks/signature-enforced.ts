import { stripCredentials } from '../secrets/url-credentials.js';
import type { FaxProfile } from '../protocol/profile.js';
import { signRequest } from '../signature/sign.js';
import type { WebhookRequest } from '../model/exchange.js';
import { asNewFax, freshCaller, paramOf, withParams } from './conversation/fresh-ids.js';
import { signedContentOf } from './signatures/signed-content.js';
import { ABORTED, exchangeOutcome } from './verdicts/exchange-outcome.js';
import { needsKey } from './signature-accepted.js';
import { whyNotJudged } from './hints/failure-owner.js';
import { judged, notJudged, type Check, type CheckContext, type CheckIssue } from './check-api/types.js';

/** A key no account has: a signature made with it is what a forger without the auth token can produce. */
const FORGER_TOKEN = 'twiml-fax-kit-forger-0000000000';

function hintFor({ signature }: FaxProfile): string {
  return `validate ${signature.header} on every request with ${signature.validators} over the public URL and the decoded parameters, and answer 403 when it does not match`;
}

/** One forged request and how to describe the server accepting it. */
interface Forgery {
  readonly code: string;
  /** "the server accepted …" */
  readonly accepted: string;
  /** Why that means the signature is not (fully) checked. */
  readonly meaning: string;
  readonly request: WebhookRequest;
}

/**
 * `signature-enforced`: forged requests are refused: no signature, a signature made with another token, a
 * parameter changed after signing, a signature made for another URL. A 2xx to any of them is a security error: the
 * server would act on faxes anyone can forge. The finding's curl line carries the forged signature.
 */
export const signatureEnforcedCheck: Check = {
  id: 'signature-enforced',
  title: 'forged or unsigned requests are refused',
  // Status callbacks were signed as the fax URL's requests were: the same logic judges them.
  endpoints: ['webhook', 'fallback', 'status-callback'],
  scope: 'run',
  skipReason: (config) => (config.hasAuthToken ? undefined : needsKey(config.profile)),
  async run(context) {
    // Without a working base request, a refused forgery proves nothing; the failure is reported elsewhere.
    const failed = whyNotJudged(context.exchange, context.config);
    if (failed) return notJudged(failed);
    const { control, forgeries } = forgeriesFor(context);
    // The forgeries are new faxes: a server that refuses a new fax even when it is correctly signed would refuse
    // them for that reason, and their refusal would prove nothing about signatures.
    const controlOutcome = exchangeOutcome(await context.send(control), context.config.profile);
    if (!controlOutcome.ok) return notJudged(`a new fax, correctly signed, is not accepted either (${controlOutcome.description}): refused forgeries would prove nothing`);
    const issues: CheckIssue[] = [];
    let refused = 0;
    for (const forgery of forgeries) {
      const exchange = await context.send(forgery.request);
      const outcome = exchangeOutcome(exchange, context.config.profile);
      if (outcome.kind === 'aborted') continue;
      if (!outcome.ok) {
        refused += 1;
        continue;
      }
      issues.push({
        exchange,
        label: forgery.accepted,
        diagnostic: {
          code: forgery.code,
          severity: 'error',
          message: `the server accepted ${forgery.accepted} (${outcome.description}): ${forgery.meaning}`,
          hint: hintFor(context.config.profile),
        },
      });
      // A server that takes unsigned requests takes every forgery: one finding says it all.
      if (forgery.code === 'unsigned_request_accepted') break;
    }
    return issues.length === 0 && refused === 0 ? notJudged(ABORTED) : judged(issues);
  },
};

/** A correctly signed new fax (the control) and the forged requests, each a new fax of its own. */
function forgeriesFor(context: CheckContext): { control: WebhookRequest; forgeries: Forgery[] } {
  const { profile } = context.config;
  const { header } = profile.signature;
  const { names } = profile.parameters;
  const newFax = (): WebhookRequest => ({ method: context.request.method, url: context.request.url, params: asNewFax(context.request.params, context.random, profile) });
  const control = newFax();
  const [unsigned, otherToken, otherUrl] = [newFax(), newFax(), newFax()];
  const signedWith = (request: WebhookRequest, authToken: string): string => {
    const signed = signedContentOf(request);
    return signRequest(profile.signature, { authToken, url: signed.url, ...(signed.params && { params: signed.params }) });
  };
  const forgeries: Forgery[] = [
    {
      code: 'unsigned_request_accepted',
      accepted: `a request with no ${header}`,
      meaning: `it does not check the signature at all, so anyone who finds the URL can ${context.config.endpoint === 'status-callback' ? 'tell it that any fax was delivered or failed' : 'send it faxes'}`,
      request: { ...unsigned, signature: false },
    },
    {
      code: 'wrong_token_accepted',
      accepted: 'a request signed with another auth token',
      meaning: `it checks that ${header} is present, not that it is valid`,
      request: { ...otherToken, signature: signedWith(otherToken, FORGER_TOKEN) },
    },
  ];
  // A captured request replayed with another From, under the signature the server has already accepted for it.
  const captured = context.exchange.hops[0]?.request.headers[header];
  const from = paramOf(context.request.params, names.from) ?? '';
  let forgedFrom = freshCaller(context.random);
  if (forgedFrom === from) forgedFrom = freshCaller(context.random);
  if (captured !== undefined) {
    forgeries.push({
      code: 'tampered_params_accepted',
      accepted: `a request whose ${names.from} was changed after signing (${from} signed, ${forgedFrom} sent)`,
      meaning: `it leaves the ${context.request.method === 'POST' ? 'form parameters' : 'query string'} out of the signature it checks (or trusts a signature it has seen before), so a captured request can be replayed with other values`,
      request: { ...context.request, params: withParams(context.request.params, { [names.from]: forgedFrom }), signature: captured },
    });
  }
  const sign = context.sign;
  if (sign) {
    const signed = signedContentOf(otherUrl);
    forgeries.push({
      code: 'other_url_signature_accepted',
      accepted: `a request signed for another URL (${stripCredentials(elsewhere(signed.url))})`,
      meaning: 'it does not compare the signature with its own URL, so a signature made for any other webhook is good enough',
      request: { ...otherUrl, signature: sign(elsewhere(signed.url), signed.params) },
    });
  }
  return { control, forgeries };
}

/** The same URL on another path: what a signature for a different webhook of the same account covers. */
function elsewhere(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i, '$1/another-webhook');
}
