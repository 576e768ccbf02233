import { parseCommandArgs, usageError } from './command.js';
import { EXIT } from './exit-codes.js';
import type { CliIo, OutputStream } from '../model/io.js';
import { createReporters, shouldUseColor } from '../reporters/index.js';
import { createRedactor } from '../secrets/redact.js';
import { hideCredentials } from '../secrets/hide-credentials.js';
import { feedReporters } from '../pact/feed-reporters.js';
import { verificationSecrets } from '../pact/verification-secrets.js';
import { FAX_PACT_DEFAULTS, FAX_PACT_STATES } from '../pact/states.js';
import { verifyFaxPact, type VerifyFaxPactOptions } from '../pact/verify.js';

const OPTIONS = {
  pact: { type: 'string', multiple: true },
  'auth-token': { type: 'string' },
  'state-url': { type: 'string' },
  timeout: { type: 'string' },
  reporter: { type: 'string', multiple: true },
  color: { type: 'boolean' },
  'broker-url': { type: 'string' },
  provider: { type: 'string' },
  publish: { type: 'boolean' },
  'provider-version': { type: 'string' },
  branch: { type: 'string' },
  tag: { type: 'string', multiple: true },
  'build-url': { type: 'string' },
} as const;

/** `--help` of `pact verify`. */
export const PACT_VERIFY_HELP = `Usage: twiml-fax-kit pact verify BASE_URL [options]

Verifies the provider at BASE_URL against fax pacts with Pact's own Rust verifier. Every request reaches your app
byte-exact (form bodies stay forms) and, with an auth token, carries an X-Twilio-Signature valid for the URL your app
sees, so an app that validates signatures with twilio-node passes. Pact's report is shown, then the kit's.

Options:
  --pact FILE|DIR|URL      the pacts to verify; repeat for several (default ./${FAX_PACT_DEFAULTS.outDir})
  --auth-token TOKEN       your Twilio auth token, to sign requests (default: env TWILIO_AUTH_TOKEN); never printed
  --state-url URL          your provider-state endpoint: Pact POSTs { state, params, action } around each interaction
                           (states: '${FAX_PACT_STATES.accepts}', '${FAX_PACT_STATES.rejects}', and ''
                           for the action callbacks, which have none); answer 2xx to each
  --timeout MS             per request (default 30000)
  --reporter NAME[:FILE]   the kit's reporters: pretty (default), json, junit, github; repeat for several
  --color, --no-color      force colour on or off

Pact Broker (token from env PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD):
  --broker-url URL         fetch the pacts for --provider from the broker instead of files
  --provider NAME          your provider's name in the broker
  --publish                publish the verification result to the broker (needs --broker-url, --provider-version)
  --provider-version V     the version of your app being verified (e.g. the git sha)
  --branch B               its branch
  --tag T                  a tag for the provider version; repeat for several
  --build-url URL          the CI build, linked from the broker

Examples:
  twiml-fax-kit pact verify http://localhost:3000 --state-url http://localhost:3000/_pact/state
  TWILIO_AUTH_TOKEN=... twiml-fax-kit pact verify http://localhost:3000 --pact pacts/twilio-fax-fax-app.json
  twiml-fax-kit pact verify http://localhost:3000 --reporter pretty --reporter junit:reports/pact.xml
  twiml-fax-kit pact verify http://localhost:3000 --broker-url https://broker.example.com --provider fax-app \\
    --publish --provider-version "$GIT_SHA" --branch "$GIT_BRANCH"

Exit codes: 0 verified, 1 mismatches, 2 usage error (a missing pact file, a bad flag) or Pact could not run.
`;

type Parsed =
  | { readonly ok: true; readonly options: VerifyFaxPactOptions; readonly reporterSpecs: readonly string[]; readonly color?: boolean }
  | { readonly ok: false; readonly message: string };

