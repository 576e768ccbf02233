import { PROFILE_IDS, PROFILES, profileById } from '../protocol/profiles.js';
import { TWILIO_PROFILE, type FaxProfile } from '../protocol/profile.js';
import { didYouMean } from './did-you-mean.js';

/** `--profile`, in node:util `parseArgs` form, for each command's OPTIONS. */
export const PROFILE_OPTION = { profile: { type: 'string' } } as const;

/** The `--profile` lines of every command's help, descriptions from `column` on, wrapped before `width`. */
export function profileHelp(column: number, { signs = true }: { readonly signs?: boolean } = {}, width = 118): string {
  const lines = signs
    ? [`the fax service to play (default ${TWILIO_PROFILE.id}); the key that signs its requests is --auth-token or its environment variable:`]
    : [`the fax service whose replies to judge (default ${TWILIO_PROFILE.id}):`];
  for (const { id, name, signature } of PROFILES) {
    const aliases = signature.aliases.length === 0 ? '' : ` (and ${signature.aliases.join(', ')})`;
    lines.push(signs ? `${id}: ${name}; signs ${signature.header}${aliases} with its ${signature.keyName} (env ${signature.keyVariables.join(', else ')})` : `${id}: ${name}`);
  }
  const flag = `  --profile ${PROFILE_IDS.join('|')}`;
  const first = flag.length < column ? flag.padEnd(column) : `${flag}\n${''.padEnd(column)}`;
  return first + lines.map((line, index) => wrap(line, width - column, index === 0 ? 0 : 2).join(`\n${''.padEnd(column)}`)).join(`\n${''.padEnd(column)}`);
}

/** `text` in lines of at most `width` characters, broken at spaces; lines after the first indented by `indent`. */
function wrap(text: string, width: number, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const room = width - (lines.length === 0 ? 0 : indent);
    if (line !== '' && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((text, index) => (index === 0 ? text : ' '.repeat(indent) + text));
}

/**
 * The profile `--profile` names (Twilio's when absent), or one line saying what it accepts, with "did you mean" for a
 * near miss (`signalwir` → `signalwire`). Compared in lower case, as `--fail-on` is.
 */
export function parseProfile(raw: string | undefined): { readonly ok: true; readonly profile: FaxProfile } | { readonly ok: false; readonly message: string } {
  if (raw === undefined) return { ok: true, profile: TWILIO_PROFILE };
  const profile = profileById(raw.trim().toLowerCase());
  if (profile) return { ok: true, profile };
  const guess = didYouMean(raw, PROFILE_IDS);
  return { ok: false, message: `unknown --profile '${raw}'${guess === undefined ? '' : `; did you mean '${guess}'?`} Profiles: ${PROFILE_IDS.join(', ')}` };
}

/**
 * The key that signs requests: `--auth-token`, else the first of the profile's variables that is set (Twilio's
 * `TWILIO_AUTH_TOKEN`; SignalWire's `SIGNALWIRE_SIGNING_KEY`, then `TWILIO_AUTH_TOKEN`), or undefined for none.
 */
export function signingKeyOf(flag: string | undefined, env: Readonly<Record<string, string | undefined>>, profile: FaxProfile): string | undefined {
  if (flag !== undefined) return flag;
  const variable = profile.signature.keyVariables.find((name) => env[name] !== undefined);
  return variable === undefined ? undefined : env[variable];
}

/** How the key is given, for messages: `--auth-token or SIGNALWIRE_SIGNING_KEY`. */
export function keySources(profile: FaxProfile): string {
  return ['--auth-token', ...profile.signature.keyVariables].join(' or ');
}

/** Every environment variable any profile reads a key from: all of them are secrets, whichever profile runs. */
export const KEY_VARIABLES: readonly string[] = [...new Set(PROFILES.flatMap((profile) => profile.signature.keyVariables))];

/**
 * A note for a run with no key when another profile's key variable is set (`SIGNALWIRE_SIGNING_KEY` under Twilio's
 * profile): its requests go unsigned, and the variable says which service the app is likely written for.
 */
export function otherProfileKeyNote(profile: FaxProfile, env: Readonly<Record<string, string | undefined>>, hasKey: boolean): string | undefined {
  if (hasKey) return undefined;
  for (const other of PROFILES) {
    const variable = other.signature.keyVariables.find((name) => !profile.signature.keyVariables.includes(name) && env[name] !== undefined && env[name] !== '');
    if (other !== profile && variable !== undefined) {
      return `${variable} is set, but it is ${other.service}'s ${other.signature.keyName} and this run plays ${profile.service}, unsigned: for a ${other.service} app, run with --profile ${other.id}`;
    }
  }
  return undefined;
}
