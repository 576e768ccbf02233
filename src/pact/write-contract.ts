import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { addFaxInteraction } from './build-interaction.js';
import { generatedExampleInteractions, type GeneratedExamplesOptions } from './generated-examples.js';
import { faxInteractions, type FaxInteraction } from './interactions.js';
import { loadPact } from './load-pact.js';
import { sendAsTwilio, toTwilioStyleRequest } from './send-as-twilio.js';
import { FAX_PACT_DEFAULTS } from './states.js';

/** What `writeFaxPact` writes: one contract between Twilio's fax service and the user's provider. */
export interface FaxPactOptions {
  /** The user's app, as named in their Pact Broker. */
  readonly provider: string;
  /** Default `twilio-fax`. */
  readonly consumer?: string;
  /** Default `/fax`. */
  readonly webhookPath?: string;
  /** Default `/fax/received`. */
  readonly callbackPath?: string;
  /** The `<Receive>` attributes the provider's reply carries; default all five. */
  readonly receiveAttributes?: readonly string[];
  /** Directory the pact file is written to (created if needed). */
  readonly outDir: string;
  /** Adds `count` interactions generated from the kit's fast-check generators, frozen by `seed`. */
  readonly examples?: GeneratedExamplesOptions;
}

/** The pact file written and what it holds. */
export interface WrittenFaxPact {
  readonly file: string;
  readonly consumer: string;
  readonly provider: string;
  readonly interactions: readonly FaxInteraction[];
}

/**
 * Writes the fax contract as a Pact (specification V3) file. Each interaction runs against Pact's mock server
 * with the request sent as Twilio sends it, so a contract is only written if Twilio's requests satisfy it.
 * An existing file for the same pair is replaced, not merged: the output depends on the options alone.
 * @example await writeFaxPact({ provider: 'fax-app', outDir: 'pacts' }) // { file: 'pacts/twilio-fax-fax-app.json', ... }
 */
export async function writeFaxPact(options: FaxPactOptions): Promise<WrittenFaxPact> {
  const consumer = options.consumer ?? FAX_PACT_DEFAULTS.consumer;
  const paths = {
    webhookPath: options.webhookPath ?? FAX_PACT_DEFAULTS.webhookPath,
    callbackPath: options.callbackPath ?? FAX_PACT_DEFAULTS.callbackPath,
    ...(options.receiveAttributes !== undefined ? { receiveAttributes: options.receiveAttributes } : {}),
  };
  const interactions = [...faxInteractions(paths), ...(options.examples ? generatedExampleInteractions(options.examples, paths) : [])];
  const dir = resolve(options.outDir);
  const file = join(dir, `${consumer}-${options.provider}.json`);
  await rm(file, { force: true });

  const dsl = await loadPact();
  const pact = new dsl.PactV3({ consumer, provider: options.provider, dir, logLevel: 'error' });
  for (const interaction of interactions) {
    addFaxInteraction(pact, interaction, dsl);
    await pact.executeTest(async (mockServer) => {
      const reply = await sendAsTwilio(toTwilioStyleRequest(mockServer.url, interaction.method, interaction.path, interaction.params));
      if (reply.status < 200 || reply.status > 299) {
        throw new Error(`Pact's mock server answered ${reply.status} to '${interaction.description}': ${reply.body}`);
      }
    });
  }
  return { file, consumer, provider: options.provider, interactions };
}
