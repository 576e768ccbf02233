/**
 * The fax webhook contract as code: Twilio's fax service (consumer `twilio-fax`) and a fax webhook (provider
 * `fax-webhook`) that serves every part of it: both provider states, POST and GET, and the action callbacks at
 * `/fax/received`. The interactions and their matchers live in `src/pact/` (the CLI's `pact generate` writes the same
 * contract for other names, paths and parts); this file pins the committed copy.
 *
 * Regenerate the committed pact after changing the contract: `npx tsx contracts/fax-webhook.pact.ts`.
 * `test/pact/committed-contract.test.ts` fails while the committed file is stale.
 */
import { fileURLToPath } from 'node:url';
import { FAX_PACT_DEFAULTS, writeFaxPact, type WrittenFaxPact } from '../src/pact/index.js';

/** Where the committed pact lives. */
export const COMMITTED_PACTS_DIR = fileURLToPath(new URL('./pacts/', import.meta.url));

/** The committed pact's file name. */
export const COMMITTED_PACT_FILE = `${FAX_PACT_DEFAULTS.consumer}-${FAX_PACT_DEFAULTS.provider}.json`;

/** Writes the committed contract into `outDir`. */
export function writeCommittedContract(outDir: string): Promise<WrittenFaxPact> {
  return writeFaxPact({ provider: FAX_PACT_DEFAULTS.provider, outDir, ...COMMITTED_CONTRACT });
}

/** What the committed contract covers: all of it (`pact generate --callback-path /fax/received --states accepts,rejects --method both`). */
export const COMMITTED_CONTRACT = {
  callbackPath: '/fax/received',
  states: ['accepts', 'rejects'],
  methods: ['POST', 'GET'],
} as const;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = await writeCommittedContract(COMMITTED_PACTS_DIR);
  process.stdout.write(`wrote ${written.file}\n`);
}
