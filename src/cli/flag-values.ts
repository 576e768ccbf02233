import { isSeed, SEED_RANGE } from '../model/seed.js';

/** A flag's value, or the one line that says what is wrong with it. */
export type Field<T> = { readonly value: T } | { readonly error: string };

/** A whole-number flag from `min` to `max`; `fallback` when it was not given. */
export function parseCount(flag: string, raw: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): Field<number> {
  if (raw === undefined) return { value: fallback };
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max || !Number.isSafeInteger(value)) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    return { error: `--${flag} must be a whole number ${range}, not '${raw}'` };
  }
  return { value };
}

/** `--seed`: the range `checkServer` accepts (`MIN_SEED` to `MAX_SEED`, fast-check's), negative ones as `--seed=-5`. */
export function parseSeed(raw: string | undefined, fallback: () => number): Field<number> {
  if (raw === undefined) return { value: fallback() };
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || !isSeed(value)) return { error: `--seed must be ${SEED_RANGE}, not '${raw}'` };
  return { value };
}

/** A comma-separated flag value as a list, blanks dropped; undefined when the flag was not given. */
export function parseList(raw: string | undefined): string[] | undefined {
  return raw?.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** One of `values`, matched without regard to case; `fallback` when the flag was not given. */
export function oneOf<T extends string>(flag: string, raw: string | undefined, values: readonly T[], fallback: T): Field<T> {
  if (raw === undefined) return { value: fallback };
  const match = values.find((v) => v.toLowerCase() === raw.toLowerCase());
  return match ? { value: match } : { error: `--${flag} must be one of ${values.join(', ')}, not '${raw}'` };
}
