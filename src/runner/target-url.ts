/** One line saying why `url` cannot be a webhook URL, or undefined when it can. */
export function describeUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `'${url}' is not a URL; give the full webhook URL, e.g. https://example.com/fax`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `'${withoutCredentials(url)}' is not an http(s) URL; Twilio only requests http:// and https:// webhooks`;
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
