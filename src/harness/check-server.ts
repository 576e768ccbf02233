import { selectRunChecks } from '../checks/registry.js';
import { DEFAULT_FAIL_ON, type FailOn } from '../model/diagnostic.js';
import type { Check, CheckConfig } from '../checks/check-api/types.js';
import { TWILIO_PROFILE, type FaxProfile } from '../protocol/profile.js';
import { profileById } from '../protocol/profiles.js';
import { createSender, inProcessTransport, type FetchHandler } from '../sender/index.js';
import { listenerTransport, type NodeListener } from '../sender/listener-transport.js';
import type { FormParams } from '../model/exchange.js';
import { startMediaServer } from '../media/media-server.js';
import { signRequest } from '../signature/sign.js';
import { describeCheckOptionsProblem } from '../runner/check-options.js';
import type { Reporter } from '../model/events.js';
import type { Report } from '../model/report.js';
import { runConformance } from '../runner/run.js';
import { secretsOf } from '../secrets/secrets-of.js';
import { describeUrlProblem } from '../runner/target-url.js';
import { withoutCredentials } from '../secrets/hide-credentials.js';
import { urlWord, type CommandWord } from '../runner/replay.js';
import type { ShrinkBudget } from '../runner/shrink.js';
import type { Endpoint } from '../checks/check-api/endpoint.js';

/**
 * What to check: a live URL; an in-process fetch handler such as Hono's `app.fetch`; or an in-process Node request
 * listener such as an Express app, an `http.Server` or Fastify's `app.server` (after `await app.ready()`). In process
 * there is no port and no network, and `url` is the URL the app sees (default `http://localhost/`).
 */
export type CheckTarget =
  | { readonly url: string }
  | { readonly handler: FetchHandler; readonly name?: string; readonly url?: string }
  | { readonly listener: NodeListener; readonly name?: string; readonly url?: string };

/** How to play Twilio against the target; every option has the CLI's default. */
export interface CheckServerOptions {
  /**
   * Which endpoint of the fax app the target is: `webhook` (the fax URL, the default), `status-callback` (the
   * `StatusCallback` of faxes the app sends: always POSTed, so `method` must be left out or `POST`) or `fallback` (a
   * number's fallback URL, whose every request carries `ErrorCode` and `ErrorUrl` as after a failure of the fax URL).
   * Only the checks of that endpoint run.
   */
  readonly endpoint?: Endpoint;
  /** How the number requests the webhook; `both` also runs `get-post`. Default `POST`. */
  readonly method?: 'POST' | 'GET' | 'both';
  /** Signs every request (`X-Twilio-Signature`, or the profile's signature headers); never appears in the report. */
  readonly authToken?: string;
  /** Generated cases after the fixed examples. Default 100. */
  readonly runs?: number;
  /** Repeats a run exactly. Default random (the report says which). */
  readonly seed?: number;
  /** Cases in flight at once. Default 8. */
  readonly concurrency?: number;
  /** Total time per exchange in ms. Default Twilio's 15 000. */
  readonly timeoutMs?: number;
  /** Accept self-signed certificates (local testing). */
  readonly insecure?: boolean;
  /** Let redirects and callbacks reach private, loopback and link-local addresses besides the target's own kind. */
  readonly allowPrivateAddresses?: boolean;
  /** Which findings fail the run: `error`, `warning` (the default), `notice` or `never`. */
  readonly failOn?: FailOn;
  /** The verb the server must answer with. Default `any`. */
  readonly expect?: 'receive' | 'reject' | 'any';
  /**
   * Checks of your own (made with `defineCheck`), run after the built-in ones and reported as they are; their ids
   * must differ from the built-in checks' (see docs/custom-checks.md).
   */
  readonly customChecks?: readonly Check[];
  /** Run only these check ids (built-in or custom). */
  readonly checks?: readonly string[];
  /** Leave these check ids out. */
  readonly skipChecks?: readonly string[];
  readonly reporters?: readonly Reporter[];
  /** The fax service to play (its TwiML, HTTP client, signature, parameters, error codes, media URLs). Default Twilio's. */
  readonly profile?: FaxProfile;
  /** Bounds on shrinking a generated failure; `false` reports it unshrunk. */
  readonly shrink?: ShrinkBudget | false;
  /**
   * What stands for the profile's media host in the `MediaUrl`s of action callbacks (Twilio's: `BASE/fax/{AccountSid}/{key}?X-Amz-…`).
   * Default: the kit serves a small valid fax itself on 127.0.0.1 for the run, so a server that downloads the media
   * works offline.
   */
  readonly mediaUrl?: string;
  /**
   * Stops the run: no new case starts, requests in flight are cut at once (never findings), nothing is shrunk; the
   * report covers the cases that finished, says `interrupted` and is never ok.
   */
  readonly signal?: AbortSignal;
  /**
   * Sends only the case at this path of the run with `seed` (a finding's `replay.path`), and reports on it; `seed` is
   * then required and `runs` is ignored.
   */
  readonly replay?: string;
  /** The file holding the output of the server under test, when the caller started it; named in the report. */
  readonly serverLog?: string;
  /**
   * The number's fallback URL: when a request to the fax URL fails as the service counts failure, it is requested as
   * the service requests it (`ErrorCode`, `ErrorUrl`), and `fallback-reply` judges its reply (docs/check.md,
   * "Fallback URL"). Its credentials never appear in the report.
   */
  readonly fallbackUrl?: string;
}

