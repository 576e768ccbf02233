import { idPattern } from '../protocol/ids.js';
import { TWILIO_PROFILE, type FaxProfile } from '../protocol/profile.js';
import { buildFaxResource, type FakeFax, type FaxResource } from './fax-resource.js';

/** The format a fax's media is stored in, as `<Receive mediaType>` names it. */
export type FaxMediaType = 'application/pdf' | 'image/tiff';

/** A fax the fake API knows: its resource and the format of its stored media. */
export interface KnownFax {
  readonly resource: FaxResource;
  readonly contentType: FaxMediaType;
}

/** A media sid as Twilio's API gives them: ME followed by 32 hex digits. */
const MEDIA_SID_PATTERN = /^ME[0-9a-fA-F]{32}$/;

/** The sids a FaxMedia URL names: the fax and its media. */
export interface MediaRef {
  readonly faxSid: string;
  readonly mediaSid: string;
}

/** Looks faxes up by sid or by media URL. */
export interface FaxRegistry {
  /** True when no list was given: every well-formed sid and media URL exists. */
  readonly lenient: boolean;
  bySid(faxSid: string): KnownFax | undefined;
  byMedia(ref: MediaRef): KnownFax | undefined;
  byMediaUrlPath(pathname: string): KnownFax | undefined;
}

/**
 * Holds the faxes the handlers answer for. With a list, only those exist (as on a real account), each with its one
 * media sid. Without one, every well-formed fax sid is a default received fax, created on first use and then
 * remembered, so the `media_url` of a fetched fax answers too; and any well-formed media URL answers, whatever its
 * account and media sids, so a `MediaUrl` copied from a real callback works in a test as it is. Sids and media URLs
 * have the shapes of `profile` (Twilio's by default).
 */
export function createFaxRegistry(faxes: readonly FakeFax[] | undefined, profile: Pick<FaxProfile, 'media' | 'parameters'> = TWILIO_PROFILE): FaxRegistry {
  const faxSidPattern = idPattern(profile.parameters.faxSid);
  const known = new Map<string, KnownFax>();
  for (const fax of faxes ?? []) {
    const resource = buildFaxResource(fax, profile.media);
    known.set(resource.sid, { resource, contentType: fax.content_type ?? 'application/pdf' });
  }
  const lenient = faxes === undefined;
  const remember = (fields: FakeFax): KnownFax => {
    const created: KnownFax = { resource: buildFaxResource(fields, profile.media), contentType: 'application/pdf' };
    known.set(created.resource.sid, created);
    return created;
  };
  return {
    lenient,
    bySid(faxSid) {
      const found = known.get(faxSid);
      if (found || !lenient || !faxSidPattern.test(faxSid)) return found;
      return remember({ sid: faxSid });
    },
    byMedia({ faxSid, mediaSid }) {
      const found = known.get(faxSid);
      if (!lenient) return found && found.resource.media_sid === mediaSid ? found : undefined;
      if (!faxSidPattern.test(faxSid) || !MEDIA_SID_PATTERN.test(mediaSid)) return undefined;
      return found ?? remember({ sid: faxSid, media_sid: mediaSid });
    },
    byMediaUrlPath(pathname) {
      for (const fax of known.values()) {
        if (fax.resource.media_url && new URL(fax.resource.media_url).pathname === pathname) return fax;
      }
      return undefined;
    },
  };
}
