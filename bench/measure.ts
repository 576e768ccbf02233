/** The median of `values` (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Runs `kit` and `reference` alternately for `rounds` rounds and returns each one's figures. Alternating spreads the
 * machine's noise (other jobs on 2 shared cores) over both sides instead of letting it land on one.
 */
export async function sideBySide(rounds: number, kit: () => Promise<number>, reference: () => Promise<number>): Promise<{ kit: number[]; reference: number[] }> {
  const [kitFigures, referenceFigures] = await interleaved(rounds, [kit, reference]);
  return { kit: kitFigures ?? [], reference: referenceFigures ?? [] };
}

/**
 * Runs each of `contenders` once per round for `rounds` rounds, each round starting one further along the list (the
 * first of a round may pay for a cold cache the next finds warm), and returns each one's figures in list order.
 */
export async function interleaved(rounds: number, contenders: readonly (() => Promise<number>)[]): Promise<number[][]> {
  const figures = contenders.map(() => [] as number[]);
  for (let round = 0; round < rounds; round += 1) {
    for (let step = 0; step < contenders.length; step += 1) {
      const which = (round + step) % contenders.length;
      figures[which]?.push(await (contenders[which] as () => Promise<number>)());
    }
  }
  return figures;
}

/** Milliseconds as a reader wants them: `137 ms`, `2.4 s`, `1.3 min`. */
export function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 10_000) return `${ms.toFixed(ms < 100 ? 1 : 0)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}
