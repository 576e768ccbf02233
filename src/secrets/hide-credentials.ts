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
