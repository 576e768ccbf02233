import { TWILIO_PROFILE, type FaxProfile } from '../protocol/profile.js';
import { AddressRule } from './address-rule.js';
import { EXPIRED, startDeadline, type Deadline } from './deadline.js';
import { transportFailure as unstamped, withError } from './failures.js';
import { authorizationFor } from './http-auth.js';
import { messageOf } from './message-of.js';
import { networkTransport } from './network-transport.js';
import { firstRequest, type PlannedRequest } from './planned-request.js';
import { idempotencyTokenFor, prepareHop, type ExchangeContext } from './prepare-hop.js';
import { parseRawUrl } from './raw-url.js';
import { ContentDecodingError, readLimitedBody } from './read-body.js';
import { followRedirect, isFailure, isRedirectStatus } from './redirects.js';
import { setCookieViolation } from './set-cookie-violation.js';
import { isTransportError, TransportFailureError, type Transport, type TransportError, type TransportReply, type TransportRequest } from './transport.js';
import type { Exchange, Hop, HttpSender, ReceivedResponse, TransportFailure, TransportFailureKind, UrlCredentials, WebhookRequest } from '../model/exchange.js';
import { credentialsOf, stripCredentials } from '../secrets/url-credentials.js';

/** How a sender behaves; everything has Twilio's default. */
export interface SenderOptions {
  /** The fax service to play; default Twilio. */
  readonly profile?: FaxProfile;
  /**
   * The secret to sign with (Twilio's auth token): every request then carries the profile's signature headers
   * (`X-Twilio-Signature`), recomputed for each URL requested. Never reported.
   */
  readonly authToken?: string;
  /** Total time per exchange in ms; default the profile's. A connect attempt never waits longer than this either. */
  readonly timeoutMs?: number;
  /** Accept any TLS certificate (self-signed, expired, other host): for local servers only. */
  readonly insecure?: boolean;
  /** Where requests go; default `networkTransport()`. `inProcessTransport(app.fetch)` needs no port. `close()` closes it. */
  readonly transport?: Transport;
  /**
   * Stops the sender: every exchange in flight ends at once as `aborted` (no further hop or retry), and every later
   * `send` returns `aborted` without sending anything.
   */
  readonly signal?: AbortSignal;
  /**
   * The URL of the server under test; default the first URL sent. Requests reach public addresses and the target's
   * own kind of address (loopback for a server on this machine); a redirect or callback to any other loopback, private
   * or link-local address is refused (11205), as Twilio refuses them, and its reply is never read.
   */
  readonly target?: string;
  /** Let requests reach any address, private networks and link-local ones (169.254.169.254) included. */
  readonly allowPrivateAddresses?: boolean;
}

