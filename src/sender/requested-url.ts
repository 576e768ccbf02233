import { splitFragment } from './encode-params.js';

/**
 * The URL exactly as an HTTP client requests it: the fragment dropped and the rest WHATWG-serialized, as undici
 * and `fetch` do before sending (a space becomes `%20`, a `'` in the query `%27`, the host lower-cased, a default
 * port dropped). The signature covers this URL, because it is the one the server sees; reports and curl lines show
 * it for the same reason. Credentials stay (callers strip them for reports). A string that is no URL is returned
 * without its fragment.
 * @example requestedUrl("http://h/fax box?who=o'neil#rc=1") // "http://h/fax%20box?who=o%27neil"
 */
export function requestedUrl(url: string): string {
  const { base } = splitFragment(url);
  try {
    return new URL(base).href;
  } catch {
    return base;
  }
}
