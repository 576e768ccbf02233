import { setCookieViolation } from '../../sender/set-cookie-violation.js';
import type { Exchange } from '../../model/exchange.js';

/**
 * Why the sender failed `exchange` over a `Set-Cookie` Twilio rejects (11206), or undefined. The sender keeps the
 * reply on the exchange's last hop, so the cookie can be named even though the exchange counts as failed.
 */
export function rejectedSetCookie(exchange: Exchange): string | undefined {
  if (exchange.failure?.kind !== 'protocol') return undefined;
  const setCookies = exchange.hops.at(-1)?.response?.setCookies ?? [];
  return setCookies.map(setCookieViolation).find((violation) => violation !== undefined);
}
