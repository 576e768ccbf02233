import { CHECK_IDS, selectRunChecks } from '../checks/registry.js';
import { DEFAULT_FAIL_ON, FAIL_ON_LEVELS } from '../model/diagnostic.js';
import { createReporters } from '../reporters/create-reporters.js';
import { ReportWriteError } from '../reporters/write-report.js';
import { TWILIO_PROFILE } from '../protocol/profile.js';
import { DEFAULT_CONCURRENCY, DEFAULT_RUNS, randomSeed, runCheckServer, type CheckServerOptions } from '../harness/check-server.js';
import { BrokenCheckError } from '../runner/broken-check-error.js';
import { createRedactor } from '../secrets/redact.js';
import { loadCustomChecks } from './custom-checks.js';
import { MAX_TIMEOUT_MS } from '../runner/check-options.js';
import { describeReplayProblem } from '../runner/replay.js';
import { secretsOf } from '../secrets/secrets-of.js';
import { describeUrlProblem } from '../runner/target-url.js';
import { parseCommandArgs, usageError, type Command } from './command.js';
import { withConfigFile } from './config-file.js';
import { didYouMean } from './did-you-mean.js';
import { oneOf, parseCount, parseList, parseSeed } from './flag-values.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from '../model/io.js';
import { otherProfileKeyNote, parseProfile, profileHelp, PROFILE_OPTION, signingKeyOf } from './profile-option.js';
import { checksHelp, ENDPOINT_HELP, ENDPOINT_OPTIONS, parseEndpoint } from './endpoint-option.js';
import { FALLBACK_URL_HELP, FALLBACK_URL_OPTION, parseFallbackUrl } from './fallback-option.js';
import { parseServerStart, runWithServer, SERVER_START_HELP, SERVER_START_OPTIONS, type ServerStart } from './server-options.js';

