import { createHash } from 'node:crypto';

/**
 * Randomness for one check on one case, derived from the run's seed: the same seed gives the same fresh ids and
 * idempotency tokens whatever order concurrent cases finish in.
 */
export interface CaseRandom {
  /** A whole number in [0, max). */
  int(max: number): number;
  /** `n` random bytes as lower-case hex. */
  hex(bytes: number): string;
  /** A version-4 UUID. */
  uuid(): string;
}

/**
 * A deterministic `CaseRandom` for `key` (e.g. `${seed}/${caseId}/${checkId}`): SHA-256 in counter mode, which is
 * plenty for test data and needs no dependency.
 * @example caseRandom('1/example-1/idempotency').uuid()
 */
export function caseRandom(key: string): CaseRandom {
  let counter = 0;
  let pool = Buffer.alloc(0);
  const take = (count: number): Buffer => {
    while (pool.length < count) {
      pool = Buffer.concat([pool, createHash('sha256').update(`${key}#${counter++}`).digest()]);
    }
    const bytes = pool.subarray(0, count);
    pool = pool.subarray(count);
    return bytes;
  };
  return {
    int(max) {
      // 48 bits are far more than any range the checks ask for; the modulo bias is negligible there.
      return take(6).readUIntBE(0, 6) % max;
    },
    hex(bytes) {
      return take(bytes).toString('hex');
    },
    uuid() {
      const b = Buffer.from(take(16));
      b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
      b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
      const h = b.toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}
