import { parseCommandArgs, usageError } from './command.js';
import { EXIT } from './exit-codes.js';
import { otherProfileKeyNote, parseProfile, profileHelp, PROFILE_OPTION, signingKeyOf } from './profile-option.js';
import { TWILIO_PROFILE } from '../protocol/profile.js';
import type { CliIo, OutputStream } from '../model/io.js';
import { createReporters, shouldUseColor } from '../reporters/index.js';
import { createRedactor } from '../secrets/redact.js';
import { hideCredentials } from '../secrets/hide-credentials.js';
import { DEFAULT_FAIL_ON, FAIL_ON_LEVELS, type FailOn } from '../model/diagnostic.js';
import { verificationSecrets } from '../pact/verification-secrets.js';
import { FAX_PACT_DEFAULTS, FAX_PACT_STATES } from '../pact/states.js';
import { verifyFaxPact, type VerifyFaxPactOptions } from '../pact/verify.js';

const OPTIONS = {
  pact: { type: 'string', multiple: true },
  'auth-token': { type: 'string' },
  'state-url': { type: 'string' },
  timeout: { type: 'string' },
  'fail-on': { type: 'string' },
  'media-url': { type: 'string' },
  reporter: { type: 'string', multiple: true },
  color: { type: 'boolean' },
  'broker-url': { type: 'string' },
  provider: { type: 'string' },
  publish: { type: 'boolean' },
  'provider-version': { type: 'string' },
  branch: { type: 'string' },
  tag: { type: 'string', multiple: true },
  'build-url': { type: 'string' },
  'consumer-version-selector': { type: 'string', multiple: true },
  'enable-pending': { type: 'boolean' },
  'include-wip-pacts-since': { type: 'string' },
  ...PROFILE_OPTION,
} as const;

/** `--help` of `pact verify`. */
export const PACT_VERIFY_HELP = `Usage: twiml-fax-kit pact verify BASE_URL [options]

Verifies the provider at BASE_URL against fax pacts with Pact's own Rust verifier. Every request reaches your app as
\`check\` sends it, through the kit's sender: byte-exact (form bodies stay forms), with Twilio's headers and, with an
auth token, an X-Twilio-Signature valid for the URL your app sees. Each reply gets Pact's verdict and \`check\`'s:
a mismatch carries the hint and Twilio code of its cause, and a reply Pact accepts can still have findings (a
text/html notice, a warning). A callback's MediaUrl is served on 127.0.0.1; nothing leaves the machine. Pact's report
is shown, then the kit's.

Options:
  --pact FILE|DIR|URL      the pacts to verify; repeat for several (default ./${FAX_PACT_DEFAULTS.outDir})
  --auth-token TOKEN       the key that signs requests (Twilio's auth token; default: env TWILIO_AUTH_TOKEN, see
                           --profile); never printed
${profileHelp(27)}
  --state-url URL          your provider-state endpoint: Pact POSTs { state, params, action } around each interaction
                           (states: '${FAX_PACT_STATES.accepts}', '${FAX_PACT_STATES.rejects}', and ''
                           for the action callbacks, which have none); answer 2xx to each
  --fail-on LEVEL          which findings fail the run: error, warning (default), notice or never
  --timeout MS             total time per request (default: the profile's, 15000 for Twilio)
  --media-url BASE         serve MediaUrl from BASE instead of the kit's loopback media server
  --reporter NAME[:FILE]   the kit's reporters: pretty (default), json, junit, github, html, markdown;
                           repeat for several
  --color, --no-color      force colour on or off

Pact Broker (token from env PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD; never printed):
  --broker-url URL         fetch the pacts for --provider from the broker instead of files
  --provider NAME          your provider's name in the broker
  --consumer-version-selector JSON
                           which consumer versions to verify, e.g. '{"mainBranch":true}'; repeat for several
                           (default: the broker's)
  --enable-pending         pacts this provider never verified cannot fail the build (their findings are notices)
  --include-wip-pacts-since DATE
                           also verify work-in-progress pacts published since DATE (YYYY-MM-DD), as pending
  --publish                publish the verification result to the broker (needs --broker-url, --provider-version)
  --provider-version V     the version of your app being verified (e.g. the git sha)
  --branch B               its branch
  --tag T                  a tag for the provider version; repeat for several
  --build-url URL          the CI build, linked from the broker

Examples:
  twiml-fax-kit pact verify http://localhost:3000
  TWILIO_AUTH_TOKEN=... twiml-fax-kit pact verify http://localhost:3000 --pact pacts/twilio-fax-fax-app.json
  twiml-fax-kit pact verify http://localhost:3000 --state-url http://localhost:3000/_pact/state --reporter junit:reports/pact.xml
  twiml-fax-kit pact verify http://localhost:3000 --broker-url https://broker.example.com --provider fax-app \\
    --consumer-version-selector '{"mainBranch":true}' --enable-pending --include-wip-pacts-since 2026-01-01 \\
    --publish --provider-version "$GIT_SHA" --branch "$GIT_BRANCH"

Exit codes: 0 verified (no finding at or above --fail-on), 1 a finding at or above --fail-on (a Pact mismatch is an
error unless its cause is milder for Twilio), 2 usage error (a missing pact file, a bad flag) or Pact could not run.
`;

