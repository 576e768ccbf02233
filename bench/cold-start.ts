import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli } from './bundle.js';
import { formatMs, interleaved, median, sideBySide } from './measure.js';
import { BIN, timeToExit, timeToFirstRequest } from './processes.js';
import type { BenchRow } from './row.js';
import type { BenchServer } from './server.js';

// A one-line reply that passes: `validate` reads it, checks it and prints one line.
const SMALL_REPLY = '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Receive action="/fax/received"/></Response>\n';

/**
 * Cold starts of the built CLI against a bare `node -e 0`, spawned alternately `rounds` times each, medians compared
 * (issue 14: `--help` and `--version` ≤ 1.5×, `validate` of a small file ≤ 2×, `check` to its first request ≤ 3×).
 * `check` is timed from its spawn to the moment the bench's server sees its first request, then killed.
 */
export async function coldStartRows(server: BenchServer, rounds: number, env: NodeJS.ProcessEnv): Promise<BenchRow[]> {
  const reply = join(tmpdir(), `twiml-fax-kit-bench-${process.pid}.xml`);
  writeFileSync(reply, SMALL_REPLY);
  const bare = ['-e', '0'];
  const rows: BenchRow[] = [];
  const commands: readonly { what: string; words: readonly string[]; max: number }[] = [
    { what: 'cold start: --version', words: ['--version'], max: 1.5 },
    { what: 'cold start: --help', words: ['--help'], max: 1.5 },
    { what: 'cold start: validate a small file', words: ['validate', reply], max: 2 },
  ];
  for (const { what, words, max } of commands) {
    const figures = await sideBySide(rounds, () => timeToExit([BIN, ...words], env), () => timeToExit(bare, env));
    rows.push(ratioRow(what, `twiml-fax-kit ${words[0]}`, figures, max));
  }
  // `check` from the build, and from a bundle of the same build (what is left once Node no longer loads ~200 separate
  // files), in the same rounds as their reference.
  const bundled = await bundleCli();
  const [fromBuild, fromBundle, reference] = await interleaved(rounds, [
    () => timeToFirstRequest([BIN, 'check', server.url, '--seed', '1'], server.nextRequest(), env),
    () => timeToFirstRequest([bundled, 'check', server.url, '--seed', '1'], server.nextRequest(), env),
    () => timeToExit(bare, env),
  ]);
  const check = { kit: fromBuild ?? [], reference: reference ?? [] };
  const bundledRow = ratioRow('  the same, CLI bundled by rolldown', 'bundled check URL', { kit: fromBundle ?? [], reference: reference ?? [] }, Number.NaN);
  rows.push(
    {
      ...ratioRow('cold start: check, to its first request', 'twiml-fax-kit check URL', check, 3),
      note:
        'from spawn until the server sees the first request. What is left is what that request needs: Node loading the CLI, the checks, the validator ' +
        "and undici's client (which loads node:http2 and compiles its llhttp WebAssembly), the media server's listen (node:cluster); " +
        'fast-check, cookies, caching, the progress bar and other reporters load after it (test/package/check-start-up.test.ts)',
    },
    {
      ...bundledRow,
      target: {},
      note: 'for information: the build bundled into a few chunks (not what the package ships), timed the same way',
    },
  );
  return rows;
}

function ratioRow(what: string, kitName: string, figures: { kit: number[]; reference: number[] }, max: number): BenchRow {
  const kit = median(figures.kit);
  const reference = median(figures.reference);
  return { what, kit: `${kitName} ${formatMs(kit)}`, reference: `node -e 0 ${formatMs(reference)}`, ratio: kit / reference, target: { max } };
}