/** Connection failures Twilio retries until its connect attempts are used up (11201, 11202). */
const RETRIED_ON_CONNECT: ReadonlySet<TransportFailureKind> = new Set(['refused', 'connect-timeout', 'unreachable']);

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
  const profile = options.profile ?? TWILIO_PROFILE;
  const behaviour = profile.sender;
  // Every failure carries the error the profile maps its kind to.
  const transportFailure = (kind: TransportFailureKind, message: string): TransportFailure => withError(unstamped(kind, message), profile.errors);
  const stamped = (failure: TransportError): TransportFailure => withError(failure, profile.errors);
  const stoppedFailure = (): TransportFailure => transportFailure('aborted', 'the run was stopped before the reply came');
  const timeoutMs = options.timeoutMs ?? behaviour.totalTimeoutMs;
  const transport = options.transport ?? networkTransport();
  const connectTimeoutMs = Math.min(behaviour.connectTimeoutMs, timeoutMs);
  const addressRule = new AddressRule({
    ...(options.target !== undefined && { target: options.target }),
    allowPrivate: options.allowPrivateAddresses ?? false,
  });

  async function deliver(webhook: WebhookRequest, credentials: UrlCredentials | undefined, deadline: Deadline, hops: Hop[]): Promise<PlannedOutcome> {
    const context: ExchangeContext = {
      behaviour,
      signature: profile.signature,
      webhook,
      idempotencyToken: idempotencyTokenFor(webhook),
      ...(options.authToken !== undefined && { authToken: options.authToken }),
    };
    let planned = firstRequest(webhook);
    let authorization: string | undefined;
    let connectAttempts = 0;
    let redirects = 0;
    for (;;) {
      if (deadline.aborted) return { planned, failure: stoppedFailure() };
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
          maxHeaderBytes: behaviour.maxHeaderBytes,
          addressRule,
        },
        deadline,
      );
      hops.push({ request: sent, ...outcome, durationMs: performance.now() - started });

      if (outcome.failure) {
        if (!RETRIED_ON_CONNECT.has(outcome.failure.kind)) return { planned, failure: outcome.failure };
        connectAttempts += 1;
        if (connectAttempts < behaviour.connectAttempts && !deadline.expired && !deadline.aborted) continue;
        const attempts = connectAttempts === 1 ? '' : `, on all ${connectAttempts} attempts`;
        return { planned, failure: transportFailure(outcome.failure.kind, `${outcome.failure.message}${attempts}`) };
      }
      const { response } = outcome;
      connectAttempts = 0;
      const badCookie = response.setCookies.map(setCookieViolation).find((violation) => violation !== undefined);
      if (badCookie) return { planned, failure: transportFailure('protocol', badCookie) };

      // Twilio "remains logged in for the duration of the call": the call's credentials answer every challenge.
      const hopCredentials = credentialsOf(planned.url) ?? credentials;
      const challenge = response.headers['www-authenticate'];
      if (response.status === 401 && hopCredentials && challenge && authorization === undefined) {
        authorization = authorizationFor({ method: planned.method, url: sent.url, wwwAuthenticate: challenge, credentials: hopCredentials });
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
      if (isFailure(next)) return { planned, failure: stamped(next) };
      planned = next;
      authorization = undefined;
    }
  }

  async function performHop(request: TransportRequest, deadline: Deadline): Promise<HopOutcome> {
    const ended = (): HopOutcome =>
      deadline.aborted
        ? { failure: stoppedFailure() }
        : { failure: transportFailure('timeout', `no complete reply within ${timeoutMs} ms`) };
    const performing = transport.perform(request);
    const reply = await deadline.race(performing);
    if (reply === EXPIRED) {
      // A transport that ignored the abort may still answer; nobody will read that reply.
      void performing.then((late) => isTransportError(late) || late.discard());
      return ended();
    }
    if (isTransportError(reply)) {
      return deadline.expired || deadline.aborted ? ended() : { failure: transportFailure(reply.kind, reply.message) };
    }
    try {
      const headerBytes = headerBytesOf(reply);
      if (headerBytes > behaviour.maxHeaderBytes) {
        const kb = Math.round(behaviour.maxHeaderBytes / 1024);
        return { failure: transportFailure('headers-too-large', `the reply's status line and headers are larger than ${kb} KB, the most the kit reads (${headerBytes} bytes)`) };
      }
      const limits = { maxBytes: behaviour.maxBodyBytes, maxCodings: behaviour.maxContentCodings };
      const read = await deadline.race(readLimitedBody(reply.body, reply.headers['content-encoding'], limits));
      if (read === EXPIRED) return ended();
      const response: ReceivedResponse = {
        status: reply.status,
        headers: reply.headers,
        setCookies: reply.setCookies,
        body: read.body,
        truncated: read.truncated,
      };
      return { response };
    } catch (error) {
      if (deadline.expired || deadline.aborted) return ended();
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
      const credentials = credentialsOf(webhook.url) ?? webhook.credentials;
      const ended = (failure: TransportFailure): Exchange => ({
        hops,
        failure,
        durationMs: performance.now() - started,
        finalUrl: stripCredentials(webhook.url),
        ...(credentials && { credentials }),
      });
      if (options.signal?.aborted) return ended(stoppedFailure());
      const invalid = invalidUrl(webhook.url);
      if (invalid) return ended(stamped(invalid));
      addressRule.adoptTarget(webhook.url);
      const deadline = startDeadline(timeoutMs, options.signal);
      try {
        const outcome = await deliver(webhook, credentials, deadline, hops);
        const common = { hops, durationMs: performance.now() - started, finalUrl: stripCredentials(outcome.planned.url), ...(credentials && { credentials }) };
        return outcome.failure ? { ...common, failure: outcome.failure } : { ...common, response: outcome.response };
      } catch (error) {
        // A defect of the kit, not of the server; still a value, so one bad case never stops a run.
        return ended(transportFailure('reset', `the sender failed unexpectedly: ${messageOf(error)}`));
      } finally {
        deadline.stop();
      }
    },
    close: () => transport.close(),
  };
}

type HopOutcome = { response: ReceivedResponse; failure?: undefined } | { failure: TransportFailure; response?: undefined };
type PlannedOutcome = { planned: PlannedRequest } & HopOutcome;

// Twilio refuses such URLs when the number is configured: 11100 "Invalid URL format".
function invalidUrl(url: string): TransportError | undefined {
  if (parseRawUrl(url)) return undefined;
  const shown = JSON.stringify(stripCredentials(url));
  return unstamped('invalid-url', /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(url) && !/^https?:/i.test(url) ? `not an http(s) URL: ${shown}` : `not a URL: ${shown}`);
}

/** The size of a reply's head as received, near enough: each header line, and the status line. */
function headerBytesOf(reply: TransportReply): number {
  let size = 'HTTP/1.1 000 \r\n\r\n'.length;
  for (const [name, value] of Object.entries(reply.headers)) size += Buffer.byteLength(name) + Buffer.byteLength(value) + 4;
  for (const cookie of reply.setCookies) size += 'set-cookie: \r\n'.length + Buffer.byteLength(cookie);
  return size;
}
