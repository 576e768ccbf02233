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
  return undefined;
}

/** The URL with any `user:password@` removed, for reports (removed as text when the URL cannot be parsed). */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return hideCredentials(url, '');
  }
}

/**
 * Text that may be a URL, parseable or not, with whatever stands before the last `@` of its authority (after
 * `scheme://`, or from the start) replaced: `http://user:pa ss@host/` becomes `http://<redacted>@host/`.
 * @example hideCredentials('fax:s3cret@localhost:3000/fax') // '<redacted>@localhost:3000/fax'
 */
export function hideCredentials(text: string, replacement = '<redacted>@'): string {
  const start = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text)?.[0].length ?? 0;
  const end = text.slice(start).search(/[/?#]/);
  const authority = end === -1 ? text.slice(start) : text.slice(start, start + end);
  const at = authority.lastIndexOf('@');
  return at === -1 ? text : text.slice(0, start) + replacement + text.slice(start + at + 1);
}