const OPTIONS = {
  method: { type: 'string' },
  'auth-token': { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  replay: { type: 'string' },
  concurrency: { type: 'string' },
  timeout: { type: 'string' },
  insecure: { type: 'boolean' },
  'allow-private-addresses': { type: 'boolean' },
  'media-url': { type: 'string' },
  expect: { type: 'string' },
  'fail-on': { type: 'string' },
  checks: { type: 'string' },
  'skip-checks': { type: 'string' },
  'custom-checks': { type: 'string', multiple: true },
  reporter: { type: 'string', multiple: true },
  color: { type: 'boolean' },
  ...PROFILE_OPTION,
  ...ENDPOINT_OPTIONS,
  ...FALLBACK_URL_OPTION,
  ...SERVER_START_OPTIONS,
} as const;

const HELP = `Usage: twiml-fax-kit check URL [options]

Plays Twilio's fax service against your fax webhook: a few readable example faxes, then --runs generated ones,
each sent as Twilio sends it (headers, signature, redirects, timeouts, 64 kB limit), plus variants of each
(other form encodings, SIP addresses, parameters Twilio may add). Every way the server would make a real fax
fail is reported with Twilio's error code, a hint, and a curl line that reproduces it byte for byte.
A failing generated case is shrunk to the smallest request that still fails.

Options:
${ENDPOINT_HELP}
  --method POST|GET|both   how the number requests the webhook (default POST); both also runs get-post
  --auth-token TOKEN       sign requests with the profile's signature (Twilio's: X-Twilio-Signature; default: env
                           TWILIO_AUTH_TOKEN, see --profile); never printed; also runs signature-accepted and
                           signature-enforced (skipped without a token)
${profileHelp(27)}
  --runs N                 generated cases after the examples (default ${DEFAULT_RUNS})
  --seed N                 repeat a run exactly (default: random; every report says which seed it used)
                           N: -2147483648 to 2147483647, as fast-check reads seeds (a negative one: --seed=-5)
  --replay PATH            with --seed: send only the case at PATH of that run, e.g. 16:0:3 or example-1 (every
                           finding ends with the command that replays it)
  --concurrency N          cases in flight at once (default ${DEFAULT_CONCURRENCY})
  --timeout MS             total time per request in ms (default: the profile's, ${TWILIO_PROFILE.sender.totalTimeoutMs} for Twilio)
  --insecure               accept self-signed certificates (a local https server; Twilio never would)
  --allow-private-addresses
                           let redirects and callbacks reach private, loopback and link-local addresses (default:
                           only public ones and the target's own kind, as Twilio reaches only public addresses)
  --media-url BASE         BASE stands for Twilio's media host in the MediaUrl of action callbacks
                           (BASE/fax/<AccountSid>/<key>?X-Amz-...); default: the kit serves a small valid fax
                           itself on 127.0.0.1 for the run
  --expect receive|reject|any
                           the verb the server must answer with (default any)
  --fail-on LEVEL          which findings fail the run: error, warning (default), notice or never
                           (error: Twilio fails the fax; warning: Twilio ignores or replaces part of the reply;
                           notice: legal, worth knowing)
  --checks a,b             run only these checks
  --skip-checks a,b        leave these checks out
  --custom-checks FILE     load checks of your own from FILE, an ES module (.js, .mjs) exporting checks made with
                           defineCheck; they run after the built-in ones, and --checks/--skip-checks name them
                           (see docs/custom-checks.md); repeat for several files
  --reporter NAME[:FILE]   pretty (default), json, junit, github, html, markdown; repeat for several; FILE writes
                           there (checked before the run; missing directories created inside the working directory
                           only); html: one self-contained page (findings, curl lines, response times) for a CI
                           artifact; markdown: a short summary for a CI job summary or a merge request note
  --color, --no-color      force colour on or off (default: on a terminal, unless NO_COLOR is set; FORCE_COLOR
                           forces it)
${FALLBACK_URL_HELP}
${SERVER_START_HELP}

Settings may also live in twiml-fax-kit.config.json, or under "twiml-fax-kit" in package.json, in the working
directory: long flag names as keys ({ "fail-on": "error", "reporter": ["junit:reports/fax.xml"] }); a flag on the
command line replaces the file's value; the auth token is never read from a file (see docs/ci.md).

Checks of each endpoint (besides those of --custom-checks):
${checksHelp()}

Examples:
  twiml-fax-kit check http://localhost:3000/fax
  TWILIO_AUTH_TOKEN=... twiml-fax-kit check https://fax.example.com/fax --method both --expect receive
  twiml-fax-kit check http://localhost:3000/fax --seed 1234 --runs 20 --checks status-code,content-type
  twiml-fax-kit check http://localhost:3000/fax/status --endpoint status-callback
  twiml-fax-kit check http://localhost:3000/fax --seed 1234 --replay 16:0:3 --checks status-code
  twiml-fax-kit check http://localhost:3000/fax --reporter pretty --reporter junit:reports/fax.xml
  twiml-fax-kit check http://localhost:3000/fax --reporter github   (annotations in GitHub Actions)
  twiml-fax-kit check http://localhost:3000/fax --reporter pretty --reporter html:reports/fax.html
  twiml-fax-kit check http://localhost:3000/fax --fallback-url http://localhost:3000/fax-fallback
  twiml-fax-kit check http://localhost:3000/fax-fallback --endpoint fallback
  twiml-fax-kit check http://127.0.0.1:3000/fax --start "node server.js" --wait-for http://127.0.0.1:3000/health

Exit codes:
  0  no finding at or above --fail-on, and at least one check judged something
  1  a finding at or above --fail-on (default: warning), nothing could be judged, or the kit stopped early (the
     server let every request time out, or a check's requests all timed out): never a pass
  2  the command was wrong (bad URL, unknown flag or check) or the kit could not run (e.g. --start failed, or a
     custom check threw: a bug in the check, not a verdict on the server)
  130  interrupted by Ctrl-C or SIGTERM: requests in flight are cut (never findings), the report covers the
       cases that finished and is never a pass (with --start the server is stopped at once); a second Ctrl-C
       (3 s after the first or later) stops at once
`;

type Parsed = { ok: true; options: CheckServerOptions & { url: string } } | { ok: false; message: string };

function parseOptions(argv: readonly string[], io: CliIo): Parsed & { reporterSpecs?: string[]; color?: boolean; start?: ServerStart; secrets?: string[]; customCheckFiles?: string[] } {
  // Settings of twiml-fax-kit.config.json (or package.json's "twiml-fax-kit" key) go in front: the command line wins.
  const configured = withConfigFile(argv, OPTIONS, io.cwd);
  if (!configured.ok) return configured;
  const parsed = parseCommandArgs('check', configured.argv, OPTIONS);
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed.args;
  if (positionals.length !== 1) {
    return { ok: false, message: positionals.length === 0 ? "give the webhook URL to check, e.g. 'twiml-fax-kit check http://localhost:3000/fax'" : `give one URL, not ${positionals.length} (see 'twiml-fax-kit check --help')` };
  }
  const url = positionals[0] as string;
  const urlProblem = describeUrlProblem(url);
  if (urlProblem) return { ok: false, message: urlProblem };
  const method = oneOf('method', values.method, ['POST', 'GET', 'both'] as const, 'POST');
  if ('error' in method) return { ok: false, message: method.error };
  const endpoint = parseEndpoint(values.endpoint, values.method);
  if (!endpoint.ok) return endpoint;
  const expect = oneOf('expect', values.expect, ['receive', 'reject', 'any'] as const, 'any');
  if ('error' in expect) return { ok: false, message: expect.error };
  const failOn = oneOf('fail-on', values['fail-on'], FAIL_ON_LEVELS, DEFAULT_FAIL_ON);
  if ('error' in failOn) return { ok: false, message: failOn.error };
  const runs = parseCount('runs', values.runs, DEFAULT_RUNS, 0);
  if ('error' in runs) return { ok: false, message: runs.error };
  const seed = parseSeed(values.seed, randomSeed);
  if ('error' in seed) return { ok: false, message: seed.error };
  const concurrency = parseCount('concurrency', values.concurrency, DEFAULT_CONCURRENCY, 1);
  if ('error' in concurrency) return { ok: false, message: concurrency.error };
  const profile = parseProfile(values.profile);
  if (!profile.ok) return profile;
  const timeoutMs = parseCount('timeout', values.timeout, profile.profile.sender.totalTimeoutMs, 1, MAX_TIMEOUT_MS);
  if ('error' in timeoutMs) return { ok: false, message: timeoutMs.error };
  const replay = values.replay;
  if (replay !== undefined && values.seed === undefined) return { ok: false, message: '--replay needs --seed, the seed of the run it comes from (a finding\'s replay command has both)' };
  const replayProblem = replay === undefined ? undefined : describeReplayProblem(replay);
  if (replayProblem) return { ok: false, message: `--replay: ${replayProblem}` };
  const checks = parseList(values.checks);
  const skipChecks = parseList(values['skip-checks']);
  const authToken = signingKeyOf(values['auth-token'], io.env, profile.profile);
  if (authToken === '') return { ok: false, message: `the ${profile.profile.signature.keyName} is empty; pass --auth-token TOKEN or set ${profile.profile.signature.keyVariables.join(' or ')}, or leave them out` };
  const mediaUrl = values['media-url'];
  const mediaUrlProblem = mediaUrl === undefined ? undefined : describeUrlProblem(mediaUrl, 'https://media.example.com/faxes');
  if (mediaUrlProblem) return { ok: false, message: `--media-url: ${mediaUrlProblem}` };
  const fallback = parseFallbackUrl(values['fallback-url']);
  if (!fallback.ok) return fallback;
  if (fallback.fallbackUrl !== undefined && endpoint.endpoint !== 'webhook') {
    const why = endpoint.endpoint === 'fallback' ? ': with --endpoint fallback, URL is the fallback handler itself; leave --fallback-url out' : '';
    return { ok: false, message: `--fallback-url is played beside a fax URL (--endpoint webhook), not with --endpoint ${endpoint.endpoint}${why}` };
  }
  const secrets = secretsOf({ authToken, urls: [url, mediaUrl, fallback.fallbackUrl] });
  const server = parseServerStart(values, url, secrets);
  if (!server.ok) return server;
  return {
    ok: true,
    options: {
      url,
      ...(endpoint.endpoint !== 'webhook' && { endpoint: endpoint.endpoint }),
      method: method.value,
      expect: expect.value,
      failOn: failOn.value,
      runs: runs.value,
      seed: seed.value,
      concurrency: concurrency.value,
      timeoutMs: timeoutMs.value,
      profile: profile.profile,
      insecure: values.insecure ?? false,
      ...(values['allow-private-addresses'] && { allowPrivateAddresses: true }),
      ...(checks && { checks }),
      ...(skipChecks && { skipChecks }),
      ...(authToken !== undefined && { authToken }),
      ...(mediaUrl !== undefined && { mediaUrl }),
      ...(replay !== undefined && { replay }),
      ...(fallback.fallbackUrl !== undefined && { fallbackUrl: fallback.fallbackUrl }),
    },
    ...(values.reporter && { reporterSpecs: values.reporter }),
    ...(values['custom-checks'] && { customCheckFiles: values['custom-checks'] }),
    ...(values.color !== undefined && { color: values.color }),
    ...(server.start && { start: server.start }),
    secrets: [...(server.start?.secrets ?? secrets)],
  };
}

/** The selection's error with "did you mean" for each unknown check id that is close to a known one. */
function withCheckSuggestions(message: string, given: readonly string[], known: readonly string[]): string {
  const guesses = given
    .filter((id) => !known.includes(id))
    .flatMap((id) => {
      const guess = didYouMean(id, known);
      return guess === undefined ? [] : [`'${guess}' for '${id}'`];
    });
  return guesses.length === 0 ? message : message.replace(/; valid checks:/, `; did you mean ${guesses.join(', ')}? Valid checks:`);
}

/** `twiml-fax-kit check URL`: the conformance harness. */
export const checkCommand: Command = {
  name: 'check',
  help: HELP,
  async run(argv, io) {
    const parsed = parseOptions(argv, io);
    if (!parsed.ok) return usageError(io, parsed.message);
    // The custom checks are loaded (their code runs) only once every flag is known to be right.
    const custom = await loadCustomChecks(parsed.customCheckFiles ?? [], io.cwd);
    if (!custom.ok) return usageError(io, custom.message);
    const { checks, skipChecks } = parsed.options;
    const selection = selectRunChecks({ endpoint: parsed.options.endpoint ?? 'webhook', custom: custom.checks, ...(checks && { only: checks }), ...(skipChecks && { skip: skipChecks }) });
    if (!selection.ok) return usageError(io, withCheckSuggestions(selection.message, [...(checks ?? []), ...(skipChecks ?? [])], [...CHECK_IDS, ...custom.checks.map((c) => c.id)]));
    const reporters = createReporters(parsed.reporterSpecs ?? [], io, {
      ...(parsed.color !== undefined && { color: parsed.color }),
      secrets: parsed.secrets ?? [],
      ...(parsed.start && { otherOutputs: [{ label: '--server-log', path: parsed.start.logFile }] }),
    });
    if (!reporters.ok) return usageError(io, reporters.message);
    const { url, ...options } = parsed.options;
    const keyNote = otherProfileKeyNote(options.profile ?? TWILIO_PROFILE, io.env, options.authToken !== undefined);
    if (keyNote) io.stderr.write(`twiml-fax-kit: ${keyNote}\n`);
    return runWithServer(parsed.start, io, async (serverLog) => {
      // First Ctrl-C: cut the requests in flight, start no new case and report what finished. The handler removes
      // itself, so a second Ctrl-C reaches bin.ts, which exits at once.
      const interrupt = new AbortController();
      const removeInterrupt = io.onInterrupt?.(() => {
        removeInterrupt?.();
        interrupt.abort();
      });
      try {
        const report = await runCheckServer(
          { url },
          { ...options, customChecks: custom.checks, reporters: reporters.reporters, signal: interrupt.signal, ...(serverLog !== undefined && { serverLog }) },
          { customCheckFiles: parsed.customCheckFiles ?? [] },
        );
        // Said on stderr too, whatever the reporters show: a run the kit cut short must not read as a complete one.
        if (report.stoppedEarly) io.stderr.write(`twiml-fax-kit: stopped early: ${report.stoppedEarly}\n`);
        if (!interrupt.signal.aborted) return report.ok ? EXIT.ok : EXIT.findings;
        io.stderr.write('twiml-fax-kit: interrupted; the report covers only the cases that ran\n');
        return EXIT.interrupted;
      } catch (error) {
        if (error instanceof ReportWriteError) return usageError(io, `${error.message}; choose a writable path`);
        // A bug in a check is not a verdict on the server: one line naming the check, the case and where it threw.
        if (error instanceof BrokenCheckError) return usageError(io, createRedactor(parsed.secrets ?? []).redactServerText(error.message));
        throw error;
      } finally {
        removeInterrupt?.();
      }
    });
  },
};
