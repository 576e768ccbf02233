/**
 * A module loaded on first use, once. `check` sends its first request before it needs its generators, cookie jars,
 * cache rules or most reporters, and Node's loading of a module graph is most of a cold start, so those wait for the
 * first call of the loader this returns. Every later call gets the same promise, so a module is imported once even
 * when several cases ask for it at once. The `import()` stays in the caller, beside what it loads (the layer rules
 * see it there).
 * @example const loadCookies = loadOnce(() => import('tough-cookie')); const { CookieJar } = await loadCookies();
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}
