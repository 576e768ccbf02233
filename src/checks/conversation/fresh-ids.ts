import { ID_HEX_DIGITS, idFromHex } from '../../protocol/ids.js';
import type { FaxProfile } from '../../protocol/profile.js';
import type { FormParams } from '../../model/exchange.js';
import type { CaseRandom } from '../check-api/case-random.js';

/**
 * A fax id no server has seen yet, in the profile's shape (Twilio: `FX` and 32 hex digits): stateful checks start
 * new faxes so that other checks' traffic cannot interfere.
 */
export function freshFaxSid(random: CaseRandom, profile: Pick<FaxProfile, 'parameters'>): string {
  return idFromHex(profile.parameters.faxSid, random.hex(ID_HEX_DIGITS / 2));
}

/** `params` as a new fax: the profile's fax id parameter set to a fresh id, and any other `changes` by name. */
export function asNewFax(
  params: FormParams,
  random: CaseRandom,
  profile: Pick<FaxProfile, 'parameters'>,
  changes: Readonly<Record<string, string>> = {},
): FormParams {
  return withParams(params, { [profile.parameters.names.faxSid]: freshFaxSid(random, profile), ...changes });
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
