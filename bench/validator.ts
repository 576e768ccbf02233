/**
 * The validator's bench rows (issue 14): `validateFaxTwiml` against fast-xml-parser's `XMLValidator.validate`, side
 * by side in one run. The corpus row carries the target (at most 1.0×); the rows for each reply alone and for the
 * hostile replies carry none: they show where the time goes.
 */
import { XMLValidator } from 'fast-xml-parser';
import { Bench } from 'tinybench';
import { validateFaxTwiml } from '../src/twiml/index.js';
import type { BenchRow } from './row.js';

/** A reply of the bench: what it is called in a row, and its text. */
export interface BenchReply {
  readonly name: string;
  readonly text: string;
}

/** The corpus: the replies a server sends in practice. */
export const VALIDATOR_CORPUS: readonly BenchReply[] = [
  { name: 'a one-liner', text: '<Response><Receive/></Response>' },
  {
    name: 'an indented reply with every attribute',
    text: `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Receive action="/fax/received" method="POST" mediaType="application/pdf" pageSize="letter" storeMedia="true"/>
</Response>`,
  },
  // Just under Twilio's 64 kB limit: the largest reply the validator reads.
  { name: 'a 60 kB reply', text: `<Response><!-- ${'x'.repeat(60_000)} --><Receive/></Response>` },
];

/** Replies written to cost the most per byte: every element or attribute is a finding. */
export const HOSTILE_REPLIES: readonly BenchReply[] = [
  { name: '15,000 unknown elements', text: `<Response><Receive/>${'<X/>'.repeat(15_000)}</Response>` },
  {
    name: '5,500 distinct attributes',
    text: `<Response><Receive ${Array.from({ length: 5_500 }, (_, i) => `a${i}="1"`).join(' ')}/></Response>`,
  },
  // Many lines and multi-byte text: the position index has work to do.
  {
    name: '2,000 lines, multi-byte text in <Receive>',
    text: `<Response>\n<Receive>\n${'  fax — ünïcödé 📠 text &amp; more\n'.repeat(1_000)}</Receive>\n${'<Pause/>\n'.repeat(1_000)}</Response>`,
  },
];

const KIT = 'validateFaxTwiml';
const REFERENCE = 'XMLValidator.validate';

/**
 * The validator's rows, each measured for about `timeMs` per side. Each row is measured in rounds that alternate
 * the two sides, and reports the median of the rounds' ratios of medians (p50 latency): a burst of load from
 * another process on a shared machine then spoils one round, not the row.
 */
export async function validatorRows(timeMs: number): Promise<BenchRow[]> {
  // Both sides compiled before the first row: otherwise the corpus row, measured first, pays for the JIT.
  for (let i = 0; i < 2_000; i++) {
    for (const reply of VALIDATOR_CORPUS) {
      validateFaxTwiml(reply.text, { contentType: 'text/xml' });
      XMLValidator.validate(reply.text);
    }
  }
  const rows: BenchRow[] = [];
  rows.push(await compare('validator: the corpus (3 replies)', VALIDATOR_CORPUS.map((reply) => reply.text), timeMs, { max: 1.0 }));
  for (const reply of [...VALIDATOR_CORPUS, ...HOSTILE_REPLIES]) {
    rows.push(await compare(`validator: ${reply.name}`, [reply.text], timeMs, {}));
  }
  return rows;
}

const ROUNDS = 5;

async function compare(what: string, texts: readonly string[], timeMs: number, target: BenchRow['target']): Promise<BenchRow> {
  const kit = (): void => {
    for (const text of texts) validateFaxTwiml(text, { contentType: 'text/xml' });
  };
  const reference = (): void => {
    for (const text of texts) XMLValidator.validate(text);
  };
  const rounds: { kit: number; reference: number; ratio: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // The first round warms the JIT up for longer; a few iterations suffice for the slowest replies (tens of ms).
    const bench = new Bench({ time: timeMs / ROUNDS, iterations: 8, warmupTime: round === 0 ? timeMs / 2 : 10, warmupIterations: 4 });
    // Alternate which side runs first, so that neither always meets the other's garbage.
    if (round % 2 === 0) bench.add(KIT, kit).add(REFERENCE, reference);
    else bench.add(REFERENCE, reference).add(KIT, kit);
    await bench.run();
    const k = median(bench, KIT);
    const r = median(bench, REFERENCE);
    rounds.push({ kit: k, reference: r, ratio: k / r });
  }
  rounds.sort((a, b) => a.ratio - b.ratio);
  const middle = rounds[Math.floor(ROUNDS / 2)];
  if (!middle) throw new Error(`benchmark ${what} did not run`);
  return { what, kit: `${KIT} ${formatMs(middle.kit)}`, reference: `${REFERENCE} ${formatMs(middle.reference)}`, ratio: middle.ratio, target };
}

function median(bench: Bench, name: string): number {
  const result = bench.getTask(name)?.result;
  if (!result || !('latency' in result)) throw new Error(`benchmark ${name} did not run`);
  return result.latency.p50;
}

function formatMs(ms: number): string {
  return ms < 0.1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(3)} ms`;
}
