import type { WebhookRequest } from '../../model/exchange.js';
import { exchangeOutcome } from '../verdicts/exchange-outcome.js';
import type { CheckContext } from '../check-api/types.js';
import { SIGNATURE_MISTAKES, type SignatureMistake } from './signature-mistakes.js';
import { receivedContentOf, signedContentOf } from './signed-content.js';

/**
 * Finds out how a server that refused the correctly signed `request` computes signatures: sends the request again,
 * each time signed the way a known mistake would, and returns the first mistake whose signature it accepts. Needs
 * the run's signing capability (`context.sign`); without it, or when no known mistake fits, undefined.
 */
export async function findSignatureMistake(context: CheckContext, request: WebhookRequest): Promise<SignatureMistake | undefined> {
  const sign = context.sign;
  if (!sign) return undefined;
  const signed = signedContentOf(request);
  const received = receivedContentOf(request);
  for (const mistake of SIGNATURE_MISTAKES) {
    const misread = mistake.misread(received, request.method, signed);
    if (!misread) continue;
    const probe = await context.send({ ...request, signature: sign(misread.url, misread.params) });
    if (exchangeOutcome(probe, context.config.profile).ok) return mistake;
  }
  return undefined;
}
