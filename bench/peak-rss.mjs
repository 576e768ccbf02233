// node bench/peak-rss.mjs OUT_FILE SCRIPT ...ARGS: runs SCRIPT with ARGS in this process (as `node SCRIPT ...ARGS`
// would) and writes its peak resident set size in kB to OUT_FILE when it exits, however it exits.
// Plain JavaScript so that measuring it loads nothing more than the script does.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [, , out, script, ...args] = process.argv;
process.argv = [process.argv[0], script, ...args];
process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
await import(pathToFileURL(script).href);
