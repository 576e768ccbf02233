import { hideCredentials } from '../secrets/hide-credentials.js';

/**
 * One line saying why `url` cannot be a webhook URL, or undefined when it can. `example` is the kind of URL the
 * line suggests instead. The line never shows the URL's `user:password@`, even when the URL cannot be parsed.
 */
export function describeUrlProblem(url: string, example = 'https://example.com/fax'): string | undefined {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const shown = hideCredentials(url);
  // `localhost:3000/fax` parses as a URL with the scheme `localhost:`; what is missing is the http://.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && /^[^\s/:]+(?::\d+)?(?:[/?#]|$)/.test(url)) {
    return `'${shown}' has no scheme; give the full URL, e.g. http://${shown}`;
  }
  if (!parsed) return `'${shown}' is not a URL; give the full URL, e.g. ${example}`;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `'${shown}' is not an http(s) URL; Twilio only requests http:// and https:// URLs`;
  }
  // `http://127.0.0.1:/fax` parses as port 80: a port left out by a shell variable that was empty, most likely.
  if (/^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(?:\[[^\]]*\]|[^/?#:]*):(?:[/?#]|$)/i.test(url)) {
    return `'${shown}' has an empty port after the ':'; give the port (e.g. ${parsed.protocol}//${parsed.hostname}:3000${parsed.pathname}) or leave the ':' out for the scheme's own`;
  }
  return undefined;
}
