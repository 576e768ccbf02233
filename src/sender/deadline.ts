/** Marks a race lost to the deadline or to the run's abort signal. */
export const EXPIRED = Symbol('expired');

/**
 * What ends an exchange early: the total time allowed for it, or the run being stopped. An abort signal for
 * transports, and a race for everything else.
 */
export interface Deadline {
  readonly signal: AbortSignal;
  /** True once the time is up. */
  readonly expired: boolean;
  /** True once the run's own signal aborted (Ctrl-C): the exchange ends as `aborted`, not as a timeout. */
  readonly aborted: boolean;
  /** Settles with `work`, or with EXPIRED when time runs out or the run stops first (work that ignores the signal is abandoned). */
  race<T>(work: Promise<T>): Promise<T | typeof EXPIRED>;
  stop(): void;
}

/** Starts the clock of an exchange; `stopRun` (the sender's `signal`) ends it at once too. */
export function startDeadline(timeoutMs: number, stopRun?: AbortSignal): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  let stopped = false;
  let onEnd: () => void = () => undefined;
  const ended = new Promise<typeof EXPIRED>((resolve) => {
    onEnd = () => resolve(EXPIRED);
  });
  const end = (reason: DOMException): void => {
    controller.abort(reason);
    onEnd();
  };
  const timer = setTimeout(() => {
    timedOut = true;
    end(new DOMException(`no complete reply within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const onStop = (): void => {
    stopped = true;
    end(new DOMException('the run was stopped', 'AbortError'));
  };
  if (stopRun?.aborted) onStop();
  else stopRun?.addEventListener('abort', onStop, { once: true });
  return {
    signal: controller.signal,
    get expired() {
      return timedOut && !stopped;
    },
    get aborted() {
      return stopped;
    },
    race: (work) => Promise.race([work, ended]),
    stop: () => {
      clearTimeout(timer);
      stopRun?.removeEventListener('abort', onStop);
    },
  };
}
