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
 * The validator's rows, each measured for about `timeMs` per side. The ratio is of medians (p50 latency), which a
 * noisy shared machine disturbs less than means.
 */
export async function validatorRows(timeMs: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  rows.push(await compare('validator: the corpus (3 replies)', VALIDATOR_CORPUS.map((reply) => reply.text), timeMs, { max: 1.0 }));
  for (const reply of [...VALIDATOR_CORPUS, ...HOSTILE_REPLIES]) {
    rows.push(await compare(`validator: ${reply.name}`, [reply.text], timeMs, {}));
  }
  return rows;
}

async function compare(what: string, texts: readonly string[], timeMs: number, target: BenchRow['target']): Promise<BenchRow> {
  const bench = new Bench({ time: timeMs, warmupTime: Math.min(100, timeMs) });
  bench
    .add(KIT, () => {
      for (const text of texts) validateFaxTwiml(text, { contentType: 'text/xml' });
    })
    .add(REFERENCE, () => {
      for (const text of texts) XMLValidator.validate(text);
    });
  await bench.run();
  const kit = median(bench, KIT);
  const reference = median(bench, REFERENCE);
  return { what, kit: `${KIT} ${formatMs(kit)}`, reference: `${REFERENCE} ${formatMs(reference)}`, ratio: kit / reference, target };
}

function median(bench: Bench, name: string): number {
  const result = bench.getTask(name)?.result;
  if (!result || !('latency' in result)) throw new Error(`benchmark ${name} did not run`);
  return result.latency.p50;
}

function formatMs(ms: number): string {
  return ms < 0.1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(3)} ms`;
}
