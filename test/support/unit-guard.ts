import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { afterAll, afterEach } from 'vitest';

// Set up for every file of the `unit` project (vitest.config.ts): a unit test opens no socket and starts no process,
// which is what keeps `npm run test:unit` fast and hermetic. A file that does is in the wrong project; this says so
// instead of letting the file slow the inner loop down. The code under test may catch the error (the sender turns a
// failed connect into a finding), so each use is also recorded and fails the test after it.

const violations: string[] = [];
const restore: (() => void)[] = [];

function forbid<T extends object>(owner: T, name: keyof T & string, what: string): void {
  const original = owner[name];
  const refuse = function (this: unknown): never {
    const message = `a unit test ${what} (${name}); move this file to the integration or e2e project in vitest.config.ts`;
    violations.push(message);
    throw new Error(message);
  };
  Object.defineProperty(owner, name, { value: refuse, writable: true, configurable: true });
  restore.push(() => Object.defineProperty(owner, name, { value: original, writable: true, configurable: true }));
}

forbid(net.Server.prototype, 'listen', 'opens a listening socket');
forbid(net.Socket.prototype, 'connect', 'opens a connection');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const) {
  forbid(childProcess, name, 'starts a process');
}
// ESM imports of node:child_process read these bindings; without the sync they keep the originals.
syncBuiltinESMExports();

/** The refusals recorded since the last call, cleared: for the guard's own test, which provokes them on purpose. */
export function takeViolations(): string[] {
  return violations.splice(0);
}

afterEach(() => {
  if (violations.length > 0) throw new Error(violations.splice(0).join('\n'));
});

afterAll(() => {
  for (const undo of restore.splice(0)) undo();
  syncBuiltinESMExports();
});
