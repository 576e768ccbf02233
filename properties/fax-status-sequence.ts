import fc from 'fast-check';
import type { FaxStatus } from '../src/protocol/parameters.js';
import { TWILIO_PROFILE, type FaxProfile } from '../src/protocol/profile.js';

/** Options of {@link faxStatusSequence}. */
export interface FaxStatusSequenceOptions {
  /** `delivered` or `unsuccessful`: only faxes that ended so; absent: either. */
  readonly ending?: 'delivered' | 'unsuccessful';
  /** The service whose statuses to draw (`profile.statusCallback`); Twilio's by default. */
  readonly profile?: Pick<FaxProfile, 'statusCallback'>;
}

/**
 * The statuses an outbound fax goes through, one status callback each, in the order the service sends them: the
 * first (`queued`), then some of the progress statuses in order (`processing`, `sending`), then one ending
 * (`delivered`, or `failed`, `busy`, `no-answer`, `canceled`). Shrinks toward `['queued', 'delivered']`.
 * @example fc.assert(fc.property(faxStatusSequence(), (statuses) => statuses[0] === 'queued'))
 */
export function faxStatusSequence(options: FaxStatusSequenceOptions = {}): fc.Arbitrary<FaxStatus[]> {
  const protocol = (options.profile ?? TWILIO_PROFILE).statusCallback;
  const endings = [
    ...(options.ending === 'unsuccessful' ? [] : [protocol.delivered]),
    ...(options.ending === 'delivered' ? [] : protocol.unsuccessful.map((ending) => ending.status)),
  ];
  const progress = fc.tuple(...protocol.progress.map(() => fc.boolean())).map((kept) => protocol.progress.filter((_, i) => kept[i]));
  return fc.tuple(progress, fc.constantFrom(...endings)).map(([between, ending]) => [protocol.first, ...between, ending]);
}
