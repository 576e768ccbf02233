/**
 * `npm run docs`: writes every generated page of the reference in `docs/` (the CLI from `--help`, the checks from the
 * registry, the library API from the entries' TSDoc, the assumptions from `src/protocol/assumptions.ts`). Tests under
 * `test/docs/` fail when a page on disk differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderApiPage } from './api-page.js';
import { renderAssumptionsPage } from './assumptions-page.js';
import { renderChecksPage } from './checks-page.js';
import { renderCliPage } from './cli-page.js';
import { REPOSITORY, type GeneratedPage } from './page.js';

/** Every generated page, rendered now. */
export async function generatedPages(): Promise<GeneratedPage[]> {
  return [await renderCliPage(), renderChecksPage(), renderApiPage(), renderAssumptionsPage()];
}

// Run as a script (tsx scripts/docs/generate.ts), not when a test imports it.
if (process.argv[1] && resolve(process.argv[1]) === resolve(REPOSITORY, 'scripts/docs/generate.ts')) {
  for (const page of await generatedPages()) {
    writeFileSync(resolve(REPOSITORY, page.path), page.text);
    process.stdout.write(`wrote ${page.path}\n`);
  }
}
