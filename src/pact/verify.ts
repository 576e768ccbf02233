import type { VerifierOptions } from '@pact-foundation/pact-core';
import { startMediaServer } from '../media/media-server.js';
import { DEFAULT_FAIL_ON, type FailOn } from '../model/diagnostic.js';
import type { Reporter } from '../model/events.js';
import type { Report } from '../model/report.js';
import { TWILIO_PROFILE, type FaxProfile } from '../protocol/profile.js';
import { hideCredentials, withoutCredentials } from '../secrets/hide-credentials.js';
import { createRedactor } from '../secrets/redact.js';
import { createSender } from '../sender/index.js';
import { disablePactTracking } from './no-tracking.js';
import { resolvePactSources } from './pact-sources.js';
import { runPactVerifier } from './run-pact-verifier.js';
import { startStateServer, type StateHandlers } from './state-server.js';
import { verificationSecrets } from './verification-secrets.js';
import { reportVerification } from './verification-report.js';
import { startWebhookProxy } from './webhook-proxy.js';

/** Where the pacts come from when not from files: a Pact Broker (token etc. also from the `PACT_BROKER_*` env). */
export interface PactBrokerSource {
  readonly url: string;
  /** The provider name the broker knows the pacts by. */
  readonly provider: string;
  readonly token?: string;
  readonly username?: string;
  readonly password?: string;
  /**
   * Pact's consumer version selectors, e.g. `{ mainBranch: true }`; absent: Pact's recommended ones (main branch,
   * matching branch when publishing with a branch, deployed or released).
   */
  readonly consumerVersionSelectors?: ReadonlyArray<Readonly<Record<string, string | boolean>>>;
  /** Pending pacts: a consumer version the provider has never verified cannot fail the build (its findings are notices). */
  readonly enablePending?: boolean;
  /** Work-in-progress pacts published since this date (`2024-01-01`) are verified too, as pending. */
  readonly includeWipPactsSince?: string;
}

/** Publishing the verification result to the broker, through Pact's own publishing. */
export interface PactPublishOptions {
  readonly providerVersion: string;
  readonly branch?: string;
  readonly tags?: readonly string[];
  readonly buildUrl?: string;
}

