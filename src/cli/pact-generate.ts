import { relative, resolve } from 'node:path';
import { parseCommandArgs, usageError } from './command.js';
import { EXIT } from './exit-codes.js';
import { parseList } from './flag-values.js';
import type { CliIo } from '../model/io.js';
import { ALL_RECEIVE_ATTRIBUTES, DEFAULT_STATUS_CALLBACK_PATH, FAX_CONTRACT_STATES, receiveAttributesOf, type FaxContractState } from '../pact/interactions.js';
import { parseProfile, profileHelp, PROFILE_OPTION } from './profile-option.js';
import { parseEndpoint } from './endpoint-option.js';
import { TWILIO_PROFILE } from '../protocol/profile.js';
import type { HttpMethod } from '../model/exchange.js';
import { FAX_PACT_DEFAULTS, FAX_PACT_STATES } from '../pact/states.js';
import { FaxPactWriteError, writeFaxPact, type FaxPactOptions, type WrittenFaxPact } from '../pact/write-contract.js';

const OPTIONS = {
  provider: { type: 'string' },
  consumer: { type: 'string' },
  'webhook-path': { type: 'string' },
  'callback-path': { type: 'string' },
  endpoint: { type: 'string' },
  'status-callback-path': { type: 'string' },
  'fallback-path': { type: 'string' },
  'receive-attributes': { type: 'string' },
  method: { type: 'string' },
  states: { type: 'string' },
  out: { type: 'string' },
  examples: { type: 'string' },
  seed: { type: 'string' },
  ...PROFILE_OPTION,
} as const;

/** `--help` of `pact generate`. */
export const PACT_GENERATE_HELP = `Usage: twiml-fax-kit pact generate --provider NAME [options]

Writes the fax webhook contract as a Pact file: Twilio's fax service is the consumer, your app the provider. The
contract says what Twilio requires, no more: an incoming fax by POST answered with any 2xx, a TwiML Content-Type
(text/xml, application/xml, or text/html, which Twilio read as TwiML) and <Response><Receive/></Response> (state
'${FAX_PACT_STATES.accepts}'). <Receive> attributes are optional unless named. Each interaction runs against Pact's
mock server first, sent as \`check\` sends it.

Options:
  --provider NAME            your app's name in your Pact Broker (required)
  --consumer NAME            default PROFILE-fax (${FAX_PACT_DEFAULTS.consumer})
  --webhook-path PATH        where the number's fax webhook points (default ${FAX_PACT_DEFAULTS.webhookPath})
  --callback-path PATH       your <Receive action>: action becomes required, and the action callbacks for a received
                             fax (its MediaUrl served on loopback by pact verify) and a failed one are added (any 2xx)
  --endpoint ENDPOINT        webhook (default; for the fallback, see --fallback-path) or status-callback: a
                             contract of the status callbacks of faxes your app sends alone (queued, delivered,
                             failed with no NumPages or MediaUrl; any 2xx), at --status-callback-path
  --status-callback-path PATH
                             where your StatusCallback points (default ${DEFAULT_STATUS_CALLBACK_PATH} with --endpoint
                             status-callback); with the webhook, adds the status callbacks to its contract
  --fallback-path PATH       where the number's fallback URL points: adds the fallback request Twilio sends after
                             a failure of the fax URL (ErrorCode, ErrorUrl), to be answered with <Receive>
  --receive-attributes LIST  other <Receive> attributes your reply must carry, matched against their values
                             (${ALL_RECEIVE_ATTRIBUTES.filter((name) => name !== 'action').join(', ')}, as the profile has them); default none
  --method POST|GET|both     how your number requests the webhook (default POST, Twilio's default)
  --states LIST              ${FAX_CONTRACT_STATES.join(', ')}: the provider states to cover (default accepts; rejects adds
                             '${FAX_PACT_STATES.rejects}' answered with <Reject/>)
  --out DIR                  where to write CONSUMER-PROVIDER.json (default ./${FAX_PACT_DEFAULTS.outDir})
  --examples N --seed S      add N incoming faxes from SIP addresses and display names, generated from seed S
${profileHelp(29, { signs: false })}

Examples:
  twiml-fax-kit pact generate --provider fax-app
  twiml-fax-kit pact generate --provider fax-app --webhook-path /fax --callback-path /fax/received
  twiml-fax-kit pact generate --provider fax-app --fallback-path /fax/fallback
  twiml-fax-kit pact generate --provider fax-app --states accepts,rejects --method both --examples 5 --seed 7
  twiml-fax-kit pact generate --provider fax-app --endpoint status-callback --status-callback-path /fax/status

Exit codes: 0 written, 2 usage error or the contract could not be written.
`;

type Parsed = { readonly ok: true; readonly options: FaxPactOptions } | { readonly ok: false; readonly message: string };

function parseWholeNumber(flag: string, raw: string): number | string {
  return /^\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : `--${flag} must be a whole number, not '${raw}'`;
}

const METHODS: Readonly<Record<string, readonly HttpMethod[]>> = { POST: ['POST'], GET: ['GET'], both: ['POST', 'GET'] };

