import { describe, expect, it } from 'vitest';
import { interleaved, median, sideBySide } from '../../bench/measure.js';

describe('the bench measures side by side', () => {
  it('starts each round one contender further along, so no side always goes first', async () => {
    const order: string[] = [];
    const contender = (name: string, figure: number) => async () => {
      order.push(name);
      return figure;
    };
    const figures = await interleaved(3, [contender('a', 1), contender('b', 2), contender('c', 3)]);
    expect(order).toEqual(['a', 'b', 'c', 'b', 'c', 'a', 'c', 'a', 'b']);
    expect(figures).toEqual([
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
    ]);
  });

  it('keeps the kit and the reference apart when they alternate', async () => {
    let n = 0;
    const figures = await sideBySide(4, async () => 100 + n++, async () => 200 + n++);
    expect(figures.kit).toHaveLength(4);
    expect(figures.kit.every((f) => f < 200)).toBe(true);
    expect(figures.reference.every((f) => f >= 200)).toBe(true);
  });

  it('takes the median, the mean of the middle two for an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
