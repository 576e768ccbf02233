import type { AddressRule } from './address-rule.js';
import type { HttpMethod, TransportFailureKind } from '../model/exchange.js';

/** One HTTP request as a transport performs it: the sender has already encoded, signed and authorised it. */
export interface TransportRequest {
  readonly method: HttpMethod;
  /**
   * Absolute http(s) URL without credentials (the sender sends `Authorization` itself) and without fragment. Its path
   * and query are the exact bytes to send (`requestedUrl`): not WHATWG-normalised, so a transport must not re-encode
   * them (a `'` stays a `'`).
   */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
  /** Aborted when the exchange's total time is up; a transport stops all work for this request then. */
  readonly signal: AbortSignal;
  /** Longest wait for one connection attempt (TCP and TLS), in ms; transports without connections ignore it. */
  readonly connectTimeoutMs: number;
  /** Accept any TLS certificate (self-signed, expired, other domain). */
  readonly insecure: boolean;
  /** Most bytes of status line and headers to read; a transport that reads headers itself stops there. */
  readonly maxHeaderBytes: number;
  /** Which addresses this request may connect to; transports without connections ignore it. */
  readonly addressRule?: AddressRule;
}

/** A reply whose status and headers have arrived; the body is still on its way. */
export interface TransportReply {
  readonly status: number;
  /** Names lower-cased; repeated headers joined with `, `, except `set-cookie`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly setCookies: readonly string[];
  /**
   * The body bytes exactly as received, still content-encoded (the sender decodes them).
   * Errors thrown while iterating are `TransportFailureError`s when the transport knows what went wrong.
   */
  readonly body: AsyncIterable<Uint8Array>;
  /** Stop receiving the rest of the body and release the connection; safe to call more than once. */
  discard(): void;
}

/** Why a transport could not produce a reply; the sender adds the Twilio error code. */
export interface TransportError {
  readonly kind: TransportFailureKind;
  readonly message: string;
}

/**
 * Performs one HTTP request, nothing more: no redirects, no retries, no signing, no body limits. Those live in the
 * sender, above every transport, so that the network and in-process paths behave the same.
 */
export interface Transport {
  /** Resolves with a reply or a `TransportError`; never rejects. */
  perform(request: TransportRequest): Promise<TransportReply | TransportError>;
  /** Release connections or interception; the transport is unusable afterwards. */
  close(): Promise<void>;
}

/** Thrown by a reply body's iterator when the transport can name the failure (e.g. the connection was reset). */
export class TransportFailureError extends Error {
  constructor(readonly failure: TransportError) {
    super(failure.message);
    this.name = 'TransportFailureError';
  }
}

/** True when a transport's result is a failure rather than a reply. */
export function isTransportError(result: TransportReply | TransportError): result is TransportError {
  return 'kind' in result;
}
