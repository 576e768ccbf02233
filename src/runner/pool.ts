/**
 * Runs `work` on each of `items` with at most `limit` in flight, keeping none of the results (a long run must not
 * hold every case's outcome). Stops taking new items once `stopped()` is true; the items in flight finish.
 */
export async function forEachWithConcurrency<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
  stopped: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length && !stopped()) {
      const index = next++;
      await work(items[index] as T, index);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
