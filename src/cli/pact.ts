import { PACT_GENERATE_HELP, runPactGenerate } from './pact-generate.js';
import { PACT_VERIFY_HELP, runPactVerify } from './pact-verify.js';
import { PACT_PUBLISH_HELP, runPactPublish } from './pact-publish.js';
import { PACT_NOT_INSTALLED } from '../pact/load-pact.js';
import { usageError, type Command } from './command.js';
import { EXIT } from './exit-codes.js';

const HELP = `Usage: twiml-fax-kit pact <generate|verify|publish> [options]

Pact contracts for the fax webhook: Twilio's fax service is the consumer, your app the provider.

Commands:
  generate   write the contract as a Pact file for your provider name and paths
  verify     verify your running app against pacts with Pact's own verifier (and publish the result)
  publish    publish the contract to a Pact Broker with Pact's own broker client

Needs @pact-foundation/pact installed next to the kit (npm install --save-dev @pact-foundation/pact).

Examples:
  twiml-fax-kit pact generate --provider fax-app
  twiml-fax-kit pact verify http://localhost:3000 --state-url http://localhost:3000/_pact/state
  twiml-fax-kit pact generate --help

Exit codes: 0 written or verified, 1 mismatches, 2 usage error or Pact could not run.
`;

const SUBCOMMANDS = {
  generate: { help: PACT_GENERATE_HELP, run: runPactGenerate },
  verify: { help: PACT_VERIFY_HELP, run: runPactVerify },
  publish: { help: PACT_PUBLISH_HELP, run: runPactPublish },
} as const;

/** `twiml-fax-kit pact generate|verify`. */
export const pactCommand: Command = {
  name: 'pact',
  help: HELP,
  helpFor(argv) {
    const name = argv[0];
    return name !== undefined && Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name as keyof typeof SUBCOMMANDS].help : HELP;
  },
  async run(argv, io) {
    const [name, ...rest] = argv;
    if (name === undefined) return usageError(io, "give a pact command: 'twiml-fax-kit pact generate' or 'twiml-fax-kit pact verify' (see 'twiml-fax-kit pact --help')");
    if (!Object.hasOwn(SUBCOMMANDS, name)) return usageError(io, `unknown pact command '${name}'; commands: generate, verify, publish`);
    const subcommand = SUBCOMMANDS[name as keyof typeof SUBCOMMANDS];
    if (rest.includes('-h') || rest.includes('--help')) {
      io.stdout.write(subcommand.help);
      return EXIT.ok;
    }
    try {
      return await subcommand.run(rest, io);
    } catch (error) {
      // Pact is an optional peer dependency: its absence is the user's setup to fix, not an internal error.
      if (error instanceof Error && error.message === PACT_NOT_INSTALLED) return usageError(io, PACT_NOT_INSTALLED);
      throw error;
    }
  },
};
