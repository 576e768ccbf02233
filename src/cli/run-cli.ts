import { createRedactor } from '../secrets/redact.js';
import { KIT_VERSION } from './version.js';
import { COMMANDS } from './commands.js';
import { invocationSecrets } from './invocation-secrets.js';
import { didYouMean } from './did-you-mean.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from '../model/io.js';

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 8);
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `twiml-fax-kit ${KIT_VERSION}: contract testing and conformance for Twilio fax webhooks

Usage: twiml-fax-kit <command> [options]

Commands:
${list}

Options:
  -h, --help     show help (also: twiml-fax-kit <command> --help)
  -v, --version  print the version
  --debug        print stack traces of internal errors

Examples:
  twiml-fax-kit check http://localhost:3000/fax
  twiml-fax-kit check http://127.0.0.1:3000/fax --start "npm start" --reporter junit:reports/fax.xml
  twiml-fax-kit validate reply.xml
  twiml-fax-kit pact generate --provider fax-app

Exit codes: 0 passed; 1 a finding at or above --fail-on (default warning; pact verify: a mismatch), or a run that
judged nothing or that the kit stopped early (never a pass); 2 usage error or the kit could not run; 130 interrupted
(Ctrl-C or SIGTERM: never a pass).
`;
}

/**
 * Runs the CLI on `argv` (without node and script) and returns the exit code. Never exits the process and
 * never throws: an internal error is one line on stderr (a stack trace with `--debug`) and exit code 2. What is
 * printed here, outside any command, is redacted with the secrets the invocation carries (`invocationSecrets`): an
 * error's message may quote a URL with credentials or the token.
 * @example await runCli(['validate', 'reply.xml'], io)
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const [name, ...rest] = args;
  const redactor = createRedactor(invocationSecrets(args, io.env));
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(topic ? (await topic.load()).help : mainHelp());
    return EXIT.ok;
  }
  if (name === '-v' || name === '--version') {
    io.stdout.write(`${KIT_VERSION}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    const guess = didYouMean(name, COMMANDS.map((c) => c.name));
    const suggestion = guess === undefined ? '' : `did you mean '${guess}'? `;
    io.stderr.write(`twiml-fax-kit: unknown command '${redactor.redactServerText(name)}'; ${suggestion}commands: ${COMMANDS.map((c) => c.name).join(', ')} (see 'twiml-fax-kit --help')\n`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout.write(command.helpFor?.(rest) ?? command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // Redacted whole, before the first line is cut from it.
    const message = redactor.redactServerText(error instanceof Error ? error.message : String(error));
    io.stderr.write(`twiml-fax-kit: internal error: ${message.split('\n')[0]} (run again with --debug for details)\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${redactor.redactServerText(error.stack)}\n`);
    return EXIT.usage;
  }
}
