import { createTimeoutBreaker, type TimeoutBreaker } from './timeout-breaker.js';

/** The kind of request that the cases' base requests are, for their breaker. */
export const BASE_REQUESTS = 'base';

/**
 * When a run stops sending: the caller's interrupt (Ctrl-C), or the server letting every base request time out
 * (then the whole run stops); and, per check, the server letting every request of that check time out.
 */
export interface RunControl {
  /** Aborted when the whole run stops: no new case starts and every request in flight is cut. */
  readonly stop: AbortSignal;
  /** True when the caller stopped the run (Ctrl-C, SIGTERM, a time limit). */
  readonly interrupted: boolean;
  /** Stops the whole run from inside (a broken check): as a stop by the caller, but not `interrupted`. */
  halt(): void;
  /** The breaker of one kind of request: `BASE_REQUESTS`, or a check id for the requests that check sends. */
  breaker(kind: string): TimeoutBreaker;
  /** Releases the listener on the caller's signal. */
  dispose(): void;
}

/**
 * Ties the caller's `signal` and the base requests' breaker to one stop of the run. `onStop` runs once when the run
 * stops, e.g. to abort the sender's exchanges in flight.
 */
export function createRunControl(options: { readonly signal?: AbortSignal; readonly timeoutsToStop: number; readonly onStop?: () => void }): RunControl {
  const stop = new AbortController();
  const breakers = new Map<string, TimeoutBreaker>();
  const stopRun = (): void => {
    if (stop.signal.aborted) return;
    stop.abort();
    options.onStop?.();
  };
  const breaker = (kind: string): TimeoutBreaker => {
    let found = breakers.get(kind);
    if (!found) {
      found = createTimeoutBreaker(options.timeoutsToStop);
      if (kind === BASE_REQUESTS) found.signal.addEventListener('abort', stopRun, { once: true });
      breakers.set(kind, found);
    }
    return found;
  };
  options.signal?.addEventListener('abort', stopRun, { once: true });
  if (options.signal?.aborted) stopRun();
  return {
    stop: stop.signal,
    get interrupted() {
      return options.signal?.aborted === true;
    },
    halt: stopRun,
    breaker,
    dispose: () => options.signal?.removeEventListener('abort', stopRun),
  };
}