function parsePath<T extends string | undefined>(flag: string, raw: string | undefined, fallback: T): string | T | { readonly error: string } {
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
  const profile = parseProfile(values.profile);
  if (!profile.ok) return profile;
  const { id: profileId } = profile.profile;
  const provider = values.provider?.trim();
  if (!provider) return { ok: false, message: "give your provider's name: twiml-fax-kit pact generate --provider NAME" };
  const consumer = values.consumer?.trim() || `${profileId}-fax`;
  for (const [flag, name] of [['provider', provider], ['consumer', consumer]] as const) {
    if (/[/\\]/.test(name)) return { ok: false, message: `--${flag} names the pact file, so it cannot contain '/' or '\\': '${name}'` };
  }
  const webhookPath = parsePath('webhook-path', values['webhook-path'], FAX_PACT_DEFAULTS.webhookPath);
  if (typeof webhookPath === 'object') return { ok: false, message: webhookPath.error };
  const callbackPath = parsePath('callback-path', values['callback-path'], undefined);
  if (typeof callbackPath === 'object') return { ok: false, message: callbackPath.error };
  const statusCallbackPath = parsePath('status-callback-path', values['status-callback-path'], undefined);
  if (typeof statusCallbackPath === 'object') return { ok: false, message: statusCallbackPath.error };
  const endpoint = parseEndpoint(values.endpoint, undefined);
  if (!endpoint.ok) return endpoint;
  if (endpoint.endpoint === 'status-callback') {
    // The webhook's flags shape interactions a status-callback contract does not have: say so rather than ignore them.
    const webhookOnly = (['webhook-path', 'callback-path', 'fallback-path', 'receive-attributes', 'method', 'states', 'examples'] as const).find((flag) => values[flag] !== undefined);
    if (webhookOnly) return { ok: false, message: `--${webhookOnly} applies to the webhook's contract, not to --endpoint status-callback (whose path is --status-callback-path)` };
  }
  const fallbackPath = parsePath('fallback-path', values['fallback-path'], undefined);
  if (typeof fallbackPath === 'object') return { ok: false, message: fallbackPath.error };
  const receiveAttributes = parseList(values['receive-attributes']);
  const known = receiveAttributesOf(profile.profile);
  const unknown = receiveAttributes?.filter((name) => !known.includes(name)) ?? [];
  if (unknown.length > 0) return { ok: false, message: `unknown <Receive> attribute '${unknown[0]}'; attributes (case-sensitive): ${known.join(', ')}` };
  if (receiveAttributes?.includes('action') && callbackPath === undefined) {
    return { ok: false, message: '<Receive action> is required by giving --callback-path PATH, the action your app answers with' };
  }
  const methods = METHODS[values.method ?? 'POST'];
  if (methods === undefined) return { ok: false, message: `--method must be POST, GET or both, not '${values.method ?? ''}'` };
  const states = parseList(values.states);
  const unknownState = states?.find((state) => !(FAX_CONTRACT_STATES as readonly string[]).includes(state));
  if (unknownState !== undefined) return { ok: false, message: `unknown state '${unknownState}'; states: ${FAX_CONTRACT_STATES.join(', ')}` };
  if (states?.length === 0) return { ok: false, message: `--states needs at least one of ${FAX_CONTRACT_STATES.join(', ')}` };
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
      ...(callbackPath !== undefined && { callbackPath }),
      ...(endpoint.endpoint !== 'webhook' && { endpoint: endpoint.endpoint }),
      ...(statusCallbackPath !== undefined && { statusCallbackPath }),
      ...(fallbackPath !== undefined && { fallbackPath }),
      methods,
      ...(states !== undefined && { states: [...new Set(states as FaxContractState[])] }),
      outDir: resolve(io.cwd, values.out ?? FAX_PACT_DEFAULTS.outDir),
      ...(receiveAttributes !== undefined ? { receiveAttributes } : {}),
      ...(examples !== undefined ? { examples } : {}),
      profile: profile.profile,
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
  io.stdout.write(`wrote ${shown} (${written.interactions.length} interaction${written.interactions.length === 1 ? '' : 's'}, consumer ${written.consumer}, provider ${written.provider})\n`);
  if (written.dropped.length > 0) {
    // A contract is replaced, never merged: say what the earlier one held that this one does not.
    const count = written.dropped.length;
    io.stderr.write(
      `twiml-fax-kit: ${shown} replaced an earlier contract; ${count} of its interaction${count === 1 ? ' is' : 's are'} not in this one (${written.dropped.map((d) => `'${d}'`).join(', ')}): to keep them, generate one contract with all the paths (--callback-path, --status-callback-path, --fallback-path), or give another --provider\n`,
    );
  }
  const states = new Set(written.interactions.flatMap((interaction) => (interaction.state === undefined ? [] : [interaction.state])));
  // A state URL matters only when the app must tell states apart; with one state it may leave it out.
  const stateUrl = states.size > 1 ? ' --state-url http://localhost:3000/_pact/state' : '';
  // Verified as the profile it was written for: named unless it is the default.
  const profile = parsed.options.profile;
  const { id: profileId } = profile ?? TWILIO_PROFILE;
  const profileFlag = profile === undefined || profile === TWILIO_PROFILE ? '' : ` --profile ${profileId}`;
  io.stdout.write(`next: start your app, then run\n  twiml-fax-kit pact verify http://localhost:3000 --pact ${shellWord(shown)}${stateUrl}${profileFlag}\n`);
  return EXIT.ok;
}

/** `text` as one shell word, quoted only when it needs to be, so the printed command can be pasted. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
