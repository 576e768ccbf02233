/**
 * How Twilio's HTTP client behaves when it requests a fax webhook, as data.
 * Sources: docs/protocol.md, "How Twilio's HTTP client behaves" (Twilio's error pages 11201-11237, its security
 * notes, helper-library issues), and ASSUMPTIONS for what was never published.
 */
export interface SenderBehaviour {
  /** Time to establish a connection, per attempt, in ms. */
  readonly connectTimeoutMs: number;
  /** Connection attempts before giving up, after a refusal or a timeout (two 5 s attempts = 10 s; 11201, 11202). */
  readonly connectAttempts: number;
  /** Time for the whole reply, in ms (11205 beyond). */
  readonly totalTimeoutMs: number;
  /** Most bytes of a reply body Twilio reads, decompressed (11750 beyond). */
  readonly maxBodyBytes: number;
  /** Most bytes of a reply's status line and headers together (11206 beyond). */
  readonly maxHeaderBytes: number;
  /** Most content codings stacked in one reply's `Content-Encoding` (11206 beyond). */
  readonly maxContentCodings: number;
  /** The only redirect statuses Twilio follows (any other 3xx: 11216). */
  readonly followedRedirects: readonly number[];
  /** Redirects that turn a POST into a GET with the parameters in the query. */
  readonly redirectsToGet: readonly number[];
  /** Most redirect hops before 11215. */
  readonly maxRedirects: number;
  /** Idle time after which Twilio forgets the cookies of a (From, To) pair, in ms. */
  readonly cookieIdleExpiryMs: number;
  /** Headers Twilio sends on every webhook request (the signature is added when a token is known). */
  readonly headers: Readonly<Record<string, string>>;
  /** The header of the token that stays the same across retries of one delivery (a fresh UUID per delivery). */
  readonly idempotencyHeader: string;
  /** Content-Type of a POST webhook. */
  readonly formContentType: string;
}

/** How Twilio's fax service requested webhooks. */
export const TWILIO_SENDER: SenderBehaviour = {
  connectTimeoutMs: 5_000,
  connectAttempts: 2,
  totalTimeoutMs: 15_000,
  maxBodyBytes: 64 * 1024,
  // Twilio published neither limit; these are curl's (assumption `reply-limits-as-curl`).
  maxHeaderBytes: 300 * 1024,
  maxContentCodings: 5,
  followedRedirects: [301, 302, 303, 307],
  redirectsToGet: [301, 302, 303],
  maxRedirects: 10,
  cookieIdleExpiryMs: 4 * 60 * 60 * 1000,
  headers: {
    'User-Agent': 'TwilioProxy/1.1',
    Accept: '*/*',
  },
  idempotencyHeader: 'I-Twilio-Idempotency-Token',
  formContentType: 'application/x-www-form-urlencoded; charset=UTF-8',
};
