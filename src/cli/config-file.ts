import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { didYouMean } from './did-you-mean.js';

/** The config file of the `check` command, in the working directory. */
export const CONFIG_FILE = 'twiml-fax-kit.config.json';
/** The key of package.json that may hold the same settings instead. */
export const PACKAGE_KEY = 'twiml-fax-kit';

/** The flags a command accepts, in node:util `parseArgs` form. */
type FlagSpecs = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly multiple?: boolean }>>;

/**
 * The command line with the settings of the config file in front of it: `twiml-fax-kit.config.json` in the working
 * directory, or the `"twiml-fax-kit"` key of its package.json (both at once is an error, not a silent pick). Keys are
 * the long flag names (`"fail-on": "error"`, `"reporter": ["pretty", "junit:reports/fax.xml"]`, `"insecure": true`,
 * `"checks": ["reachable", "content-type"]`);
 * a flag given on the command line replaces the file's value, also for repeatable flags. Read from the working
 * directory only, so paths in it mean what they mean on the command line (npm scripts run in the project root).
 * The auth token is refused in a file (it belongs in `TWILIO_AUTH_TOKEN`, not in the repository); an unknown key
 * gets "did you mean"; bad JSON is reported as `file:line:column`.
 */
export function withConfigFile(argv: readonly string[], flags: FlagSpecs, cwd: string): { ok: true; argv: string[] } | { ok: false; message: string } {
  const found = readConfig(cwd);
  if ('message' in found) return { ok: false, message: found.message };
  if (found.values === undefined) return { ok: true, argv: [...argv] };
  const { source, values } = found;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return { ok: false, message: `${source}: the settings must be a JSON object of flag names and values` };
  const onCommandLine = new Set(argv.filter((arg) => arg.startsWith('--')).map((arg) => (arg.slice(2).split('=')[0] ?? '').replace(/^no-/, '')));
  const fromFile: string[] = [];
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    if (key === 'auth-token' || key === 'authToken') return { ok: false, message: `${source}: the auth token does not belong in a file; set TWILIO_AUTH_TOKEN (or pass --auth-token)` };
    const spec = flags[key];
    if (!spec) {
      const guess = didYouMean(key, Object.keys(flags).filter((name) => name !== 'auth-token'));
      return { ok: false, message: `${source}: unknown setting '${key}'${guess === undefined ? '' : `; did you mean '${guess}'?`}` };
    }
    if (onCommandLine.has(key)) continue;
    // A list for a comma-separated flag (`"checks": ["reachable", "content-type"]`) is that flag's list.
    const each = !Array.isArray(value) ? [value] : spec.multiple ? value : value.every((item) => typeof item === 'string') ? [value.join(',')] : [value];
    for (const item of each) {
      if (spec.type === 'boolean') {
        if (typeof item !== 'boolean') return { ok: false, message: `${source}: '${key}' must be true or false, not ${JSON.stringify(item)}` };
        fromFile.push(item ? `--${key}` : `--no-${key}`);
      } else {
        if (typeof item !== 'string' && typeof item !== 'number') {
          return { ok: false, message: `${source}: '${key}' must be a ${spec.multiple ? 'string, a number or a list of them' : 'string or a number'}, not ${JSON.stringify(item)}` };
        }
        fromFile.push(`--${key}=${item}`);
      }
    }
  }
  return { ok: true, argv: [...fromFile, ...argv] };
}

/** The settings and where they came from; `values` undefined when there are none. */
function readConfig(cwd: string): { source: string; values: unknown } | { source?: undefined; values?: undefined } | { message: string } {
  const file = join(cwd, CONFIG_FILE);
  const packageFile = join(cwd, 'package.json');
  const fromFile = existsSync(file) ? parseJsonFile(file, CONFIG_FILE) : undefined;
  if (fromFile && 'message' in fromFile) return fromFile;
  // package.json is read only for its key: a project's own broken package.json is npm's to report, unless it is ours.
  const manifest = existsSync(packageFile) ? parseJsonFile(packageFile, 'package.json') : undefined;
  const fromPackage = manifest && 'value' in manifest && typeof manifest.value === 'object' && manifest.value !== null ? (manifest.value as Record<string, unknown>)[PACKAGE_KEY] : undefined;
  if (fromFile && fromPackage !== undefined) return { message: `both ${CONFIG_FILE} and the "${PACKAGE_KEY}" key of package.json hold settings; keep one` };
  if (fromFile) return { source: CONFIG_FILE, values: fromFile.value };
  if (fromPackage !== undefined) return { source: `package.json "${PACKAGE_KEY}"`, values: fromPackage };
  return {};
}

/** JSON.parse with `file:line:column` in the message (Node 20's JSON errors give only an offset). */
function parseJsonFile(path: string, shown: string): { value: unknown } | { message: string } {
  const text = readFileSync(path, 'utf8');
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const offset = /at position (\d+)/.exec(reason)?.[1];
    const detail = reason.replace(/,? in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
    if (offset === undefined) {
      // "Unexpected end of JSON input": the text stopped early; point at its end.
      const lines = text.split('\n');
      return { message: `${shown}:${lines.length}:${(lines.at(-1)?.length ?? 0) + 1}: not valid JSON (${detail})` };
    }
    const before = text.slice(0, Number(offset));
    const line = before.split('\n').length;
    const column = Number(offset) - before.lastIndexOf('\n');
    return { message: `${shown}:${line}:${column}: not valid JSON (${detail})` };
  }
}
