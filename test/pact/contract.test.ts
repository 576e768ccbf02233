import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionCallbackParams, faxWebhookParams } from '../../properties/index.js';
import { addFaxInteraction } from '../../src/pact/build-interaction.js';
import { executePactTest } from '../../src/pact/execute-test.js';
import { FAX_PACT_DEFAULTS, faxInteractions, type FaxInteraction } from '../../src/pact/index.js';
import { loadPact } from '../../src/pact/load-pact.js';
import { sendToMockServer } from '../../src/pact/send-to-mock-server.js';
import type { FormParams } from '../../src/model/exchange.js';

// The consumer side: each interaction runs against Pact's mock server, with requests as the kit's sender sends
// them (as `check` does), their parameters drawn from the kit's generators (SIP addresses, display names, non-ASCII), so the
// contract's matchers are shown to accept what Twilio sends, not only the examples.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fax-pact-consumer-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const INTERACTIONS = faxInteractions({ ...FAX_PACT_DEFAULTS, callbackPath: '/fax/received', states: ['accepts', 'rejects'], methods: ['POST', 'GET'] });

function generatedParams(interaction: FaxInteraction, seed: number): FormParams[] {
  const arbitrary: fc.Arbitrary<Record<string, string | undefined>> = interaction.description.includes('received fax')
    ? actionCallbackParams({ outcome: 'received' }).map((params): Record<string, string | undefined> => ({ ...params }))
    : interaction.description.includes('failed fax')
      ? actionCallbackParams({ outcome: 'failed' }).map(({ RemoteStationId: _ignored, ...rest }): Record<string, string | undefined> => ({ ...rest }))
      : faxWebhookParams().map((params): Record<string, string | undefined> => ({ ...params }));
  return fc.sample(arbitrary, { seed, numRuns: 5 }).map((params) =>
    Object.entries(params).flatMap(([name, value]) => (value === undefined ? [] : [[name, value] as const])),
  );
}

interface Reply {
  readonly status: number;
  readonly body: string;
}

/** Sends the requests to Pact's mock server; rejects with Pact's mismatches when one does not match. */
async function runAgainstMockServer(interaction: FaxInteraction, requests: readonly FormParams[]): Promise<Reply[]> {
  const dsl = await loadPact();
  const pact = new dsl.PactV3({ consumer: 'twilio-fax', provider: 'consumer-test', dir, logLevel: 'error' });
  let replies: Reply[] = [];
  await executePactTest(pact, () => addFaxInteraction(pact, interaction, dsl), async (mockServer) => {
    replies = [];
    for (const params of requests) {
      const exchange = await sendToMockServer(mockServer.url, interaction, params);
      replies.push({ status: exchange.response?.status ?? 0, body: Buffer.from(exchange.response?.body ?? new Uint8Array()).toString('utf8') });
    }
  });
  return replies;
}

function expectedBody(interaction: FaxInteraction): string {
  if (interaction.reply.kind === 'receive') return '<Receive';
  return interaction.reply.kind === 'reject' ? '<Reject/>' : '';
}

describe('the fax contract on the consumer side', () => {
  it.each(INTERACTIONS.map((interaction, index) => [interaction.description, interaction, index] as const))(
    "accepts '%s' as Twilio sends it, with generated parameters",
    async (_description, interaction, index) => {
      const replies = await runAgainstMockServer(interaction, generatedParams(interaction, 100 + index));
      expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200]);
      for (const reply of replies) expect(reply.body).toContain(expectedBody(interaction));
    },
  );

  it('refuses an incoming fax whose FaxSid Twilio would never send', async () => {
    const [post] = INTERACTIONS;
    if (!post) throw new Error('no interactions');
    const params: FormParams = post.params.map(([name, value]) => [name, name === 'FaxSid' ? value.toLowerCase() : value]);
    await expect(runAgainstMockServer(post, [params])).rejects.toThrow(/\$\.FaxSid: Expected 'fxa1b2/);
  });

  it('refuses an incoming fax whose From is not an address', async () => {
    const [post] = INTERACTIONS;
    if (!post) throw new Error('no interactions');
    const params: FormParams = post.params.map(([name, value]) => [name, name === 'From' ? '4155550100' : value]);
    await expect(runAgainstMockServer(post, [params])).rejects.toThrow(/\$\.From: Expected '4155550100' to match/);
  });
});
