// node bench/peak-rss.mjs OUT_FILE SCRIPT ...ARGS: runs SCRIPT with ARGS in this process (as `node SCRIPT ...ARGS`
// would) and writes its peak resident set size in kB to OUT_FILE when it exits, however it exits.
// Plain JavaScript so that measuring it loads nothing more than the script does.
//
// On Linux the peak is VmHWM from /proc/self/status, which starts afresh at exec. `process.resourceUsage().maxRSS`
// does not: Linux carries the peak of the process that forked over exec, so every child of the bench (a tsx process
// of some 340 MB) would report at least that. Elsewhere maxRSS is the best there is.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [, , out, script, ...args] = process.argv;
process.argv = [process.argv[0], script, ...args];

function peakKb() {
  try {
    const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    if (line) return Number(line.replace(/\D+/g, ''));
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => writeFileSync(out, String(peakKb())));
await import(pathToFileURL(script).href);
