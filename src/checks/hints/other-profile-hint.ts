import { idPattern, type IdShape } from '../../protocol/ids.js';
import { PROFILES } from '../../protocol/profiles.js';
import type { FaxProfile } from '../../protocol/profile.js';
import { signatureHeaders } from '../../protocol/signature-scheme.js';

/** An id of this shape as a hint says it: `FX…`, `UUID`. */
function idShown(shape: IdShape): string {
  return shape.kind === 'sid' ? `${shape.prefix}…` : 'UUID';
}

function sameShape(a: IdShape, b: IdShape): boolean {
  return idPattern(a).source === idPattern(b).source;
}

/**
 * For a request the server refused, what in it an app written for another fax service would refuse, and the
 * `--profile` that plays that service: "the server may have refused Twilio's FX… ids or its X-Twilio-Signature: if
 * this is a SignalWire app (UUID ids, X-SignalWire-Signature), run with --profile signalwire". Built from the
 * profiles' data (id shapes, signature headers), one clause per other profile; undefined when no other profile
 * differs from `profile` in either.
 */
export function otherProfileHint(profile: FaxProfile): string | undefined {
  const clauses = PROFILES.filter((other) => other !== profile).flatMap((other) => {
    const refused: string[] = [];
    const { faxSid } = profile.parameters;
    if (!sameShape(faxSid, other.parameters.faxSid)) refused.push(`${profile.service}'s ${idShown(faxSid)} ids`);
    if (!signatureHeaders(profile.signature).includes(other.signature.header)) refused.push(`its ${profile.signature.header}`);
    if (refused.length === 0) return [];
    const expects = `${idShown(other.parameters.faxSid)} ids, ${other.signature.header}`;
    const { id } = other;
    return [`the server may have refused ${refused.join(' or ')}: if this is a ${other.service} app (${expects}), run with --profile ${id}`];
  });
  return clauses.length === 0 ? undefined : clauses.join('; ');
}

/** `hint`, then what another profile would explain, when one would. */
export function withOtherProfileHint(hint: string, profile: FaxProfile): string {
  const other = otherProfileHint(profile);
  return other === undefined ? hint : `${hint}; ${other}`;
}
