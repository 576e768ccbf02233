import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { runCli } from '../../src/cli/run-cli.js';
import { KIT_VERSION } from '../../src/cli/version.js';
import { helpTopics } from '../../scripts/docs/cli-page.js';
import { REPOSITORY } from '../../scripts/docs/page.js';
import { bufferIo } from '../support/buffer-io.js';

const page = readFileSync(resolve(REPOSITORY, 'docs/cli.md'), 'utf8');
const topics = await helpTopics();

/** The code block under the heading `## \`twiml-fax-kit ...\`` of docs/cli.md. */
function shownHelp(line: string): string | undefined {
  const start = page.indexOf(`## \`${line}\`\n\n\`\`\`text\n`);
  if (start === -1) return undefined;
  const body = page.slice(page.indexOf('```text\n', start) + '```text\n'.length);
  return body.slice(0, body.indexOf('\n```\n') + 1);
}

describe('docs/cli.md', () => {
  it('has a section for the kit, every command and every pact subcommand', () => {
    const shown = topics.map((topic) => topic.join(' '));
    expect(shown[0]).toBe('');
    expect(shown).toEqual(expect.arrayContaining([...COMMANDS.map((c) => c.name), 'pact generate', 'pact verify']));
  });

  it.each(topics.map((topic) => [['twiml-fax-kit', ...topic].join(' '), topic] as const))('shows `%s --help` exactly as the CLI prints it', async (line, topic) => {
    const { io, stdout, stderr } = bufferIo();
    expect(await runCli([...topic, '--help'], io)).toBe(0);
    expect(stderr()).toBe('');
    expect(shownHelp(line), `docs/cli.md differs from ${line} --help: run npm run docs`).toBe(stdout().replaceAll(`twiml-fax-kit ${KIT_VERSION}:`, 'twiml-fax-kit <version>:'));
  });
});

