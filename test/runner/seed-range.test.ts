import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { checkServer } from '../../src/harness/check-server.js';
import { MAX_SEED, MIN_SEED } from '../../src/model/seed.js';
import { bufferIo } from '../support/buffer-io.js';

// Nothing listens on port 1: a run ends at once, and what matters is whether it runs.
const NOWHERE = 'http://127.0.0.1:1/fax';

async function cli(seed: string): Promise<{ code: number; stderr: string; seed?: number }> {
  const { io, stdout, stderr } = bufferIo();
  const code = await runCli(['check', NOWHERE, `--seed=${seed}`, '--runs', '0', '--checks', 'reachable', '--timeout', '1000', '--reporter', 'json'], io);
  return { code, stderr: stderr(), ...(code !== 2 && { seed: (JSON.parse(stdout()) as { seed: number }).seed }) };
}

describe('--seed and checkServer({ seed }) accept the same range, the one fast-check reads', () => {
  it('is the range in which fast-check tells seeds apart: 2^32 apart they run the same cases', () => {
    const sample = (seed: number): number[] => fc.sample(fc.nat(), { seed, numRuns: 5 });
    expect(sample(1)).toEqual(sample(1 + 2 ** 32));
    expect(sample(MAX_SEED + 1)).toEqual(sample(MIN_SEED));
    expect(sample(MIN_SEED)).not.toEqual(sample(MAX_SEED));
  });

  it.each([MIN_SEED, -1, 0, MAX_SEED])('runs with seed %d, from the CLI and the library alike', async (seed) => {
    expect(await cli(String(seed))).toMatchObject({ stderr: '', seed });
    const report = await checkServer({ url: NOWHERE }, { seed, runs: 0, checks: ['reachable'], timeoutMs: 1000 });
    expect(report.seed).toBe(seed);
  });

  it.each([MIN_SEED - 1, MAX_SEED + 1, 2 ** 32 + 1, 1.5])('refuses seed %d in one line, from the CLI and the library alike', async (seed) => {
    expect(await cli(String(seed))).toEqual({ code: 2, stderr: `twiml-fax-kit: --seed must be a whole number from -2147483648 to 2147483647, not '${seed}'\n` });
    const running = checkServer({ url: NOWHERE }, { seed, runs: 0, checks: ['reachable'] });
    await expect(running).rejects.toThrow(new TypeError(`checkServer: seed must be a whole number from -2147483648 to 2147483647, not ${seed}`));
  });
});
