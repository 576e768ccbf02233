/**
 * One line saying why `url` cannot be a webhook URL, or undefined when it can. `example` is the kind of URL the
 * line suggests instead.
 */
export function describeUrlProblem(url: string, example = 'https://example.com/fax'): string | undefined {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  // `localhost:3000/fax` parses as a URL with the scheme `localhost:`; what is missing is the http://.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && /^[^\s/:]+(?::\d+)?(?:[/?#]|$)/.test(url)) {
    return `'${url}' has no scheme; give the full URL, e.g. http://${url}`;
  }
  if (!parsed) return `'${url}' is not a URL; give the full URL, e.g. ${example}`;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `'${withoutCredentials(url)}' is not an http(s) URL; Twilio only requests http:// and https:// URLs`;
  }
  return undefined;
}

/** The URL with any `user:password@` removed, for reports. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}
