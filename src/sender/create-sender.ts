import { TWILIO_PROFILE, type FaxProfile } from '../protocol/profile.js';
import { EXPIRED, startDeadline, type Deadline } from './deadline.js';
import { appendQuery, encodeParams } from './encode-params.js';
import { transportFailure } from './failures.js';
import { authorizationFor } from './http-auth.js';
import { messageOf } from './message-of.js';
import { networkTransport } from './network-transport.js';
import { idempotencyTokenFor, prepareHop, type ExchangeContext, type PlannedRequest } from './prepare-hop.js';
import { ContentDecodingError, readLimitedBody } from './read-body.js';
import { followRedirect, isFailure, isRedirectStatus } from './redirects.js';
import { setCookieViolation } from './set-cookie-violation.js';
import { isTransportError, TransportFailureError, type Transport, type TransportRequest } from './transport.js';
import type { Exchange, Hop, HttpSender, ReceivedResponse, TransportFailure, WebhookRequest } from './types.js';
import { credentialsOf, stripCredentials } from './url-credentials.js';

/** How a sender behaves; everything has Twilio's default. */
export interface SenderOptions {
  /** The fax service to play; default Twilio. */
  readonly profile?: FaxProfile;
  /** When set, every request carries `X-Twilio-Signature`, recomputed for each URL requested. Never reported. */
  readonly authToken?: string;
  /** Total time per exchange in ms; default the profile's. A connect attempt never waits longer than this either. */
  readonly timeoutMs?: number;
  /** Accept any TLS certificate (self-signed, expired, other host): for local servers only. */
  readonly insecure?: boolean;
  /** Where requests go; default `networkTransport()`. `inProcessTransport(app.fetch)` needs no port. `close()` closes it. */
  readonly transport?: Transport;
}

/**
 * A sender that delivers webhook requests exactly as Twilio's fax service does: encoding, headers, signature,
 * redirects, URL credentials, timeouts and the body limit. `send` never rejects; every failure is an `Exchange`
 * with `failure`. Call `close()` when done to release connections.
 *
 * @example
 * const sender = createSender({ authToken: 'secret', transport: inProcessTransport(app.fetch) });
 * const exchange = await sender.send({ method: 'POST', url: 'https://app.example/fax', params });
 */
