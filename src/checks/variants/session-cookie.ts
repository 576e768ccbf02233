import type { Exchange, WebhookRequest } from '../../model/exchange.js';
import { exchangeOutcome } from '../verdicts/exchange-outcome.js';
import type { CheckContext } from '../check-api/types.js';

/**
 * True when `variant` failed only for want of the session cookie the server set on `reference`: sent again with
 * that cookie, it works. The kit's variants carry no cookies, but Twilio sends a (From, To) pair's cookies back for
 * 4 hours, so such a failure is no defect of the variant: a server that needs its session is the `cookies` check's
 * finding (after 4 hours Twilio forgets the cookies).
 */
export async function failsOnlyWithoutSession(context: CheckContext, reference: Exchange, variant: WebhookRequest): Promise<boolean> {
  const cookie = cookieHeaderFrom(reference);
  if (cookie === undefined || Object.keys(variant.headers ?? {}).some((name) => name.toLowerCase() === 'cookie')) return false;
  const withCookie = await context.send({ ...variant, headers: { ...variant.headers, Cookie: cookie } });
  return exchangeOutcome(withCookie, context.config.profile).ok;
}

/** The `Cookie` header a client would send back after `exchange`, or undefined when it set none. */
function cookieHeaderFrom(exchange: Exchange): string | undefined {
  const pairs = exchange.hops
    .flatMap((hop) => hop.response?.setCookies ?? [])
    .map((setCookie) => (setCookie.split(';', 1)[0] ?? '').trim())
    .filter((pair) => pair.includes('=') && !pair.startsWith('='));
  return pairs.length > 0 ? pairs.join('; ') : undefined;
}
