import type { FormParams } from '../../model/exchange.js';
import type { CaseRandom } from '../check-api/case-random.js';

/** A FaxSid no server has seen yet: stateful checks start new faxes so that other checks' traffic cannot interfere. */
export function freshFaxSid(random: CaseRandom): string {
  return `FX${random.hex(16)}`;
}

/**
 * A US number in the 555-01xx-style test range (12 characters, like the examples) that differs run to run, so a
 * long-lived server never recognises a caller from an earlier run (the seed repeats it).
 */
export function freshCaller(random: CaseRandom): string {
  return `+1500555${String(random.int(10_000)).padStart(4, '0')}`;
}

/** `params` with the given names set to new values (names absent from `params` are appended). */
export function withParams(params: FormParams, changes: Readonly<Record<string, string>>): FormParams {
  const changed: [string, string][] = params.map(([name, value]) => [name, Object.hasOwn(changes, name) ? (changes[name] as string) : value]);
  for (const [name, value] of Object.entries(changes)) if (!params.some(([n]) => n === name)) changed.push([name, value]);
  return changed;
}

/** The value of the first parameter called `name`. */
export function paramOf(params: FormParams, name: string): string | undefined {
  return params.find(([n]) => n === name)?.[1];
}
