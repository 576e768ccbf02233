import { formatMs, median, sideBySide } from './measure.js';
import { BIN, runToEnd, timeToFirstRequest, type RunFigures } from './processes.js';
import type { BenchRow } from './row.js';
import type { BenchServer } from './server.js';

/**
 * How `check` scales with `--runs` (issue 14): the built CLI, as users run it, against the bench's server, with
 * `--checks status-code` (one request per case) so that 100,000 cases take a couple of minutes rather than an hour;
 * every other check only multiplies the requests per case.
 *
 * - Linear time: the time per case once sending has begun, `(exit − first request) / cases`, at the largest `--runs`
 *   against 1,000 (at most 1.3×). The start-up is left out: it is the same at any `--runs` and is held to its own
 *   targets (the first request, below, and the cold start).
 * - First request: from spawn to the first request at the largest `--runs` against 100 (at most 1.3×; the absolute
 *   figure is printed, and is meant to stay within 0.5 s), medians of `rounds` spawns each, alternating, each killed
 *   once its first request arrives.
 * - Peak memory: the peak RSS of a whole run at the largest `--runs` against 1,000 (at most 1.3×).
 */
export async function scaleRows(server: BenchServer, options: { runs: readonly number[]; rounds: number; env: NodeJS.ProcessEnv }): Promise<BenchRow[]> {
  const { env } = options;
  const args = (runs: number) => ['check', server.url, '--checks', 'status-code', '--runs', String(runs), '--seed', '1'];
  const largest = Math.max(...options.runs);
  const whole = new Map<number, RunFigures>();
  for (const runs of options.runs) {
    const figures = await runToEnd(args(runs), server.nextRequest(), env);
    if (figures.exitCode !== 0) throw new Error(`check --runs ${runs} exited with ${figures.exitCode}: the bench's server should pass`);
    whole.set(runs, figures);
    process.stderr.write(`  --runs ${runs}: ${formatMs(figures.totalMs)}, first request at ${formatMs(figures.firstRequestMs)}, peak RSS ${Math.round(figures.maxRssKb / 1024)} MB\n`);
  }
  const perCase = (runs: number) => {
    const figures = whole.get(runs) as RunFigures;
    return (figures.totalMs - figures.firstRequestMs) / runs;
  };
  const first = await sideBySide(
    options.rounds,
    () => timeToFirstRequest([BIN, ...args(largest)], server.nextRequest(), env),
    () => timeToFirstRequest([BIN, ...args(100)], server.nextRequest(), env),
  );
  const firstLargest = median(first.kit);
  const firstSmall = median(first.reference);
  const big = whole.get(largest) as RunFigures;
  const thousand = whole.get(1000) as RunFigures;
  const count = (runs: number) => runs.toLocaleString('en-US');
  return [
    {
      what: `time per case: --runs ${count(largest)} vs 1,000`,
      kit: `${formatMs(perCase(largest))} a case`,
      reference: `${formatMs(perCase(1000))} a case`,
      ratio: perCase(largest) / perCase(1000),
      target: { max: 1.3 },
      note: `whole runs: ${options.runs.map((runs) => `${count(runs)} in ${formatMs((whole.get(runs) as RunFigures).totalMs)}`).join(', ')}`,
    },
    {
      what: `first request: --runs ${count(largest)} vs 100`,
      kit: `${formatMs(firstLargest)}`,
      reference: `${formatMs(firstSmall)}`,
      ratio: firstLargest / firstSmall,
      target: { max: 1.3 },
      note: `from spawn, median of ${options.rounds}; within 0.5 s of start: ${firstLargest <= 500 ? 'yes' : `no (${formatMs(firstLargest)}: see the cold start of check)`}`,
    },
    {
      what: `peak RSS: --runs ${count(largest)} vs 1,000`,
      kit: `${Math.round(big.maxRssKb / 1024)} MB`,
      reference: `${Math.round(thousand.maxRssKb / 1024)} MB`,
      ratio: big.maxRssKb / thousand.maxRssKb,
      target: { max: 1.3 },
      // Nothing is kept per case (test/runner/retention.test.ts); what grows is garbage. `node --trace-gc` on a long run
      // shows a full collection leaving some 17 MB live, then V8 letting its old space fill with promoted garbage (undici
      // and Node's per-connection objects outlive a scavenge or two) to about 4 times that before the next one: the peak
      // levels off there, a level a 1,000-case run ends before it reaches. The kit does not set V8's heap flags.
      note:
        `peaks: ${options.runs.map((runs) => `${count(runs)} cases ${Math.round((whole.get(runs) as RunFigures).maxRssKb / 1024)} MB`).join(', ')}; ` +
        'the limit: V8 fills its old space with garbage to about 4× the live heap before collecting it, whatever the run keeps',
    },
  ];
}
