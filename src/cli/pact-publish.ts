import { parseCommandArgs, usageError } from './command.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from '../model/io.js';
import { hideCredentials } from '../secrets/hide-credentials.js';
import { FAX_PACT_DEFAULTS } from '../pact/states.js';
import { publishFaxPacts, type PublishFaxPactsOptions } from '../pact/publish-pacts.js';

const OPTIONS = {
  'broker-url': { type: 'string' },
  'consumer-version': { type: 'string' },
  branch: { type: 'string' },
  tag: { type: 'string', multiple: true },
  'build-url': { type: 'string' },
} as const;

/** `--help` of `pact publish`. */
export const PACT_PUBLISH_HELP = `Usage: twiml-fax-kit pact publish [FILE|DIR]... --broker-url URL --consumer-version V [options]

Publishes fax pacts (default ./${FAX_PACT_DEFAULTS.outDir}) to a Pact Broker with Pact's own broker client, from
@pact-foundation/pact-cli (npm install --save-dev @pact-foundation/pact-cli). The broker's token comes from env
PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD; it is never printed.

Options:
  --broker-url URL         the Pact Broker (or PactFlow) base URL (or env PACT_BROKER_BASE_URL)
  --consumer-version V     the version of the contract, e.g. the git sha that generated it (required)
  --branch B               the branch it was generated on
  --tag T                  a tag for the consumer version; repeat for several
  --build-url URL          the CI build, linked from the broker

Examples:
  twiml-fax-kit pact publish --broker-url https://broker.example.com --consumer-version "$GIT_SHA" --branch "$GIT_BRANCH"
  twiml-fax-kit pact publish pacts/twilio-fax-fax-app.json --broker-url https://broker.example.com --consumer-version 1.4.0 --tag prod

Exit codes: 0 published, 1 the broker refused, 2 usage error or Pact's broker client could not run.
`;

/** `twiml-fax-kit pact publish`: the pact files to the broker, through Pact's broker client. */
export async function runPactPublish(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('pact publish', argv, OPTIONS);
  if (!parsed.ok) return usageError(io, parsed.message);
  const { values, positionals } = parsed.args;
  const brokerUrl = values['broker-url'] ?? io.env.PACT_BROKER_BASE_URL;
  if (brokerUrl === undefined) return usageError(io, 'give the broker: --broker-url URL (or set PACT_BROKER_BASE_URL)');
  if (!/^https?:\/\//i.test(brokerUrl) || !URL.canParse(brokerUrl)) return usageError(io, `--broker-url must be an http(s) URL, not '${hideCredentials(brokerUrl)}'`);
  const consumerVersion = values['consumer-version'];
  if (consumerVersion === undefined || consumerVersion.trim() === '') return usageError(io, '--consumer-version V is required: the version the contract belongs to (e.g. the git sha)');
  const options: PublishFaxPactsOptions = {
    pacts: positionals.length > 0 ? positionals : [FAX_PACT_DEFAULTS.outDir],
    brokerUrl,
    consumerVersion,
    cwd: io.cwd,
    env: io.env,
    ...(values.branch !== undefined && { branch: values.branch }),
    ...(values.tag !== undefined && { tags: values.tag }),
    ...(values['build-url'] !== undefined && { buildUrl: values['build-url'] }),
  };
  const publication = await publishFaxPacts(options);
  if (publication.status === 'could-not-run') return usageError(io, publication.message);
  const stream = publication.status === 'published' ? io.stdout : io.stderr;
  stream.write(`${publication.output.join('\n')}\n`);
  return publication.status === 'published' ? EXIT.ok : EXIT.findings;
}
