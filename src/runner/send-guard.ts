import type { FaxProfile } from '../protocol/profile.js';
import { transportFailure, withError } from '../sender/failures.js';
import { stripCredentials } from '../secrets/url-credentials.js';
import type { Exchange, WebhookRequest } from '../model/exchange.js';

/**
 * Sends `request` unless one of `stops` is aborted, and stops waiting the moment one is: resolves with the exchange,
 * or with `undefined` when the request was cut (never sent, aborted by the sender, or still in flight when a stop
 * came). A cut exchange proves nothing about the server, so it must never become a finding. An exchange that ends
 * after a stop counts as cut too: stopping a started server resets the connections in flight, and those resets are
 * the kit's doing, not the server's defect.
 */
export async function sendUnlessStopped(
  send: (request: WebhookRequest) => Promise<Exchange>,
  request: WebhookRequest,
  stops: readonly AbortSignal[],
): Promise<Exchange | undefined> {
  const stopped = (): boolean => stops.some((signal) => signal.aborted);
  if (stopped()) return undefined;
  let forget: () => void = () => undefined;
  const cut = new Promise<undefined>((resolve) => {
    const onStop = (): void => resolve(undefined);
    for (const signal of stops) signal.addEventListener('abort', onStop, { once: true });
    forget = () => {
      for (const signal of stops) signal.removeEventListener('abort', onStop);
    };
  });
  try {
    // The sender never rejects; a request cut here ends on its own (the sender's signal or deadline), unobserved.
    const exchange = await Promise.race([send(request), cut]);
    if (exchange === undefined || exchange.failure?.kind === 'aborted' || stopped()) return undefined;
    return exchange;
  } finally {
    forget();
  }
}

/** What a check receives for a request the run cut: a failure of kind `aborted`, which no check may judge. */
export function cutExchange(request: WebhookRequest, profile: Pick<FaxProfile, 'errors'>): Exchange {
  return {
    hops: [],
    failure: withError(transportFailure('aborted', 'not sent: the run was stopped'), profile.errors),
    durationMs: 0,
    finalUrl: stripCredentials(request.url),
  };
}
