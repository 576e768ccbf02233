#!/usr/bin/env node
// The only file that touches process.argv and process.exit.
import { EXIT } from './cli/exit-codes.js';
import { runCli } from './cli/run-cli.js';
import { killStartedServersSync } from './lifecycle/started-servers.js';

// Last line of defence: a crash or an exit anywhere must not leave a --start server running.
process.on('exit', killStartedServersSync);

const interruptHandlers = new Set<() => void>();
// When the first signal came; a launcher that relays the terminal's Ctrl-C (tsx, npm exec with bash as sh) makes
// one press arrive twice within milliseconds, and that copy must not cut the report the first one is writing.
let interruptedAt: number | undefined;
const SAME_PRESS_MS = 3_000;
// CI systems cancel jobs with SIGTERM; treat it as Ctrl-C so started servers are stopped and reports flushed.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interruptedAt !== undefined && Date.now() - interruptedAt < SAME_PRESS_MS) return;
    // A second Ctrl-C, or one with nothing to clean up, ends the kit at once.
    if (interruptHandlers.size === 0 || interruptedAt !== undefined) process.exit(EXIT.interrupted);
    interruptedAt = Date.now();
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
// Exit explicitly: keep-alive sockets or a hung server under test must not keep the kit alive after its report.
// (stdout and stderr are synchronous for files and pipes on POSIX, so nothing written is lost.)
process.exit(code);