type Parsed =
  | { readonly ok: true; readonly options: VerifyFaxPactOptions & { readonly failOn: FailOn }; readonly reporterSpecs: readonly string[]; readonly color?: boolean }
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
  const profile = parseProfile(values.profile);
  if (!profile.ok) return profile;
  const authToken = signingKeyOf(values['auth-token'], io.env, profile.profile);
  if (authToken === '') return { ok: false, message: `the ${profile.profile.signature.keyName} is empty; pass --auth-token TOKEN or set ${profile.profile.signature.keyVariables.join(' or ')}, or leave them out` };
  const timeout = values.timeout;
  if (timeout !== undefined && (!/^\d+$/.test(timeout) || Number(timeout) < 1 || Number(timeout) > 2_147_483_647)) {
    return { ok: false, message: `--timeout must be a whole number of milliseconds, not '${timeout}'` };
  }
  const failOn = FAIL_ON_LEVELS.find((level) => level === values['fail-on']?.toLowerCase()) ?? (values['fail-on'] === undefined ? DEFAULT_FAIL_ON : undefined);
  if (failOn === undefined) return { ok: false, message: `--fail-on must be one of ${FAIL_ON_LEVELS.join(', ')}, not '${values['fail-on'] ?? ''}'` };
  const mediaUrl = values['media-url'];
  if (mediaUrl !== undefined && (!/^https?:\/\//i.test(mediaUrl) || !URL.canParse(mediaUrl))) return { ok: false, message: `--media-url must be an http(s) URL, not '${hideCredentials(mediaUrl)}'` };
  const brokerUrl = values['broker-url'];
  if (brokerUrl !== undefined && values.provider === undefined) return { ok: false, message: '--broker-url needs --provider NAME: the broker serves the pacts of a provider' };
  const brokerOnly = (['consumer-version-selector', 'enable-pending', 'include-wip-pacts-since'] as const).find((flag) => values[flag] !== undefined);
  if (brokerOnly !== undefined && brokerUrl === undefined) return { ok: false, message: `--${brokerOnly} needs --broker-url: it chooses among the pacts a broker holds` };
  const selectors = parseSelectors(values['consumer-version-selector'] ?? []);
  if (typeof selectors === 'string') return { ok: false, message: selectors };
  const wipSince = values['include-wip-pacts-since'];
  if (wipSince !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(wipSince)) return { ok: false, message: `--include-wip-pacts-since takes a date (YYYY-MM-DD), not '${wipSince}'` };
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
      failOn,
      profile: profile.profile,
      ...(mediaUrl !== undefined && { mediaUrl }),
      ...(brokerUrl !== undefined && values.provider !== undefined
        ? {
            broker: {
              url: brokerUrl,
              provider: values.provider,
              ...(selectors.length > 0 && { consumerVersionSelectors: selectors }),
              ...(values['enable-pending'] === true && { enablePending: true }),
              ...(wipSince !== undefined && { includeWipPactsSince: wipSince }),
            },
          }
        : {}),
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
  return reporterSpecs.some((spec) => spec === 'json' || spec === 'junit' || spec === 'html' || spec === 'markdown') ? io.stderr : io.stdout;
}

/** `--consumer-version-selector` values as Pact's selectors, or one line saying which is wrong. */
function parseSelectors(raw: readonly string[]): Array<Record<string, string | boolean>> | string {
  const selectors: Array<Record<string, string | boolean>> = [];
  for (const text of raw) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    const valid = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string' || typeof v === 'boolean');
    if (!valid) return `--consumer-version-selector takes one selector as a JSON object, e.g. '{"mainBranch":true}' or '{"deployedOrReleased":true}', not '${text}'`;
    selectors.push(value as Record<string, string | boolean>);
  }
  return selectors;
}

/** `twiml-fax-kit pact verify`: Pact's verifier against the provider, reported by Pact and, as \`check\` reports, by the kit. */
export async function runPactVerify(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseVerifyOptions(argv, io);
  if (!parsed.ok) return usageError(io, parsed.message);
  // The same secrets as `check` keeps out of every output, and the broker's.
  const secrets = verificationSecrets(parsed.options);
  const reporters = createReporters(parsed.reporterSpecs, io, { ...(parsed.color !== undefined ? { color: parsed.color } : {}), secrets });
  if (!reporters.ok) return usageError(io, reporters.message);
  const stream = pactOutputStream(io, parsed.reporterSpecs);
  const color = shouldUseColor(stream, io.env, parsed.color);
  const verification = await verifyFaxPact({
    ...parsed.options,
    reporters: reporters.reporters,
    onPactOutput(lines) {
      // Said once the run happened, so that a run that could not start stays one line.
      if (parsed.options.authToken === undefined) {
        const profile = parsed.options.profile ?? TWILIO_PROFILE;
        const { signature } = profile;
        io.stderr.write(`twiml-fax-kit: no ${signature.keyName}, so requests carry no ${signature.header}; an app that validates signatures will refuse them (give ${['--auth-token', ...signature.keyVariables].join(' or ')})\n`);
        const keyNote = otherProfileKeyNote(profile, io.env, false);
        if (keyNote) io.stderr.write(`twiml-fax-kit: ${keyNote}\n`);
      }
      const text = lines.join('\n');
      stream.write(`${color ? text : text.replace(ANSI, '')}\n`);
    },
  });
  if (verification.status === 'could-not-run') {
    const hint = verification.message.startsWith('no pact file') ? "; generate one with 'twiml-fax-kit pact generate --provider NAME', or give --pact FILE|DIR" : '';
    // Pact's reasons may quote a broker URL or what a server answered.
    return usageError(io, createRedactor(secrets).redactServerText(`${verification.message}${hint}`));
  }
  return verification.status === 'verified' ? EXIT.ok : EXIT.findings;
}
