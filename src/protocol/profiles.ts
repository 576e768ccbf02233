import { TWILIO_PROFILE, type FaxProfile } from './profile.js';
import { SIGNALWIRE_PROFILE } from './signalwire-profile.js';

/** Every fax service the kit can play, Twilio's first (the default): what `--profile` accepts. */
export const PROFILES: readonly FaxProfile[] = [TWILIO_PROFILE, SIGNALWIRE_PROFILE];

/** The ids `--profile` accepts, in order. */
export const PROFILE_IDS: readonly string[] = PROFILES.map(({ id }) => id);

/**
 * The profile `--profile ID` names, or undefined for an id the kit does not know.
 * @example profileById('signalwire')?.signature.header // 'X-SignalWire-Signature'
 */
export function profileById(id: string): FaxProfile | undefined {
  return PROFILES.find((profile) => profileIdOf(profile) === id);
}

function profileIdOf({ id }: FaxProfile): string {
  return id;
}
