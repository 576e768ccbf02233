import { PACT_GENERATE_HELP, runPactGenerate } from '../pact/commands/pact-generate.js';
import { PACT_VERIFY_HELP, runPactVerify } from '../pact/commands/pact-verify.js';
import { usageError, type Command } from './command.js';
import { EXIT } from './io.js';

const HELP = `Usage: twiml-fax-kit pact <generate|verify> [options]

Pact contracts for the fax webhook: Twilio's fax service is the consumer, your app the provider.

Commands:
  generate   write the contract as a Pact file for your provider name and paths
  verify     verify your running app against pacts with Pact's own verifier (and publish the result)

Exit codes: 0 written or verified, 1 mismatches, 2 usage error or Pact could not run.
`;

const SUBCOMMANDS = {
  generate: { help: PACT_GENERATE_HELP, run: runPactGenerate },
  verify: { help: PACT_VERIFY_HELP, run: runPactVerify },
} as const;

/** `twiml-fax-kit pact generate|verify`. */
export const pactCommand: Command = {
  name: 'pact',
  summary: 'generate the fax webhook Pact contract, or verify an app against it with Pact',
  help: HELP,
  helpFor(argv) {
    const name = argv[0];
    return name !== undefined && Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name as keyof typeof SUBCOMMANDS].help : HELP;
  },
  async run(argv, io) {
    const [name, ...rest] = argv;
    if (name === undefined) return usageError(io, "give a pact command: 'twiml-fax-kit pact generate' or 'twiml-fax-kit pact verify' (see 'twiml-fax-kit pact --help')");
    if (!Object.hasOwn(SUBCOMMANDS, name)) return usageError(io, `unknown pact command '${name}'; commands: generate, verify`);
    const subcommand = SUBCOMMANDS[name as keyof typeof SUBCOMMANDS];
    if (rest.includes('-h') || rest.includes('--help')) {
      io.stdout.write(subcommand.help);
      return EXIT.ok;
    }
    return subcommand.run(rest, io);
  },
};
