import { describe, expect, it } from 'vitest';
import type { BenchRow } from '../../bench/row.js';
import { benchExitCode, formatBenchTable, formatRatio, formatTarget, missedTargets } from '../../bench/table.js';

const met: BenchRow = { what: 'cold start: --help', kit: 'twiml-fax-kit --help 150 ms', reference: 'node -e 0 120 ms', ratio: 1.25, target: { max: 1.5 } };
const missed: BenchRow = { what: 'harness', kit: 'checkServer 800 req/s', reference: 'undici Client 1000 req/s', ratio: 0.8, target: { min: 0.9 }, note: '2002 requests a run' };
const informative: BenchRow = { what: 'sign a webhook', kit: 'kit 20 µs', reference: 'twilio 4 µs', ratio: 5, target: {} };

describe('the bench table', () => {
  it('prints each ratio beside its target with a mark, and a note under its row', () => {
    const lines = formatBenchTable([met, missed, informative]).split('\n');
    expect(lines[2]).toMatch(/^✓ {2}cold start: --help +1\.25× {2}≤ 1\.5× +twiml-fax-kit --help 150 ms +node -e 0 120 ms$/);
    expect(lines[3]).toMatch(/^✗ {2}harness +0\.80× {2}≥ 0\.9× +checkServer 800 req\/s +undici Client 1000 req\/s$/);
    expect(lines[4]?.trim()).toBe('2002 requests a run');
    expect(lines[5]).toMatch(/^ {3}sign a webhook +5\.00× {2}— /);
  });

  it('shows a row that could not be measured as a dash, and counts it as missed', () => {
    const unmeasured: BenchRow = { ...met, what: 'validator', ratio: Number.NaN };
    expect(formatBenchTable([unmeasured]).split('\n')[2]).toMatch(/^✗ {2}validator +— {2}≤ 1\.5×/);
    expect(missedTargets([unmeasured, met])).toEqual(['validator']);
  });

  it('never shows a miss as its bound: three decimals where two would round onto it', () => {
    expect(formatRatio({ ...met, ratio: 1.304, target: { max: 1.3 } })).toBe('1.304×');
    expect(formatRatio({ ...met, ratio: 0.897, target: { min: 0.9 } })).toBe('0.897×');
    expect(formatRatio({ ...met, ratio: 1.296, target: { max: 1.3 } })).toBe('1.30×');
    expect(formatRatio({ ...met, ratio: 1.25, target: { max: 1.5 } })).toBe('1.25×');
  });

  it('exits 1 when a target is missed and 0 when every one is met', () => {
    expect(benchExitCode([met, informative])).toBe(0);
    expect(benchExitCode([met, missed])).toBe(1);
    expect(missedTargets([met, missed])).toEqual(['harness']);
  });

  it('says a target as a reader does', () => {
    expect(formatTarget({ max: 3 })).toBe('≤ 3×');
    expect(formatTarget({ min: 0.9 })).toBe('≥ 0.9×');
    expect(formatTarget({})).toBe('—');
  });
});
