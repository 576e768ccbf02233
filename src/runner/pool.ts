import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Runs `work` on each of `items` with at most `limit` in flight, keeping none of the results (a long run must not
 * hold every case's outcome). Items are taken in order, one `at(index)` each: a plan may make them as they are taken. Stops taking new items once `stopped()` is true; the items in flight finish.
 *
 * Each worker lets the event loop turn between items. Without that, a run whose requests never wait for I/O (an
 * in-process handler) is one unbroken chain of promise jobs, and V8 keeps every object a `WeakRef` was made or read
 * for until the chain ends, and runs no `FinalizationRegistry` callback: undici's `Request` (one per in-process
 * request) uses both, so such a run held about 30 kB per case until it finished.
 */
export async function forEachWithConcurrency<T>(
  items: { readonly length: number; at(index: number): T | undefined },
  limit: number,
  work: (item: T, index: number) => Promise<void>,
  stopped: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length && !stopped()) {
      const index = next++;
      await work(items.at(index) as T, index);
      await nextTurn();
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
