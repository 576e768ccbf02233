import type { ShrinkBudget } from '../../src/runner/shrink.js';

/**
 * Shrinking bounded by replayed cases alone, for tests that assert what a shrink comes to. The kit's default budget
 * also stops after 4 s, which a loaded machine reaches: the shrink then stops earlier, and the same seed gives
 * another report. Cases, unlike seconds, are the same on every machine.
 */
export const CASE_BOUNDED_SHRINK: ShrinkBudget = { maxCases: 250, maxMs: 600_000 };
