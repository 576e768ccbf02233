import { relative, resolve } from 'node:path';
import { parseCommandArgs, usageError } from './command.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from '../model/io.js';
import { ALL_RECEIVE_ATTRIBUTES } from '../pact/interactions.js';
import { FAX_PACT_DEFAULTS, FAX_PACT_STATES } from '../pact/states.js';
import { FaxPactWriteError, writeFaxPact, type FaxPactOptions, type WrittenFaxPact } from '../pact/write-contract.js';

const OPTIONS = {
  provider: { type: 'string' },
  consumer: { type: 'string' },
  'webhook-path': { type: 'string' },
  'callback-path': { type: 'string' },
  'receive-attributes': { type: 'string' },
  out: { type: 'string' },
  examples: { type: 'string' },
  seed: { type: 'string' },
} as const;

/** `--help` of `pact generate`. */
export const PACT_GENERATE_HELP = `Usage: twiml-fax-kit pact generate --provider NAME [options]

Writes the fax webhook contract as a Pact file: Twilio's fax service is the consumer, your app the provider.
Interactions: an incoming fax by POST (state '${FAX_PACT_STATES.accepts}': 200 <Receive .../>), the same to a
number that rejects faxes (state '${FAX_PACT_STATES.rejects}': 200 <Reject/>), an incoming fax by GET, and the
action callbacks for a received and a failed fax (any 2xx). Each runs against Pact's mock server first.

Options:
  --provider NAME            your app's name in your Pact Broker (required)
  --consumer NAME            default ${FAX_PACT_DEFAULTS.consumer}
  --webhook-path PATH        where the number's fax webhook points (default ${FAX_PACT_DEFAULTS.webhookPath})
  --callback-path PATH       your <Receive action>, where the action callbacks go (default ${FAX_PACT_DEFAULTS.callbackPath})
  --receive-attributes LIST  the <Receive> attributes your reply carries (default all: ${ALL_RECEIVE_ATTRIBUTES.join(',')})
  --out DIR                  where to write CONSUMER-PROVIDER.json (default ./${FAX_PACT_DEFAULTS.outDir})
  --examples N --seed S      add N incoming faxes from SIP addresses and display names, generated from seed S

Examples:
  twiml-fax-kit pact generate --provider fax-app
  twiml-fax-kit pact generate --provider fax-app --webhook-path /twilio/fax --callback-path /twilio/fax/done
  twiml-fax-kit pact generate --provider fax-app --receive-attributes action,method --examples 5 --seed 7

Exit codes: 0 written, 2 usage error or the contract could not be written.
`;

type Parsed = { readonly ok: true; readonly options: FaxPactOptions } | { readonly ok: false; readonly message: string };

function parseWholeNumber(flag: string, raw: string): number | string {
  return /^\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : `--${flag} must be a whole number, not '${raw}'`;
}

function parsePath(flag: string, raw: string | undefined, fallback: string): string | { readonly error: string } {
  if (raw === undefined) return fallback;
  if (!raw.startsWith('/') || /\s/.test(raw)) return { error: `--${flag} must be a path starting with '/', not '${raw}'` };
  // A Pact request path is the path alone: Pact would look for a path that contains '?', and never match.
  if (/[?#]/.test(raw)) return { error: `--${flag} takes the path alone, without a query string or fragment: '${raw}'` };
  return raw;
}

function parseGenerateOptions(argv: readonly string[], io: CliIo): Parsed {
  const parsed = parseCommandArgs('pact generate', argv, OPTIONS);
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed.args;
  if (positionals.length > 0) return { ok: false, message: `unexpected argument '${positionals[0]}' (see 'twiml-fax-kit pact generate --help')` };
  const provider = values.provider?.trim();
  if (!provider) return { ok: false, message: "give your provider's name: twiml-fax-kit pact generate --provider NAME" };
  const consumer = values.consumer?.trim() || FAX_PACT_DEFAULTS.consumer;
  for (const [flag, name] of [['provider', provider], ['consumer', consumer]] as const) {
    if (/[/\\]/.test(name)) return { ok: false, message: `--${flag} names the pact file, so it cannot contain '/' or '\\': '${name}'` };
  }
  const webhookPath = parsePath('webhook-path', values['webhook-path'], FAX_PACT_DEFAULTS.webhookPath);
  if (typeof webhookPath !== 'string') return { ok: false, message: webhookPath.error };
  const callbackPath = parsePath('callback-path', values['callback-path'], FAX_PACT_DEFAULTS.callbackPath);
  if (typeof callbackPath !== 'string') return { ok: false, message: callbackPath.error };
  const receiveAttributes = values['receive-attributes']?.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = receiveAttributes?.filter((name) => !ALL_RECEIVE_ATTRIBUTES.includes(name)) ?? [];
  if (unknown.length > 0) return { ok: false, message: `unknown <Receive> attribute '${unknown[0]}'; attributes (case-sensitive): ${ALL_RECEIVE_ATTRIBUTES.join(', ')}` };
  if ((values.examples === undefined) !== (values.seed === undefined)) {
    return { ok: false, message: '--examples and --seed go together, so the generated interactions are the same every time (e.g. --examples 5 --seed 1)' };
  }
  let examples: FaxPactOptions['examples'];
  if (values.examples !== undefined && values.seed !== undefined) {
    const count = parseWholeNumber('examples', values.examples);
    if (typeof count === 'string') return { ok: false, message: count };
    const seed = parseWholeNumber('seed', values.seed);
    if (typeof seed === 'string') return { ok: false, message: seed };
    examples = { count, seed };
  }
  return {
    ok: true,
    options: {
      provider,
      consumer,
      webhookPath,
      callbackPath,
      outDir: resolve(io.cwd, values.out ?? FAX_PACT_DEFAULTS.outDir),
      ...(receiveAttributes !== undefined ? { receiveAttributes } : {}),
      ...(examples !== undefined ? { examples } : {}),
    },
  };
}

/** `twiml-fax-kit pact generate`: writes the contract and says what to run next. */
export async function runPactGenerate(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseGenerateOptions(argv, io);
  if (!parsed.ok) return usageError(io, parsed.message);
  let written: WrittenFaxPact;
  try {
    written = await writeFaxPact(parsed.options);
  } catch (error) {
    if (error instanceof FaxPactWriteError) return usageError(io, error.message);
    throw error;
  }
  const shown = relative(io.cwd, written.file) || written.file;
  io.stdout.write(`wrote ${shown} (${written.interactions.length} interactions, consumer ${written.consumer}, provider ${written.provider})\n`);
  io.stdout.write(`next: start your app, then run\n  twiml-fax-kit pact verify http://localhost:3000 --pact ${shellWord(shown)} --state-url http://localhost:3000/_pact/state\n`);
  return EXIT.ok;
}

/** `text` as one shell word, quoted only when it needs to be, so the printed command can be pasted. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
