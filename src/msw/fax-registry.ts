import { FAX_SID_PATTERN } from '../protocol/parameters.js';
import { buildFaxResource, type FakeFax, type FaxResource } from './fax-resource.js';

/** The format a fax's media is stored in, as `<Receive mediaType>` names it. */
export type FaxMediaType = 'application/pdf' | 'image/tiff';

/** A fax the fake API knows: its resource and the format of its stored media. */
export interface KnownFax {
  readonly resource: FaxResource;
  readonly contentType: FaxMediaType;
}

/** Looks faxes up by sid or by media URL. */
export interface FaxRegistry {
  bySid(faxSid: string): KnownFax | undefined;
  byMediaUrlPath(pathname: string): KnownFax | undefined;
}

/**
 * Holds the faxes the handlers answer for. With a list, only those exist (as on a real account); without one,
 * every well-formed fax sid is a default received fax, created on first use and then remembered, so the
 * `media_url` of a fetched fax answers too.
 */
export function createFaxRegistry(faxes: readonly FakeFax[] | undefined): FaxRegistry {
  const known = new Map<string, KnownFax>();
  for (const fax of faxes ?? []) {
    const resource = buildFaxResource(fax);
    known.set(resource.sid, { resource, contentType: fax.content_type ?? 'application/pdf' });
  }
  return {
    bySid(faxSid) {
      const found = known.get(faxSid);
      if (found || faxes !== undefined || !FAX_SID_PATTERN.test(faxSid)) return found;
      const created: KnownFax = { resource: buildFaxResource({ sid: faxSid }), contentType: 'application/pdf' };
      known.set(faxSid, created);
      return created;
    },
    byMediaUrlPath(pathname) {
      for (const fax of known.values()) {
        if (fax.resource.media_url && new URL(fax.resource.media_url).pathname === pathname) return fax;
      }
      return undefined;
    },
  };
}
