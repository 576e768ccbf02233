#!/usr/bin/env node
// The only file that touches process.argv and process.exit.
import { runCli } from './cli/run-cli.js';
import { killStartedServersSync } from './lifecycle/index.js';

// Last line of defence: a crash or an exit anywhere must not leave a --start server running.
process.on('exit', killStartedServersSync);

const interruptHandlers = new Set<() => void>();
// CI systems cancel jobs with SIGTERM; treat it as Ctrl-C so started servers are stopped and reports flushed.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interruptHandlers.size === 0) process.exit(130);
    for (const handler of interruptHandlers) handler();
  });
}

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  onInterrupt(handler) {
    interruptHandlers.add(handler);
    return () => interruptHandlers.delete(handler);
  },
});
process.exitCode = code;
