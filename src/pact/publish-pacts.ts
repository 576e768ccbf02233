import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRedactor } from '../secrets/redact.js';
import { disablePactTracking } from './no-tracking.js';
import { resolvePactSources } from './pact-sources.js';
import { verificationSecrets } from './verification-secrets.js';

/** What `publishFaxPacts` publishes, and where: Pact's `pact-broker publish`, with its flags. */
export interface PublishFaxPactsOptions {
  /** Pact files or directories of pact files. */
  readonly pacts: readonly string[];
  readonly brokerUrl: string;
  /** The consumer's version the pacts belong to (e.g. the git sha of the code that wrote them). */
  readonly consumerVersion: string;
  readonly branch?: string;
  readonly tags?: readonly string[];
  readonly buildUrl?: string;
  /** Relative pact paths resolve against it; default `process.cwd()`. */
  readonly cwd?: string;
  /** Where the broker's token (`PACT_BROKER_TOKEN`) or user and password come from; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** How publishing ended: Pact's output, secrets removed, and whether the broker took the pacts. */
export type FaxPactPublication =
  | { readonly status: 'published' | 'failed'; readonly output: readonly string[] }
  | { readonly status: 'could-not-run'; readonly message: string };

/** Pact's broker client is an optional peer, like Pact itself: only `pact publish` needs it. */
export const PACT_CLI_NOT_INSTALLED =
  "@pact-foundation/pact-cli is not installed; 'pact publish' uses its broker client: npm install --save-dev @pact-foundation/pact-cli";

/**
 * Publishes pact files to a Pact Broker with Pact's own broker client (`pact-broker publish` of
 * `@pact-foundation/pact-cli`, whose binary comes from its platform package). The broker's token or user and
 * password go to it through the environment only, never on its command line, and nothing it prints shows them.
 * Never throws: a missing client or pact file is `could-not-run`, a broker that refused is `failed`.
 * @example await publishFaxPacts({ pacts: ['pacts'], brokerUrl: 'https://broker.example.com', consumerVersion: sha, branch: 'main' })
 */
export async function publishFaxPacts(options: PublishFaxPactsOptions): Promise<FaxPactPublication> {
  const env = options.env ?? process.env;
  disablePactTracking();
  const cwd = options.cwd ?? process.cwd();
  const client = resolveBrokerClient(cwd);
  if (client === undefined) return { status: 'could-not-run', message: PACT_CLI_NOT_INSTALLED };
  const pacts = await resolvePactSources(options.pacts, cwd);
  if (!pacts.ok) return { status: 'could-not-run', message: pacts.message };
  const remote = pacts.sources.find((source) => /^https?:\/\//i.test(source));
  if (remote !== undefined) return { status: 'could-not-run', message: `publish takes pact files, not URLs: '${remote}'` };
  const args = [
    client,
    'publish',
    ...pacts.sources,
    '--broker-base-url', options.brokerUrl,
    '--consumer-app-version', options.consumerVersion,
    ...(options.branch !== undefined ? ['--branch', options.branch] : []),
    // Pact's client takes the tags as the values of one --tag.
    ...(options.tags !== undefined && options.tags.length > 0 ? ['--tag', ...options.tags] : []),
    ...(options.buildUrl !== undefined ? ['--build-url', options.buildUrl] : []),
  ];
  const redactor = createRedactor(verificationSecrets({ baseUrl: options.brokerUrl, env }));
  const run = await runClient(args, { ...env, PACT_DO_NOT_TRACK: env.PACT_DO_NOT_TRACK ?? 'true' }, cwd);
  if ('error' in run) return { status: 'could-not-run', message: redactor.redactServerText(`could not start Pact's broker client: ${run.error}`) };
  const output = run.output.split('\n').filter((line) => line.trim() !== '').map((line) => redactor.redactServerText(line));
  return { status: run.code === 0 ? 'published' : 'failed', output };
}

/** `pact-broker.js` of `@pact-foundation/pact-cli`: installed beside the kit, or in the project it runs in. */
function resolveBrokerClient(cwd: string): string | undefined {
  for (const base of [import.meta.url, pathToFileURL(join(cwd, 'package.json')).href]) {
    try {
      return createRequire(base).resolve('@pact-foundation/pact-cli/bin/pact-broker.js');
    } catch {
      // Not from here; try the next place.
    }
  }
  return undefined;
}

function runClient(args: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string): Promise<{ code: number | null; output: string } | { error: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', (error) => resolve({ error: error.message }));
    child.on('close', (code) => resolve({ code, output }));
  });
}
