import { setTimeout as pause } from 'node:timers/promises';

/**
 * Resolves once `condition()` holds: a wait for something observable (a file written, a line logged, a process
 * gone), never a guess at how long it takes. Looks every 20 ms and gives up after `looks` looks (about 30 s on an
 * idle machine; longer on a loaded one, which only delays a failure), with an error naming what it waited for.
 * It counts looks rather than reading the clock, so it works while a test controls `Date` with fake timers.
 */
export async function until(condition: () => boolean, what: string, looks = 1_500): Promise<void> {
  for (let look = 0; !condition(); look++) {
    if (look >= looks) throw new Error(`gave up waiting for ${what}`);
    await pause(20);
  }
}