/** The handler URL used when none is given. */
const DEFAULT_HANDLER_URL = 'http://localhost/';

/** Generated cases after the fixed examples, when `runs` is not given. */
export const DEFAULT_RUNS = 100;

/** Cases in flight at once, when `concurrency` is not given. */
export const DEFAULT_CONCURRENCY = 8;

/** A seed for a run that did not ask for one: any 32-bit integer fast-check accepts. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}

/**
 * Plays Twilio's fax service against a server and returns the report (the same value `--reporter json` prints).
 * Throws a TypeError only for bad options (an invalid URL, unknown check ids, a NaN or out-of-range number, naming the
 * option and what it accepts); everything wrong with the server is a finding.
 * @example const report = await checkServer({ url: 'http://127.0.0.1:3000/fax' }, { runs: 20, seed: 1 });
 * @example const report = await checkServer({ handler: app.fetch, url: 'http://localhost/fax' });
 * @example const report = await checkServer({ listener: expressApp, url: 'https://fax.example.com/fax' });
 */
export async function checkServer(target: CheckTarget, options: CheckServerOptions = {}): Promise<Report> {
  return runCheckServer(target, options);
}

/** What the `check` command knows of a run beyond `CheckServerOptions`: how it loaded the custom checks. */
export interface CommandContext {
  /** The `--custom-checks` files as given, which each finding's replay command must load again. */
  readonly customCheckFiles?: readonly string[];
}

/**
 * `checkServer` for the `check` command: the same run, with the replay commands loading the custom checks from the
 * files the command loaded them from. Without those files (a library run), a custom check's findings carry seed and
 * path but no command, which could not load the check.
 */
