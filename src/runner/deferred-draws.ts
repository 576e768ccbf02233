import fc from 'fast-check';

/** What fast-check hands a generator for one value of a seed's sequence: that value's random stream and bias. */
export interface DeferredDraw {
  readonly random: fc.Random;
  readonly biasFactor: number | undefined;
}

/**
 * An arbitrary that draws nothing: it keeps what fast-check hands it for each value (that value's own random stream,
 * split off the seed's, and its bias), so the value can be drawn later with the real arbitrary. Sampling it costs a
 * stream split per value, not a value's drawing, and holds a few hundred bytes per value, not the value.
 */
class KeepDraws extends fc.Arbitrary<DeferredDraw> {
  generate(random: fc.Random, biasFactor: number | undefined): fc.Value<DeferredDraw> {
    // Nothing else reads this stream once `generate` returns: fast-check makes a new one for every value.
    return new fc.Value({ random, biasFactor }, undefined);
  }
  canShrinkWithoutContext(_value: unknown): _value is DeferredDraw {
    return false;
  }
  shrink(): fc.Stream<fc.Value<DeferredDraw>> {
    return fc.Stream.nil();
  }
}

const KEEP_DRAWS = new KeepDraws();

/**
 * The draws of values `start` to `start + count - 1` of `seed`'s sequence, as `fc.sample(arbitrary, { seed, path:
 * String(start), numRuns: count })` would make them; `drawNow` turns each into exactly the value that sample gives.
 */
export function deferredDraws(seed: number, start: number, count: number): DeferredDraw[] {
  return fc.sample(KEEP_DRAWS, { seed, path: String(start), numRuns: count });
}

/** Draws a deferred value of `arbitrary`, the same each time it is asked (from a copy of the draw's stream). */
export function drawNow<T>(arbitrary: fc.Arbitrary<T>, draw: DeferredDraw): T {
  return arbitrary.generate(draw.random.clone(), draw.biasFactor).value_;
}
