/** Marks a race lost to the deadline. */
export const EXPIRED = Symbol('expired');

/** The total time allowed for one exchange: an abort signal for transports, and a race for everything else. */
export interface Deadline {
  readonly signal: AbortSignal;
  readonly expired: boolean;
  /** Settles with `work`, or with EXPIRED when time runs out first (work that ignores the signal is abandoned). */
  race<T>(work: Promise<T>): Promise<T | typeof EXPIRED>;
  stop(): void;
}

/** Starts the clock of an exchange. */
export function startDeadline(timeoutMs: number): Deadline {
  const controller = new AbortController();
  let onExpire: () => void = () => undefined;
  const expiry = new Promise<typeof EXPIRED>((resolve) => {
    onExpire = () => resolve(EXPIRED);
  });
  const timer = setTimeout(() => {
    controller.abort(new DOMException(`no complete reply within ${timeoutMs} ms`, 'TimeoutError'));
    onExpire();
  }, timeoutMs);
  return {
    signal: controller.signal,
    get expired() {
      return controller.signal.aborted;
    },
    race: (work) => Promise.race([work, expiry]),
    stop: () => clearTimeout(timer),
  };
}
