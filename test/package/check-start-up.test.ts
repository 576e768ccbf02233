import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, userEnv } from './run.js';

// What the `check` command loads of undici before its first request, read from Node's CommonJS cache in a process
// of its own. No timing: `check` starts fast by loading undici's Client and connector alone (npm run bench measures
// the start-up), not its index, which loads fetch, WebSocket, the cache and the mocks besides.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe("the check command's start-up", { timeout: 60_000 }, () => {
  it("loads undici's Client and connector, not undici's index", async () => {
    const script = [
      "import { createRequire } from 'node:module';",
      "await import('./src/cli/check.ts');",
      "const undici = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('/node_modules/undici/')).map((file) => file.slice(file.indexOf('/node_modules/undici/') + 21));",
      'console.log(JSON.stringify(undici));',
    ].join(' ');
    const result = await run(`node --import tsx --input-type=module -e ${JSON.stringify(script)}`, repo, userEnv());
    expect(result.stderr).toBe('');
    const loaded = JSON.parse(result.stdout) as string[];
    expect(loaded).toContain('lib/dispatcher/client.js');
    expect(loaded).toContain('lib/core/connect.js');
    expect(loaded).not.toContain('index.js');
    expect(loaded.filter((file) => file.startsWith('lib/web/'))).toEqual([]);
  });
});
