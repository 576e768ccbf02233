import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { COMMITTED_PACTS_DIR, COMMITTED_PACT_FILE, writeCommittedContract } from '../../contracts/fax-webhook.pact.js';

/**
 * Pact stamps the versions of pact-js and its Rust core into `metadata`: they change when the dependencies are
 * upgraded, not when the contract does, so they are left out of the comparison. Everything else (interactions,
 * matchers, states, the specification version) must be identical.
 */
function withoutToolVersions(text: string): unknown {
  const pact = JSON.parse(text) as { metadata?: Record<string, unknown> };
  const { 'pact-js': _js, pactRust: _rust, ...metadata } = pact.metadata ?? {};
  return { ...pact, metadata };
}

it('matches the committed pact when regenerated (run `npx tsx contracts/fax-webhook.pact.ts` after changing the contract)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fax-pact-committed-'));
  try {
    const written = await writeCommittedContract(dir);
    const regenerated = await readFile(written.file, 'utf8');
    const committed = await readFile(join(COMMITTED_PACTS_DIR, COMMITTED_PACT_FILE), 'utf8');
    expect(withoutToolVersions(regenerated)).toEqual(withoutToolVersions(committed));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
