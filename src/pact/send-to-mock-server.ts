import type { Exchange } from '../model/exchange.js';
import { createSender, networkTransport } from '../sender/index.js';
import type { FaxInteraction } from './interactions.js';

/**
 * Sends an interaction's request to Pact's mock server through the kit's own sender, exactly as `check` sends a fax
 * webhook (encoding, Twilio's headers), with the given parameters (the interaction's examples by default). Whether
 * the mock server accepted it is Pact's to say (`executeTest` fails with its mismatches); see `expectAccepted`.
 *
 * A sender of its own per call: Pact's mock servers come and go on loopback ports the OS hands out again, so a
 * connection pooled for a finished mock server must never carry the next interaction's request.
 */
export async function sendToMockServer(mockServerUrl: string, interaction: FaxInteraction, params = interaction.params): Promise<Exchange> {
  const url = new URL(interaction.path, mockServerUrl).href;
  const sender = createSender({ transport: networkTransport(), target: url });
  try {
    return await sender.send({ method: interaction.method, url, params });
  } finally {
    await sender.close();
  }
}

/** Throws what the mock server said when it did not answer an interaction's request with a 2xx. */
export function expectAccepted(exchange: Exchange, interaction: FaxInteraction): void {
  const status = exchange.response?.status;
  if (status !== undefined && status >= 200 && status <= 299) return;
  const said = exchange.failure?.message ?? Buffer.from(exchange.response?.body ?? new Uint8Array()).toString('utf8');
  throw new Error(`Pact's mock server answered ${status ?? 'nothing'} to '${interaction.description}': ${said}`);
}