/** What `verifyFaxPact` verifies, and how: the provider, the pacts (files or a broker), signing and provider states. */
export interface VerifyFaxPactOptions {
  /** The provider as Twilio would request it, e.g. `https://fax.example.com` (a path prefix is kept). */
  readonly baseUrl: string;
  /** Pact files, directories of pact files, or pact URLs. */
  readonly pacts?: readonly string[];
  readonly broker?: PactBrokerSource;
  readonly publish?: PactPublishOptions;
  /** Signs every request as Twilio would; without it, no `X-Twilio-Signature` is sent. */
  readonly authToken?: string;
  /** A state-change URL following Pact's convention (POST `{ state, params, action }`). */
  readonly stateUrl?: string;
  /** Or handlers called in-process: `{ 'the fax number accepts faxes': async () => ... }`. */
  readonly stateHandlers?: StateHandlers;
  /** Total time per request, as `check --timeout`; default Twilio's 15 000 ms. */
  readonly timeoutMs?: number;
  /** Which findings fail the verification, as `check --fail-on`: default `warning`. */
  readonly failOn?: FailOn;
  /** The kit's reporters: they get the same events, in the same order, as from a `check` run. */
  readonly reporters?: readonly Reporter[];
  /** Called with Pact's own report (secrets removed) once Pact's verifier is done, before the kit reports. */
  readonly onPactOutput?: (lines: readonly string[]) => void | Promise<void>;
  /**
   * What stands for Twilio's media host in the callbacks' `MediaUrl`s, as `check --media-url`. Default: the kit serves
   * the fax on 127.0.0.1 for the verification, so a provider that downloads it works offline.
   */
  readonly mediaUrl?: string;
  /** The fax service the pact plays (default Twilio's): its headers, signature, timeouts, ids and reply rules. */
  readonly profile?: FaxProfile;
  /** Relative pact paths resolve against it; default `process.cwd()`. */
  readonly cwd?: string;
  /** The environment Pact's verifier runs with (broker credentials); default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The outcome of `verifyFaxPact`: Pact's own output, and the same result as the kit's `Report`. */
export type FaxPactVerification =
  | {
      readonly status: 'verified' | 'mismatches';
      /** Pact's console report, line by line (ANSI colours included; strip them for files), secrets removed. */
      readonly pactOutput: readonly string[];
      /** The kit's report: Pact's mismatches and `check`'s verdict of each reply, graded by `failOn`. */
      readonly report: Report;
      /** States the pacts used that had no handler (Pact's convention: verification goes on without one). */
      readonly unhandledStates: readonly string[];
    }
  | { readonly status: 'could-not-run'; readonly message: string };

/**
 * Verifies a provider against fax pacts with Pact's own Rust verifier. Each request Pact makes reaches the provider
 * through the kit's sender, exactly as `check` sends it (see `webhook-proxy.ts`), and each reply gets `check`'s verdict
 * beside Pact's: `status` is `verified` when no finding fails under `failOn`. A `MediaUrl` is served on loopback.
 * Never throws for a bad provider or missing pacts: those are `mismatches` and `could-not-run` values.
 * @example await verifyFaxPact({ baseUrl: 'http://127.0.0.1:3000', pacts: ['pacts'], authToken, stateHandlers })
 */
export async function verifyFaxPact(options: VerifyFaxPactOptions): Promise<FaxPactVerification> {
  disablePactTracking();
  const problem = checkOptions(options);
  if (problem !== undefined) return { status: 'could-not-run', message: problem };
  const pacts = await resolvePactSources(options.pacts ?? [], options.cwd ?? process.cwd());
  if (!pacts.ok) return { status: 'could-not-run', message: pacts.message };

  const startedAt = performance.now();
  const profile = options.profile ?? TWILIO_PROFILE;
  const timeoutMs = options.timeoutMs ?? profile.sender.totalTimeoutMs;
  const media = options.mediaUrl === undefined ? await startMediaServer(profile) : undefined;
  const mediaBaseUrl = options.mediaUrl ?? media?.baseUrl;
  const sender = createSender({ profile, timeoutMs, target: options.baseUrl, ...(options.authToken !== undefined && { authToken: options.authToken }) });
  const proxy = await startWebhookProxy({ target: options.baseUrl, sender, profile, ...(mediaBaseUrl !== undefined && { mediaBaseUrl }) });
  const stateServer = options.stateHandlers ? await startStateServer(options.stateHandlers) : undefined;
  try {
    const outcome = await runPactVerifier(verifierOptions(options, pacts.sources, proxy.url, stateServer?.url, timeoutMs), options.env);
    const secrets = verificationSecrets(options);
    const redactor = createRedactor(secrets);
    if (outcome.kind === 'could-not-run') return { status: 'could-not-run', message: redactor.redactServerText(outcome.message) };
    // Pact's report quotes what the provider answered, which may echo a secret.
    const pactOutput = outcome.json.output.flatMap((line) => line.split('\n')).map((line) => redactor.redactServerText(line));
    await options.onPactOutput?.(pactOutput);
    const report = await reportVerification(
      {
        target: withoutCredentials(options.baseUrl),
        json: outcome.json,
        deliveries: proxy.deliveries,
        startedAt,
        config: { profile, method: 'POST', expect: 'any', hasAuthToken: options.authToken !== undefined, timeoutMs, ...(mediaBaseUrl !== undefined && { mediaBaseUrl }) },
        failOn: options.failOn ?? DEFAULT_FAIL_ON,
        stateSetup: options.stateHandlers ? 'handlers' : options.stateUrl !== undefined ? 'url' : 'none',
        ...(options.stateUrl !== undefined ? { stateUrl: options.stateUrl } : {}),
        secrets,
      },
      options.reporters ?? [],
    );
    return {
      status: report.ok ? 'verified' : 'mismatches',
      pactOutput,
      report,
      unhandledStates: [...(stateServer?.unhandledStates ?? [])],
    };
  } finally {
    await proxy.close();
    await sender.close();
    await media?.close();
    await stateServer?.close();
  }
}

function checkOptions(options: VerifyFaxPactOptions): string | undefined {
  if (!/^https?:\/\//i.test(options.baseUrl) || !URL.canParse(options.baseUrl)) return `'${hideCredentials(options.baseUrl)}' is not an http(s) URL`;
  if (options.stateUrl !== undefined && options.stateHandlers !== undefined) return 'give either a state URL or state handlers, not both';
  const pacts = options.pacts ?? [];
  if (pacts.length === 0 && options.broker === undefined) return 'no pacts to verify: give pact files or a Pact Broker';
  if (options.publish !== undefined && options.broker === undefined) {
    return 'publishing verification results needs pacts from a Pact Broker (a broker URL), not local files';
  }
  return undefined;
}

/**
 * The consumer versions verified when none are chosen: Pact's recommended set, the consumer's main branch and what is
 * deployed or released, and the consumer's branch of the same name as the provider's when there is one.
 */
function defaultSelectors(providerBranch: string | undefined): ReadonlyArray<Readonly<Record<string, string | boolean>>> {
  return [{ mainBranch: true }, ...(providerBranch !== undefined ? [{ matchingBranch: true }] : []), { deployedOrReleased: true }];
}

// Pact's verifier waits longer than the sender, so that a reply too slow for Twilio reaches Pact as the proxy's 502
// (and the kit's 11205), never as Pact's own timeout.
const PACT_TIMEOUT_MARGIN_MS = 10_000;

function verifierOptions(options: VerifyFaxPactOptions, pactFiles: readonly string[], proxyUrl: string, handlerUrl: string | undefined, timeoutMs: number): VerifierOptions {
  const stateUrl = handlerUrl ?? options.stateUrl;
  const broker = options.broker;
  const publish = options.publish;
  const verifier: VerifierOptions = {
    providerBaseUrl: proxyUrl,
    logLevel: 'error',
    timeout: timeoutMs + PACT_TIMEOUT_MARGIN_MS,
    ...(pactFiles.length > 0 ? { pactUrls: [...pactFiles] } : {}),
    ...(stateUrl !== undefined ? { providerStatesSetupUrl: stateUrl, providerStatesSetupTeardown: true, providerStatesSetupBody: true } : {}),
    ...(broker !== undefined
      ? {
          pactBrokerUrl: broker.url,
          provider: broker.provider,
          ...(broker.token !== undefined ? { pactBrokerToken: broker.token } : {}),
          ...(broker.username !== undefined ? { pactBrokerUsername: broker.username } : {}),
          ...(broker.password !== undefined ? { pactBrokerPassword: broker.password } : {}),
          consumerVersionSelectors: (broker.consumerVersionSelectors ?? defaultSelectors(publish?.branch)).map((s) => ({ ...s })),
          ...(broker.enablePending !== undefined ? { enablePending: broker.enablePending } : {}),
          ...(broker.includeWipPactsSince !== undefined ? { includeWipPactsSince: broker.includeWipPactsSince } : {}),
        }
      : {}),
    ...(publish !== undefined
      ? {
          publishVerificationResult: true,
          providerVersion: publish.providerVersion,
          ...(publish.branch !== undefined ? { providerVersionBranch: publish.branch } : {}),
          ...(publish.tags !== undefined ? { providerVersionTags: [...publish.tags] } : {}),
          ...(publish.buildUrl !== undefined ? { buildUrl: publish.buildUrl } : {}),
        }
      : {}),
  };
  return verifier;
}
