import type { Exchange } from '../model/exchange.js';
import type { LatencyHistogram } from '../model/latency.js';

/** Buckets between 0 and the timeout: enough to see a slow server at a glance, few enough to stay a small picture. */
const BUCKETS = 20;

/** Counts each exchange's duration into a histogram against `timeoutMs`: constant memory, whatever the run's size. */
export interface LatencyRecorder {
  add(exchange: Exchange): void;
  histogram(): LatencyHistogram;
}

/**
 * A recorder of exchange durations against the run's timeout. An exchange cut by a stop (`aborted`) says nothing of
 * the server and is left out; one that timed out is counted apart.
 */
export function createLatencyRecorder(timeoutMs: number): LatencyRecorder {
  const bucketMs = Math.max(1, Math.ceil(timeoutMs / BUCKETS));
  const counts = new Array<number>(BUCKETS).fill(0);
  let timedOut = 0;
  let exchanges = 0;
  let slowestMs = 0;
  return {
    add(exchange) {
      if (exchange.failure?.kind === 'aborted') return;
      exchanges += 1;
      if (exchange.failure?.kind === 'timeout') {
        timedOut += 1;
        return;
      }
      const ms = Math.max(0, exchange.durationMs);
      slowestMs = Math.max(slowestMs, ms);
      const index = Math.min(BUCKETS - 1, Math.floor(ms / bucketMs));
      counts[index] = (counts[index] ?? 0) + 1;
    },
    histogram: () => ({ timeoutMs, bucketMs, counts: [...counts], timedOut, exchanges, slowestMs: Math.round(slowestMs) }),
  };
}
