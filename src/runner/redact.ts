/** Shorter secrets are left alone by `redactSecrets`. Twilio auth tokens are 32 characters. */
export const MIN_REDACTED_LENGTH = 6;

/**
 * Replaces every occurrence of each secret in every string of `value` (deeply) with `<redacted>`: the last guard
 * that keeps the auth token out of reports even if a server echoes it back.
 */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  // A secret this short (a test token such as `T`) would shred every word that contains it; the kit never puts the
  // token into a request in the first place, so only a server echoing a real, long token needs this guard.
  const present = secrets.filter((s) => s.length >= MIN_REDACTED_LENGTH);
  if (present.length === 0) return value;
  const scrub = (v: unknown): unknown => {
    if (typeof v === 'string') return present.reduce((text, secret) => text.split(secret).join('<redacted>'), v);
    if (Array.isArray(v)) return v.map(scrub);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, scrub(inner)]));
    return v;
  };
  return scrub(value) as T;
}
