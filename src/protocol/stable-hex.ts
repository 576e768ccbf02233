/**
 * `length` hex digits derived from `seed` (salted FNV-1a hashes, 8 digits each), so ids and URLs built from it never
 * change between runs. Not node:crypto: the msw handlers that use it also run in a browser under `setupWorker`.
 * @example stableHex('media:FX…', 32).length // 32
 */
export function stableHex(seed: string, length: number): string {
  let out = '';
  for (let salt = 0; out.length < length; salt++) {
    let hash = 0x811c9dc5 ^ salt;
    for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    out += hash.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}