function parseVerifyOptions(argv: readonly string[], io: CliIo): Parsed {
  const parsed = parseCommandArgs('pact verify', argv, OPTIONS);
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed.args;
  if (positionals.length !== 1) {
    return { ok: false, message: positionals.length === 0 ? "give your provider's base URL, e.g. 'twiml-fax-kit pact verify http://localhost:3000'" : `give one base URL, not ${positionals.length} (see 'twiml-fax-kit pact verify --help')` };
  }
  const baseUrl = positionals[0] as string;
  if (!/^https?:\/\//i.test(baseUrl) || !URL.canParse(baseUrl)) return { ok: false, message: `'${hideCredentials(baseUrl)}' is not an http(s) URL; give your provider's base URL, e.g. http://localhost:3000` };
  const authToken = values['auth-token'] ?? io.env.TWILIO_AUTH_TOKEN;
  if (authToken === '') return { ok: false, message: 'the auth token is empty; pass --auth-token TOKEN or set TWILIO_AUTH_TOKEN, or leave both out' };
  const timeout = values.timeout;
  if (timeout !== undefined && (!/^\d+$/.test(timeout) || Number(timeout) < 1)) return { ok: false, message: `--timeout must be a whole number of milliseconds, not '${timeout}'` };
  const brokerUrl = values['broker-url'];
  if (brokerUrl !== undefined && values.provider === undefined) return { ok: false, message: '--broker-url needs --provider NAME: the broker serves the pacts of a provider' };
  if (values.publish && brokerUrl === undefined) return { ok: false, message: '--publish needs --broker-url: results are published for pacts fetched from a broker' };
  if (values.publish && values['provider-version'] === undefined) return { ok: false, message: '--publish needs --provider-version V (e.g. the git sha of the app being verified)' };
  const pacts = values.pact ?? (brokerUrl === undefined ? [FAX_PACT_DEFAULTS.outDir] : []);
  return {
    ok: true,
    options: {
      baseUrl,
      pacts,
      cwd: io.cwd,
      env: io.env,
      ...(authToken !== undefined ? { authToken } : {}),
      ...(values['state-url'] !== undefined ? { stateUrl: values['state-url'] } : {}),
      ...(timeout !== undefined ? { timeoutMs: Number(timeout) } : {}),
      ...(brokerUrl !== undefined && values.provider !== undefined ? { broker: { url: brokerUrl, provider: values.provider } } : {}),
      ...(values.publish && values['provider-version'] !== undefined
        ? {
            publish: {
              providerVersion: values['provider-version'],
              ...(values.branch !== undefined ? { branch: values.branch } : {}),
              ...(values.tag !== undefined ? { tags: values.tag } : {}),
              ...(values['build-url'] !== undefined ? { buildUrl: values['build-url'] } : {}),
            },
          }
        : {}),
    },
    reporterSpecs: values.reporter ?? [],
    ...(values.color !== undefined ? { color: values.color } : {}),
  };
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Where Pact's own report goes: stdout, unless a machine-readable kit report claims stdout. */
function pactOutputStream(io: CliIo, reporterSpecs: readonly string[]): OutputStream {
  return reporterSpecs.some((spec) => spec === 'json' || spec === 'junit') ? io.stderr : io.stdout;
}

/** `twiml-fax-kit pact verify`: Pact's verifier against the provider, reported by Pact and by the kit. */
export async function runPactVerify(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseVerifyOptions(argv, io);
  if (!parsed.ok) return usageError(io, parsed.message);
  // The same secrets as `check` keeps out of every output, and the broker's.
  const secrets = verificationSecrets(parsed.options);
  const reporters = createReporters(parsed.reporterSpecs, io, { ...(parsed.color !== undefined ? { color: parsed.color } : {}), secrets });
  if (!reporters.ok) return usageError(io, reporters.message);
  const verification = await verifyFaxPact(parsed.options);
  if (verification.status === 'could-not-run') {
    const hint = verification.message.startsWith('no pact file') ? "; generate one with 'twiml-fax-kit pact generate --provider NAME', or give --pact FILE|DIR" : '';
    // Pact's reasons may quote a broker URL or what a server answered.
    return usageError(io, createRedactor(secrets).redactServerText(`${verification.message}${hint}`));
  }
  // Said once the run happened, so that a run that could not start stays one line.
  if (parsed.options.authToken === undefined) {
    io.stderr.write('twiml-fax-kit: no auth token, so requests carry no X-Twilio-Signature; an app that validates signatures will refuse them (give --auth-token or TWILIO_AUTH_TOKEN)\n');
  }
  const stream = pactOutputStream(io, parsed.reporterSpecs);
  const color = shouldUseColor(stream, io.env, parsed.color);
  const text = verification.pactOutput.join('\n');
  stream.write(`${color ? text : text.replace(ANSI, '')}\n`);
  await feedReporters(verification.report, reporters.reporters);
  return verification.status === 'verified' ? EXIT.ok : EXIT.findings;
}
