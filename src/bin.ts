#!/usr/bin/env node
// The only file that touches process.argv and process.exit.
import { runCli } from './cli/run-cli.js';

const interruptHandlers = new Set<() => void>();
process.on('SIGINT', () => {
  if (interruptHandlers.size === 0) process.exit(130);
  for (const handler of interruptHandlers) handler();
});

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
