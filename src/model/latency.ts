/**
 * How long a run's exchanges took, against its timeout, as a bounded histogram: `bucketMs` wide buckets from 0 up to
 * the timeout (the last one ends at it), and the exchanges that got no reply within it counted apart. Timing: it goes
 * to human reports with the `run-finished` event, never into the JSON report, which stays the same for a seed.
 */
export interface LatencyHistogram {
  /** The run's limit for one exchange, all hops included (`--timeout`, 15 s by default). */
  readonly timeoutMs: number;
  readonly bucketMs: number;
  /** `counts[i]`: exchanges that took from `i * bucketMs` up to (not including) `(i + 1) * bucketMs`. */
  readonly counts: readonly number[];
  /** Exchanges that got no reply within the timeout. */
  readonly timedOut: number;
  /** Exchanges timed (the counts and `timedOut`); cut ones (the run stopped) are not. */
  readonly exchanges: number;
  /** The slowest exchange that got a reply or failed on its own before the timeout. */
  readonly slowestMs: number;
}
