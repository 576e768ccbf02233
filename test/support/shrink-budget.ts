import type { ShrinkBudget } from '../../src/runner/shrink.js';

/**
 * Shrinking bounded by replayed cases alone, for tests that assert what a shrink comes to. The kit's default budget
 * also has a time limit (30 s per failure, for slow servers) that a loaded machine never reaches against these
 * loopback servers; this budget makes that certain.
 */
export const CASE_BOUNDED_SHRINK: ShrinkBudget = { maxCases: 250, maxMs: 600_000 };
