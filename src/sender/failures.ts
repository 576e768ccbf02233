import type { ErrorMapping } from '../protocol/error-mapping.js';
import type { TransportFailure, TransportFailureKind } from '../model/exchange.js';
import type { TransportError } from './transport.js';

/** A failure of `kind`, not yet mapped to an error: the sender stamps it with its profile's (`withError`). */
export function transportFailure(kind: TransportFailureKind, message: string): TransportError {
  return { kind, message };
}

/** The failure with the error `errors` (a profile's) maps its kind to. */
export function withError(failure: TransportError, errors: ErrorMapping): TransportFailure {
  return { kind: failure.kind, twilioError: errors.failures[failure.kind], message: failure.message };
}