export async function runCheckServer(target: CheckTarget, options: CheckServerOptions, command: CommandContext = {}): Promise<Report> {
  const profile = options.profile ?? TWILIO_PROFILE;
  const inProcess = 'handler' in target || 'listener' in target;
  const url = inProcess ? (target.url ?? DEFAULT_HANDLER_URL) : target.url;
  const urlProblem = describeUrlProblem(url);
  if (urlProblem) throw new TypeError(urlProblem);
  const optionsProblem = describeCheckOptionsProblem(options);
  if (optionsProblem) throw new TypeError(`checkServer: ${optionsProblem}`);
  const endpoint = options.endpoint ?? 'webhook';
  if (endpoint === 'status-callback' && options.method !== undefined && options.method !== 'POST') {
    throw new TypeError(`checkServer: method must be 'POST' (or left out) for the status-callback endpoint, not '${options.method}': Twilio always POSTed status callbacks`);
  }
  const selection = selectRunChecks({
    endpoint,
    ...(options.customChecks && { custom: options.customChecks }),
    ...(options.checks && { only: options.checks }),
    ...(options.skipChecks && { skip: options.skipChecks }),
  });
  if (!selection.ok) throw new TypeError(`checkServer: ${selection.message}`);
  const timeoutMs = options.timeoutMs ?? profile.sender.totalTimeoutMs;
  // Started only when a check will hand out MediaUrls, and stopped with the run.
  const needsMedia = options.mediaUrl === undefined && selection.checks.some((c) => c.id === 'action-callback');
  const media = needsMedia ? await startMediaServer(profile) : undefined;
  const mediaBaseUrl = options.mediaUrl ?? media?.baseUrl;
  const { authToken } = options;
  const config: CheckConfig = {
    profile,
    endpoint,
    method: options.method ?? 'POST',
    expect: options.expect ?? 'any',
    hasAuthToken: options.authToken !== undefined,
    timeoutMs,
    ...(mediaBaseUrl !== undefined && { mediaBaseUrl }),
    runningChecks: new Set(selection.checks.map((c) => c.id)),
    ...(options.fallbackUrl !== undefined && { fallbackUrl: options.fallbackUrl }),
  };
  // Aborted when the run stops (interrupted, or the server times out on everything): every exchange in flight ends.
  const stopSending = new AbortController();
  const sender = createSender({
    profile,
    timeoutMs,
    signal: stopSending.signal,
    ...(options.authToken !== undefined && { authToken: options.authToken }),
    ...(options.insecure !== undefined && { insecure: options.insecure }),
    target: url,
    ...(options.allowPrivateAddresses !== undefined && { allowPrivateAddresses: options.allowPrivateAddresses }),
    ...('handler' in target && { transport: inProcessTransport(target.handler) }),
    ...('listener' in target && { transport: listenerTransport(target.listener) }),
  });
  try {
    return await runConformance({
      target: targetLabel(target, url),
      url,
      sender,
      config,
      checks: selection.checks,
      seed: options.seed ?? randomSeed(),
      onStop: () => stopSending.abort(),
      ...(options.replay !== undefined && { replay: options.replay }),
      ...(!inProcess && { commandLine: commandLineOf(url, options, profile, command.customCheckFiles ?? []) }),
      ...(command.customCheckFiles === undefined && options.customChecks && { commandLineOmits: new Set(options.customChecks.map((c) => c.id)) }),
      runs: options.runs ?? DEFAULT_RUNS,
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      ...(options.failOn !== undefined && { failOn: options.failOn }),
      ...(options.reporters && { reporters: options.reporters }),
      secrets: secretsOf({ authToken: options.authToken, urls: [url, options.mediaUrl, options.fallbackUrl] }),
      ...(options.shrink !== undefined && { shrink: options.shrink }),
      ...(options.signal && { signal: options.signal }),
      ...(options.serverLog !== undefined && { serverLog: options.serverLog }),
      ...(authToken !== undefined && { sign: (signedUrl: string, params?: FormParams) => signRequest(profile.signature, { authToken, url: signedUrl, ...(params && { params }) }) }),
    });
  } finally {
    await sender.close();
    await media?.close();
  }
}

/** How the report names the target: the URL without credentials, or `handler:NAME` / `listener:NAME` in process. */
function targetLabel(target: CheckTarget, url: string): string {
  if ('handler' in target) return `handler:${target.name ?? (target.handler.name || 'fetch')}`;
  if ('listener' in target) return `listener:${target.name ?? ((typeof target.listener === 'function' && target.listener.name) || 'server')}`;
  return withoutCredentials(url);
}

/**
 * The `check` command line that repeats the parts of this configuration that shape the requests and the verdict, for
 * the replay command of each finding. The auth token is never in it: the replay reads the profile's key variable
 * (`TWILIO_AUTH_TOKEN`) as the run did; nor are the URL's credentials, which no report shows: the command reads them from `$FAX_USER` and
 * `$FAX_PASSWORD`, as the curl lines do.
 */
function commandLineOf(url: string, options: CheckServerOptions, profile: FaxProfile, customCheckFiles: readonly string[]): CommandWord[] {
  const line: CommandWord[] = ['twiml-fax-kit', 'check', urlWord(url)];
  if (options.endpoint !== undefined && options.endpoint !== 'webhook') line.push('--endpoint', options.endpoint);
  for (const file of customCheckFiles) line.push('--custom-checks', file);
  if (options.method !== undefined && options.method !== 'POST') line.push('--method', options.method);
  if (options.expect !== undefined && options.expect !== 'any') line.push('--expect', options.expect);
  if (options.failOn !== undefined && options.failOn !== DEFAULT_FAIL_ON) line.push('--fail-on', options.failOn);
  if (options.timeoutMs !== undefined && options.timeoutMs !== profile.sender.totalTimeoutMs) line.push('--timeout', String(options.timeoutMs));
  if (options.insecure) line.push('--insecure');
  if (options.mediaUrl !== undefined) line.push('--media-url', options.mediaUrl);
  // Another known profile is named; a profile of the caller's own (not in PROFILES) has no flag to name it by.
  const { id: profileId } = profile;
  if (profile !== TWILIO_PROFILE && profileById(profileId) === profile) line.push('--profile', profileId);
  if (options.fallbackUrl !== undefined) line.push('--fallback-url', urlWord(options.fallbackUrl));
  return line;
}
