import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';

/** Pact files to verify, or why the given sources cannot be verified (one line). */
export type PactSourceResolution = { readonly ok: true; readonly sources: readonly string[] } | { readonly ok: false; readonly message: string };

function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/**
 * Resolves pact sources as the kit's user means them: URLs as given, files made absolute against `cwd`, and each
 * directory expanded to its `*.json` files. Pact's own directory source would keep only the pacts whose provider
 * name matches one given separately; a directory here means "every pact in it".
 */
export async function resolvePactSources(sources: readonly string[], cwd: string): Promise<PactSourceResolution> {
  const resolved: string[] = [];
  for (const source of sources) {
    if (isUrl(source)) {
      resolved.push(source);
      continue;
    }
    const path = isAbsolute(source) ? source : resolve(cwd, source);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) return { ok: false, message: `no pact file at ${source}` };
    if (!info.isDirectory()) {
      resolved.push(path);
      continue;
    }
    const files = (await readdir(path)).filter((entry) => entry.endsWith('.json')).sort();
    if (files.length === 0) return { ok: false, message: `no pact files (*.json) in ${source}` };
    resolved.push(...files.map((file) => join(path, file)));
  }
  return { ok: true, sources: resolved };
}
