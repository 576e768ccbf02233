import { runCli } from '../../src/cli/run-cli.js';
import { KIT_VERSION } from '../../src/cli/version.js';
import type { CliIo } from '../../src/model/io.js';
import { pageHeader, REPOSITORY, type GeneratedPage } from './page.js';

/** What `twiml-fax-kit ...argv` prints on stdout, with the version written as `<version>`. */
export async function helpText(argv: readonly string[]): Promise<string> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    stdin: (async function* () {})(),
    env: {},
    cwd: REPOSITORY,
  };
  const code = await runCli(argv, io);
  if (code !== 0 || err !== '') throw new Error(`twiml-fax-kit ${argv.join(' ')} exited ${code}: ${err}`);
  // The version changes with every release; the page would go stale without a word of it changing.
  return out.replaceAll(`twiml-fax-kit ${KIT_VERSION}:`, 'twiml-fax-kit <version>:');
}

/** The names a help text lists under `Commands:` (two-space indented, until the next blank line). */
export function listedCommands(help: string): string[] {
  const block = help.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
  return block.split('\n').flatMap((line) => /^ {2}([a-z][a-z-]*)\s/.exec(line)?.[1] ?? []);
}

/** Every command line that has a `--help`: `[]` (the kit), then each command and each of its subcommands. */
export async function helpTopics(): Promise<string[][]> {
  const topics: string[][] = [[]];
  for (const command of listedCommands(await helpText(['--help']))) {
    topics.push([command]);
    for (const sub of listedCommands(await helpText([command, '--help']))) topics.push([command, sub]);
  }
  return topics;
}

/** `docs/cli.md`: the `--help` of the kit and of every command and subcommand, as the CLI prints it. */
export async function renderCliPage(): Promise<GeneratedPage> {
  const topics = await helpTopics();
  const sections: string[] = [];
  for (const topic of topics) {
    const line = ['twiml-fax-kit', ...topic].join(' ');
    sections.push(`## \`${line}\``, '', '```text', (await helpText([...topic, '--help'])).trimEnd(), '```', '');
  }
  const text = [
    pageHeader('Command line', "the `--help` of every command (`runCli`'s own output)"),
    'Every command and flag of `twiml-fax-kit`, exactly as `--help` prints it. How a `check` run works (cases, seeds,',
    'replay, stopping, `--start`, secrets): [the check guide](check.md); `validate`: [the validate guide](validate.md);',
    'the pact commands: [Pact](pact.md); what `--reporter json` writes: [the report format](report.md).',
    '',
    ...topics.map((topic) => `- [\`${['twiml-fax-kit', ...topic].join(' ')}\`](#${['twiml-fax-kit', ...topic].join('-')})`),
    '',
    ...sections,
  ].join('\n');
  return { path: 'docs/cli.md', text };
}
