/**
 * The seeds a run accepts, the same for `--seed` and `checkServer({ seed })`: the 32-bit signed integers, the range
 * fast-check reads a seed in. fast-check keeps `seed | 0` and folds the rest in by XOR, which cancels for whole
 * numbers: seeds 2^32 apart (1 and 4294967297, 2147483648 and -2147483648) would run the same cases under different
 * names in the report. Inside this range one seed is one run.
 */
export const MIN_SEED = -2_147_483_648;

/** The largest seed a run accepts (2^31 - 1); see `MIN_SEED`. */
export const MAX_SEED = 2_147_483_647;

/** The accepted range in words, for error messages. */
export const SEED_RANGE = `a whole number from ${MIN_SEED} to ${MAX_SEED}`;

/** True when `value` is a seed a run accepts. */
export function isSeed(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= MIN_SEED && (value as number) <= MAX_SEED;
}
