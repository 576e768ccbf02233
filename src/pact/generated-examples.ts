import fc from 'fast-check';
import { faxWebhookParams } from '../../properties/fax-webhook-params.js';
import { receiveExpectation, type FaxContractPaths, type FaxInteraction } from './interactions.js';
import { FAX_PACT_STATES } from './states.js';

/** How many generated interactions to add, and the seed that freezes them. */
export interface GeneratedExamplesOptions {
  readonly count: number;
  readonly seed: number;
}

/**
 * Extra incoming-fax interactions whose parameters come from the kit's fast-check generators: SIP URIs, display
 * names with quotes and non-ASCII letters, characters that need percent-encoding. The same seed gives the same
 * interactions, so a contract generated in CI is reproducible. Their bodies are stored verbatim (no matchers):
 * they pin exact bytes a provider must parse.
 */
export function generatedExampleInteractions(options: GeneratedExamplesOptions, paths: FaxContractPaths): FaxInteraction[] {
  if (options.count <= 0) return [];
  const samples = fc.sample(faxWebhookParams({ sip: true, ...(paths.profile && { profile: paths.profile }) }), { seed: options.seed, numRuns: options.count });
  return samples.map((params, index) => ({
    description: `an incoming fax by POST from a SIP address (example ${index + 1} of seed ${options.seed})`,
    state: FAX_PACT_STATES.accepts,
    method: 'POST',
    path: paths.webhookPath,
    params: [
      ['FaxSid', params.FaxSid],
      ['AccountSid', params.AccountSid],
      ['From', params.From],
      ['To', params.To],
      ['ApiVersion', params.ApiVersion],
    ],
    patterns: {},
    matchParams: false,
    reply: receiveExpectation(paths),
  }));
}
