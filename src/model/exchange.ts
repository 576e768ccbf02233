import type { TransportFailureKind } from '../protocol/error-mapping.js';
import type { TwilioErrorCode } from '../protocol/twilio-errors.js';

/** The HTTP methods a fax number can be configured to request its webhook with. */
export type HttpMethod = 'GET' | 'POST';

/** User name and password from a URL's user-info, percent-decoded. */
export interface UrlCredentials {
  readonly username: string;
  readonly password: string;
}

/** A list of form parameters in the order they are sent; names may repeat. */
export type FormParams = ReadonlyArray<readonly [name: string, value: string]>;

/**
 * What to send, before encoding: the kit's description of one webhook delivery.
 * The sender turns it into bytes as Twilio would (form body or query string, headers, signature).
 */
export interface WebhookRequest {
  readonly method: HttpMethod;
  /** The webhook URL as configured on the number; may carry its own query string and credentials. */
  readonly url: string;
  readonly params: FormParams;
  /**
   * Exactly how to encode the parameters (body for POST, appended query for GET). Absent: the sender's
   * canonical encoding (`URLSearchParams`, in the given order). Used by `form-encoding` to send equivalents.
   */
  readonly encodedParams?: string;
  /** Extra or overriding headers (e.g. `Cookie`, `If-None-Match`, a forged signature). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * `false`: send no signature even when a token is known. A string: send exactly that signature, in every header of
   * the profile's signature scheme (`X-Twilio-Signature` for Twilio).
   */
  readonly signature?: false | string;
  /** The idempotency token (Twilio's `I-Twilio-Idempotency-Token`); a fresh UUID when absent. */
  readonly idempotencyToken?: string;
  /**
   * HTTP-auth credentials of the call this request belongs to, used when its URL carries none: Twilio "remains
   * logged in for the duration of the call", so an action callback answers a 401 with the webhook URL's credentials.
   */
  readonly credentials?: UrlCredentials;
  /**
   * The port in the signed URL: `as-requested` (the default) signs the URL as requested; `dropped` signs it without
   * its port, as Twilio's security notes say it does for HTTPS (docs/protocol.md, "Signature").
   */
  readonly signedPort?: 'as-requested' | 'dropped';
}

/** One HTTP request exactly as it went on the wire. */
export interface SentRequest {
  readonly method: HttpMethod;
  /** The URL requested, credentials removed, path and query as written (only what HTTP cannot carry is escaped). */
  readonly url: string;
  /**
   * Every header the kit set, with the case and value sent. The HTTP client adds only what any client derives from
   * the request: `Host`, `Content-Length` and `Connection: keep-alive` (a curl line needs none of them).
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The form body as sent (POST), absent for GET. */
  readonly body?: string;
}

/** One HTTP reply as received; `body` holds at most the profile's byte limit. */
export interface ReceivedResponse {
  readonly status: number;
  /** Header names lower-cased; repeated headers joined with `, ` except `set-cookie` (see `setCookies`). */
  readonly headers: Readonly<Record<string, string>>;
  readonly setCookies: readonly string[];
  readonly body: Uint8Array;
  /** True when the reply was longer than the limit and reading stopped there (11750). */
  readonly truncated: boolean;
}

/** One request/reply pair of an exchange: redirects and auth retries make several. */
export interface Hop {
  readonly request: SentRequest;
  readonly response?: ReceivedResponse;
  /** Why this hop got no usable reply (a connect attempt that timed out and was retried, or the exchange's end). */
  readonly failure?: TransportFailure;
  readonly durationMs: number;
}

/** Why an exchange ended without a usable reply (the kinds are protocol data: a profile maps each to an error). */
export type { TransportFailureKind } from '../protocol/error-mapping.js';

/** Why an exchange got no usable reply: its kind, the error the sender's profile maps it to, and a message. */
export interface TransportFailure {
  readonly kind: TransportFailureKind;
  readonly twilioError: TwilioErrorCode;
  readonly message: string;
}

/**
 * A whole delivery: the hops (first request, redirects, auth retry) and how it ended.
 * Exactly one of `response` (the final reply) or `failure` is present.
 */
export interface Exchange {
  readonly hops: readonly Hop[];
  readonly response?: ReceivedResponse;
  readonly failure?: TransportFailure;
  /** From the first byte sent to the end of the last reply or the failure. */
  readonly durationMs: number;
  /** The final URL the reply came from (after redirects), for resolving relative `action` URLs. */
  readonly finalUrl: string;
  /** The HTTP-auth credentials in effect for the call (from the URL or the request), for its later requests. */
  readonly credentials?: UrlCredentials;
}

/** Sends webhook deliveries as Twilio would. One per run; stateless between calls except as configured. */
export interface Sender {
  send(request: WebhookRequest): Promise<Exchange>;
}

/** A sender that holds connections (or a transport): `close()` releases them once the run is over. */
export interface HttpSender extends Sender {
  close(): Promise<void>;
}
