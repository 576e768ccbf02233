import { secretsOf } from '../secrets/secrets-of.js';
import { KEY_VARIABLES } from './profile-option.js';

// A URL anywhere in an argument: `http://u:p@host/`, `--wait-for=http://u:p@host/`, or inside a `--start` command.
const URL_IN_TEXT = /[a-z][a-z0-9+.-]*:\/\/[^\s'"`<>]+/gi;

/** Environment variables that hold a secret of a command: every profile's signing key and the Pact Broker's token or password. */
const SECRET_VARIABLES = [...KEY_VARIABLES, 'PACT_BROKER_TOKEN', 'PACT_BROKER_PASSWORD'] as const;

/**
 * The secrets an invocation carries, whichever command it runs and however far its parsing got: every
 * `--auth-token` value, the credentials of every URL in the arguments, and the secret environment variables. What
 * the CLI prints outside a command (an internal error, its stack) is redacted with these.
 * @example invocationSecrets(['check', 'https://fax:s3cret@example.com/fax'], {}) // ['s3cret', 'fax:s3cret']
 */
export function invocationSecrets(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string[] {
  const tokens = argv.flatMap((arg, index) => {
    if (arg === '--auth-token') return argv[index + 1] === undefined ? [] : [argv[index + 1] as string];
    return arg.startsWith('--auth-token=') ? [arg.slice('--auth-token='.length)] : [];
  });
  const urls = argv.flatMap((arg) => arg.match(URL_IN_TEXT) ?? []);
  const fromEnv = SECRET_VARIABLES.map((name) => env[name]);
  const secrets = [...tokens, ...fromEnv].filter((secret): secret is string => secret !== undefined && secret !== '');
  return [...new Set([...secrets, ...secretsOf({ urls })])];
}