export function createSender(options: SenderOptions = {}): HttpSender {
  const behaviour = (options.profile ?? TWILIO_PROFILE).sender;
  const timeoutMs = options.timeoutMs ?? behaviour.totalTimeoutMs;
  const transport = options.transport ?? networkTransport();
  const connectTimeoutMs = Math.min(behaviour.connectTimeoutMs, timeoutMs);

  async function deliver(webhook: WebhookRequest, deadline: Deadline, hops: Hop[]): Promise<PlannedOutcome> {
    const context: ExchangeContext = {
      behaviour,
      webhook,
      idempotencyToken: idempotencyTokenFor(webhook),
      ...(options.authToken !== undefined && { authToken: options.authToken }),
    };
    let planned = firstRequest(webhook);
    let authorization: string | undefined;
    let connectAttempts = 0;
    let redirects = 0;
    for (;;) {
      const { sent, body } = prepareHop(planned, context, authorization);
      const started = performance.now();
      const outcome = await performHop(
        {
          method: sent.method,
          url: sent.url,
          headers: sent.headers,
          ...(body && { body }),
          signal: deadline.signal,
          connectTimeoutMs,
          insecure: options.insecure ?? false,
        },
        deadline,
      );
      hops.push({ request: sent, ...outcome, durationMs: performance.now() - started });

      if (outcome.failure) {
        connectAttempts += 1;
        const retry = outcome.failure.kind === 'connect-timeout' && connectAttempts < behaviour.connectAttempts;
        if (retry && !deadline.expired) continue;
        return { planned, failure: outcome.failure };
      }
      const { response } = outcome;
      connectAttempts = 0;
      const badCookie = response.setCookies.map(setCookieViolation).find((violation) => violation !== undefined);
      if (badCookie) return { planned, failure: transportFailure('protocol', badCookie) };

      const credentials = credentialsOf(planned.url);
      const challenge = response.headers['www-authenticate'];
      if (response.status === 401 && credentials && challenge && authorization === undefined) {
        authorization = authorizationFor({ method: planned.method, url: sent.url, wwwAuthenticate: challenge, credentials });
        if (authorization !== undefined) continue;
      }
      if (!isRedirectStatus(response.status)) return { planned, response };

      redirects += 1;
      if (redirects > behaviour.maxRedirects) {
        return {
          planned,
          failure: transportFailure('too-many-redirects', `more than ${behaviour.maxRedirects} redirects`),
        };
      }
      const next = followRedirect(planned, response.status, response.headers.location, behaviour);
      if (isFailure(next)) return { planned, failure: next };
      planned = next;
      authorization = undefined;
    }
  }

  async function performHop(request: TransportRequest, deadline: Deadline): Promise<HopOutcome> {
    const timedOut = (): HopOutcome => ({ failure: transportFailure('timeout', `no complete reply within ${timeoutMs} ms`) });
    const performing = transport.perform(request);
    const reply = await deadline.race(performing);
    if (reply === EXPIRED) {
      // A transport that ignored the abort may still answer; nobody will read that reply.
      void performing.then((late) => isTransportError(late) || late.discard());
      return timedOut();
    }
    if (isTransportError(reply)) {
      return deadline.expired ? timedOut() : { failure: transportFailure(reply.kind, reply.message) };
    }
    try {
      const read = await deadline.race(readLimitedBody(reply.body, reply.headers['content-encoding'], behaviour.maxBodyBytes));
      if (read === EXPIRED) return timedOut();
      const response: ReceivedResponse = {
        status: reply.status,
        headers: reply.headers,
        setCookies: reply.setCookies,
        body: read.body,
        truncated: read.truncated,
      };
      return { response };
    } catch (error) {
      if (deadline.expired) return timedOut();
      if (error instanceof TransportFailureError) return { failure: transportFailure(error.failure.kind, error.failure.message) };
      if (error instanceof ContentDecodingError) return { failure: transportFailure('protocol', error.message) };
      return { failure: transportFailure('reset', `the reply body could not be read: ${messageOf(error)}`) };
    } finally {
      // Whatever is left (past the limit, after a failure) is never read.
      reply.discard();
    }
  }

  return {
    async send(webhook: WebhookRequest): Promise<Exchange> {
      const started = performance.now();
      const hops: Hop[] = [];
      const invalid = invalidUrl(webhook.url);
      if (invalid) return { hops, failure: invalid, durationMs: performance.now() - started, finalUrl: stripCredentials(webhook.url) };
      const deadline = startDeadline(timeoutMs);
      try {
        const outcome = await deliver(webhook, deadline, hops);
        const finalUrl = stripCredentials(outcome.planned.url);
        const durationMs = performance.now() - started;
        return outcome.failure ? { hops, failure: outcome.failure, durationMs, finalUrl } : { hops, response: outcome.response, durationMs, finalUrl };
      } catch (error) {
        // A defect of the kit, not of the server; still a value, so one bad case never stops a run.
        const failure = transportFailure('reset', `the sender failed unexpectedly: ${messageOf(error)}`);
        return { hops, failure, durationMs: performance.now() - started, finalUrl: stripCredentials(webhook.url) };
      } finally {
        deadline.stop();
      }
    },
    close: () => transport.close(),
  };
}

type HopOutcome = { response: ReceivedResponse; failure?: undefined } | { failure: TransportFailure; response?: undefined };
type PlannedOutcome = { planned: PlannedRequest } & HopOutcome;

function firstRequest(webhook: WebhookRequest): PlannedRequest {
  const encoded = webhook.encodedParams ?? encodeParams(webhook.params);
  return webhook.method === 'POST'
    ? { method: 'POST', url: webhook.url, body: encoded }
    : { method: 'GET', url: appendQuery(webhook.url, encoded) };
}

// Twilio refuses such URLs when the number is configured; 11210 (bad host name) is the closest code it has.
function invalidUrl(url: string): TransportFailure | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return transportFailure('dns', `not a URL: ${JSON.stringify(stripCredentials(url))}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return transportFailure('dns', `not an http(s) URL: ${JSON.stringify(stripCredentials(url))}`);
  }
  return undefined;
}
