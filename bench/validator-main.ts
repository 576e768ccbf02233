/**
 * `npx tsx bench/validator-main.ts`: the validator's bench rows alone (`npm run bench` prints them with the rest).
 * BENCH_TIME_MS sets the time per side of each row (default 500).
 */
import { meetsTarget } from './row.js';
import { validatorRows } from './validator.js';

const rows = await validatorRows(Number(process.env.BENCH_TIME_MS ?? 500));
for (const row of rows) {
  const { max, min } = row.target;
  const target = max !== undefined ? `target ≤ ${max.toFixed(2)}x` : min !== undefined ? `target ≥ ${min.toFixed(2)}x` : '';
  const verdict = target === '' ? '' : meetsTarget(row) ? '  ok' : '  MISSED';
  process.stdout.write(`${row.what.padEnd(52)} ${row.kit.padEnd(32)} vs ${row.reference.padEnd(34)} ${row.ratio.toFixed(2)}x ${target}${verdict}\n`);
}
