import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root directory. */
export const REPOSITORY = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** One page the docs generator writes: where, and its text. */
export interface GeneratedPage {
  /** Relative to the repository, e.g. `docs/cli.md`. */
  readonly path: string;
  readonly text: string;
}

/**
 * The first lines of a generated page: its title and a note saying it is generated, from what, and how to
 * regenerate it, so nobody edits it by hand (a test compares the page with what the generator writes).
 */
export function pageHeader(title: string, source: string): string {
  return [
    `# ${title}`,
    '',
    `> Generated from ${source} by \`npm run docs\` (\`scripts/docs/generate.ts\`).`,
    '> Do not edit it by hand: a test fails when it differs from what the generator writes.',
    '',
  ].join('\n');
}

/** Text for a Markdown table cell: one line, `|` escaped. */
export function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|');
}
