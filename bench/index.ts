/**
 * `npm run bench` (after `npm run build`: the cold starts and the scale runs spawn the built CLI, as users run it):
 * issue 14's targets, each a ratio measured side by side in one run against a reference (never an absolute threshold:
 * the machines are shared and noisy), printed in one table beside its target, ✓ or ✗. Exits 1 when a target is
 * missed. Not part of `npm test`.
 *
 * `BENCH_QUICK=1` runs fewer rounds and stops the scale rows at 10,000 cases (100,000 take a few minutes);
 * `BENCH_ONLY=cold,harness` runs only those groups (validator, cold, harness, scale, micro); `BENCH_TIME_MS` sets the time of each tinybench task (default 500).
 */
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { randomBytes } from 'node:crypto';
import { coldStartRows } from './cold-start.js';
import { microRows } from './micro.js';
import { BIN } from './processes.js';
import type { BenchRow } from './row.js';
import { scaleRows } from './scale.js';
import { startBenchServer } from './server.js';
import { benchExitCode, formatBenchTable, missedTargets } from './table.js';
import { throughputRows } from './throughput.js';
import { validatorRows } from './validator.js';

const QUICK = process.env.BENCH_QUICK === '1';
// `BENCH_ONLY=cold,harness` runs only these groups (validator, cold, harness, scale, micro): for profiling one.
const ONLY = process.env.BENCH_ONLY?.split(',');
const runs = (group: string) => ONLY === undefined || ONLY.includes(group);
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 500);
const progress = (line: string) => void process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  if (!existsSync(BIN)) {
    process.stderr.write(`npm run bench: ${BIN} is missing; run npm run build first (npm run bench does)\n`);
    return 2;
  }
  // A token signs every request and makes the example server check every signature, as in `npm start`.
  const authToken = randomBytes(16).toString('hex');
  const env = { ...process.env, TWILIO_AUTH_TOKEN: authToken, NO_COLOR: '1' };
  const server = await startBenchServer(authToken);
  const rows: BenchRow[] = [];
  const loadBefore = loadavg()[0] ?? 0;
  try {
    if (runs('validator')) rows.push(...(await validatorRows(TIME_MS)));
    if (runs('cold')) progress('cold starts…');
    if (runs('cold')) rows.push(...(await coldStartRows(server, QUICK ? 5 : 11, env)));
    if (runs('harness')) progress('harness against undici…');
    if (runs('harness')) rows.push(...(await throughputRows(server, { runs: QUICK ? 500 : 2000, rounds: QUICK ? 3 : 5, concurrency: 8, authToken })));
    if (runs('scale')) progress('scale…');
    if (runs('scale')) rows.push(...(await scaleRows(server, { runs: QUICK ? [100, 1_000, 10_000] : [100, 1_000, 10_000, 100_000], rounds: QUICK ? 3 : 5, env })));
    if (runs('micro')) progress('signing and delivery…');
    if (runs('micro')) rows.push(...(await microRows(TIME_MS)));
  } finally {
    await server.close();
  }
  process.stdout.write(`twiml-fax-kit bench${QUICK ? ' (BENCH_QUICK: fewer rounds, scale up to 10,000 cases)' : ''}: each ratio is kit / reference\n\n`);
  process.stdout.write(formatBenchTable(rows));
  process.stdout.write(`\n${machineLine(loadBefore, loadavg()[0] ?? 0)}\n`);
  const missed = missedTargets(rows);
  process.stdout.write(missed.length === 0 ? '\nevery target met\n' : `\n${missed.length} target(s) missed: ${missed.join('; ')}\n`);
  return benchExitCode(rows);
}

/**
 * The machine the figures come from, and how busy it was: ratios are measured side by side, yet a machine busier than
 * its cores swings them from run to run, which the line says rather than leave a reader to trust one run.
 */
function machineLine(loadBefore: number, loadAfter: number): string {
  const cores = availableParallelism();
  const load = Math.max(loadBefore, loadAfter);
  const busy = load > cores ? `; busier than its ${cores} cores: ratios swing between runs, compare a few` : '';
  return `machine: ${cores} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after${busy}`;
}

process.exitCode = await main();
