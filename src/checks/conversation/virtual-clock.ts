/**
 * Time as the cookie conversation sees it: it starts at the real time and only moves when told, so "4 hours
 * later" costs nothing and expiry never depends on how fast the server answers.
 */
export class VirtualClock {
  private current: number;

  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }

  /** The current virtual time. */
  now(): Date {
    return new Date(this.current);
  }

  /** Moves the clock forward by `ms` and returns the new time. */
  advance(ms: number): Date {
    this.current += ms;
    return this.now();
  }
}
