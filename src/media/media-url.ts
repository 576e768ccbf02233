/** The two formats `<Receive mediaType>` allows. */
export type FaxMediaFormat = 'application/pdf' | 'image/tiff';

/**
 * The `MediaUrl` of a received fax on a media server at `baseUrl`: `BASE/FaxSid.pdf`, or `.tiff` for
 * `mediaType="image/tiff"`. The kit's own media server answers any such path.
 * @example mediaUrlFor('http://127.0.0.1:4010/media', 'FX…', 'image/tiff') // 'http://127.0.0.1:4010/media/FX….tiff'
 */
export function mediaUrlFor(baseUrl: string, faxSid: string, format: FaxMediaFormat): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(faxSid)}.${format === 'image/tiff' ? 'tiff' : 'pdf'}`;
}
