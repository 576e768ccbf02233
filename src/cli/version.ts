import { readFileSync } from 'node:fs';

/** The kit's version, read from its package.json (two levels up from src/cli/, three once compiled into dist/). */
export const KIT_VERSION: string = (() => {
  for (const relative of ['../../package.json', '../../../package.json']) {
    try {
      const json = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (json.name === 'twiml-fax-kit' && json.version) return json.version;
    } catch {
      // not at this level; try the next one
    }
  }
  return '0.0.0';
})();
