import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';

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
    const files = info.isDirectory()
      ? (await readdir(path)).filter((entry) => entry.endsWith('.json')).sort().map((file) => join(path, file))
      : [path];
    if (files.length === 0) return { ok: false, message: `no pact files (*.json) in ${source}` };
    for (const file of files) {
      const problem = await notAPact(file);
      if (problem !== undefined) return { ok: false, message: `${info.isDirectory() ? join(source, basename(file)) : source} is not a pact file: ${problem}` };
    }
    resolved.push(...files);
  }
  return { ok: true, sources: resolved };
}

/**
 * Why a local file is not a pact Pact's verifier can load, or nothing. Pact's own message for it reaches the user
 * only as a failed verification; a file that is not a pact is a usage error, said in one line.
 */
async function notAPact(file: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return (error as { code?: string }).code === 'EACCES' ? 'permission denied' : 'it cannot be read';
  }
  let pact: unknown;
  try {
    pact = JSON.parse(text);
  } catch {
    return 'it is not JSON';
  }
  const { interactions, messages } = (pact ?? {}) as { interactions?: unknown; messages?: unknown };
  return Array.isArray(interactions) || Array.isArray(messages) ? undefined : 'it has no interactions';
}
