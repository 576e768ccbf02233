import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { BIN } from './processes.js';

/** Where the bench puts its bundle of the CLI: inside `dist/` (never packed: `files` lists `dist/src` and `dist/properties`). */
const BUNDLE_DIR = fileURLToPath(new URL('../dist/bench-bundle/', import.meta.url));

/**
 * Bundles the built CLI with rolldown (commands stay separate chunks, loaded when they run, as in the build) and
 * returns the bundled `bin.js`. Not what the package ships: the bench times it beside the build to show how much of
 * `check`'s start-up is Node loading some 200 separate modules rather than the kit's own work.
 */
export async function bundleCli(): Promise<string> {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  const bundle = await rolldown({ input: BIN, platform: 'node', logLevel: 'silent' });
  await bundle.write({ dir: BUNDLE_DIR, format: 'esm', entryFileNames: 'bin.js' });
  await bundle.close();
  return `${BUNDLE_DIR}bin.js`;
}
