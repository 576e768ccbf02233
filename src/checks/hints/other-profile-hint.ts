import { ID_HEX_DIGITS, idFromHex, type IdShape } from '../../protocol/ids.js';
import { PROFILES } from '../../protocol/profiles.js';
import type { FaxProfile } from '../../protocol/profile.js';
import { signatureHeaders } from '../../protocol/signature-scheme.js';
import type { WebhookRequest } from '../../model/exchange.js';
import { asNewFax } from '../conversation/fresh-ids.js';
import { signedContentOf } from '../signatures/signed-content.js';
import { exchangeOutcome } from '../verdicts/exchange-outcome.js';
import type { CheckContext } from '../check-api/types.js';

/** An id of this shape as a hint says it: `FX…`, `UUID`. */
function idShown(shape: IdShape): string {
  return shape.kind === 'sid' ? `${shape.prefix}…` : 'UUID';
}

/**
 * `request` (a refused one) as `other` would have sent it: a new fax with `other`'s ids and `ApiVersion`, signed under
 * each of `other`'s signature headers when the run has a token and the two services sign alike (the sender adds the
 * run's own headers as well, as SignalWire sends Twilio's beside its own). Undefined when `other` signs differently.
 */
function asSentBy(other: FaxProfile, request: WebhookRequest, context: Pick<CheckContext, 'config' | 'random' | 'sign'>): WebhookRequest | undefined {
  const { profile } = context.config;
  const { names, accountSid, apiVersion } = other.parameters;
  const params = asNewFax(request.params, context.random, other, {
    [names.accountSid]: idFromHex(accountSid, context.random.hex(ID_HEX_DIGITS / 2)),
    [names.apiVersion]: apiVersion,
  });
  const asOther: WebhookRequest = { ...request, params };
  if (!context.sign) return asOther;
  if (other.signature.hmac !== profile.signature.hmac) return undefined;
  const signed = signedContentOf(asOther);
  const signature = context.sign(signed.url, signed.params);
  return { ...asOther, headers: { ...request.headers, ...Object.fromEntries(signatureHeaders(other.signature).map((header) => [header, signature])) } };
}

/**
 * For a request the server refused: the other fax service whose request for the same fax it accepts, found by
 * sending it as each other profile sends it (its ids, its signature headers), or undefined when none is accepted.
 * One request per other profile, only on a refusal, so that a hint names another service only when the server
 * showed it was written for it.
 */
export async function profileTheServerFits(request: WebhookRequest, context: Pick<CheckContext, 'config' | 'random' | 'sign' | 'send'>): Promise<FaxProfile | undefined> {
  for (const other of PROFILES) {
    if (other === context.config.profile) continue;
    const probe = asSentBy(other, request, context);
    if (probe === undefined) continue;
    if (exchangeOutcome(await context.send(probe), context.config.profile).ok) return other;
  }
  return undefined;
}

/**
 * What a refusal comes to when the server accepted the same fax as `other` sends it: "the server accepts the same fax
 * as SignalWire sends it (UUID ids, X-SignalWire-Signature): it is written for SignalWire; run with --profile
 * signalwire", built from the profiles' data.
 */
export function otherProfileHint(other: FaxProfile): string {
  return `the server accepts the same fax as ${other.service} sends it (${idShown(other.parameters.faxSid)} ids, ${other.signature.header}): it is written for ${other.service}; run with --profile ${other.id}`;
}
