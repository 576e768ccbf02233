import type { Exchange, TransportFailureKind } from '../model/exchange.js';

/** Failures in which the server used up all the time allowed without answering. */
const TIMED_OUT: ReadonlySet<TransportFailureKind> = new Set(['timeout', 'connect-timeout']);

/** The fewest timeouts in a row that stop a kind of request, whatever the concurrency. */
export const MIN_TIMEOUTS_TO_STOP = 3;

/**
 * Stops sending a kind of request (the base requests of the cases, or one check's own) once the server has let
 * `limit` of them in a row time out, as a fuzzer stops when its target is down: each further one would only wait out
 * the whole timeout to learn the same thing. Any other outcome starts the count again.
 */
export interface TimeoutBreaker {
  /** Aborted once the breaker trips; cuts the requests of its kind still in flight. */
  readonly signal: AbortSignal;
  readonly tripped: boolean;
  /**
   * What timed out in the streak that tripped the breaker (`timeout`: no reply in time; `connect-timeout`: no
   * connection in time), so the stop message says what actually happened; empty while not tripped.
   */
  readonly timedOut: ReadonlySet<TransportFailureKind>;
  /** Counts a finished exchange of this kind (never a cut one). */
  record(exchange: Exchange): void;
}

/**
 * A breaker that trips after `limit` timeouts in a row.
 * @example const base = createTimeoutBreaker(8); base.record(exchange); if (base.tripped) ...
 */
export function createTimeoutBreaker(limit: number): TimeoutBreaker {
  const trip = new AbortController();
  let inARow = 0;
  let streak = new Set<TransportFailureKind>();
  const tripping = new Set<TransportFailureKind>();
  return {
    signal: trip.signal,
    get tripped() {
      return trip.signal.aborted;
    },
    get timedOut() {
      return tripping;
    },
    record(exchange) {
      if (trip.signal.aborted) return;
      const kind = exchange.failure?.kind;
      if (kind !== undefined && TIMED_OUT.has(kind)) {
        inARow += 1;
        streak.add(kind);
      } else {
        inARow = 0;
        streak = new Set();
      }
      if (inARow < limit) return;
      for (const each of streak) tripping.add(each);
      trip.abort();
    },
  };
}

/**
 * How many timeouts in a row stop a kind of request: a whole wave of concurrent requests (they all started before
 * any could answer, so one stall of the server times them all out), and never fewer than `MIN_TIMEOUTS_TO_STOP`.
 */
export function timeoutsToStop(concurrency: number): number {
  return Math.max(concurrency, MIN_TIMEOUTS_TO_STOP);
}
