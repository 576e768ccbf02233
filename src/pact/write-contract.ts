import { mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { PactV3 } from '@pact-foundation/pact';
import { addFaxInteraction, type PactDsl } from './build-interaction.js';
import { executePactTest } from './execute-test.js';
import { generatedExampleInteractions, type GeneratedExamplesOptions } from './generated-examples.js';
import { faxInteractions, type FaxContractPaths, type FaxInteraction } from './interactions.js';
import { loadPact } from './load-pact.js';
import { expectAccepted, sendToMockServer } from './send-to-mock-server.js';
import { FAX_PACT_DEFAULTS } from './states.js';
import type { FaxProfile } from '../protocol/profile.js';

/** What `writeFaxPact` writes: one contract between Twilio's fax service and the user's provider. */
export interface FaxPactOptions {
  /** The user's app, as named in their Pact Broker. */
  readonly provider: string;
  /** Default `twilio-fax`. */
  readonly consumer?: string;
  /** Default `/fax`. */
  readonly webhookPath?: string;
  /** The provider's `<Receive action>`: `action` is required and the action callbacks are added. Default none. */
  readonly callbackPath?: string;
  /** The `<Receive>` attributes besides `action` the provider's reply must carry. Default none (Twilio requires none). */
  readonly receiveAttributes?: readonly string[];
  /** How the number requests the webhook. Default `['POST']`. */
  readonly methods?: FaxContractPaths['methods'];
  /** The provider states to cover. Default `['accepts']`: an app that only receives has no reject interaction. */
  readonly states?: FaxContractPaths['states'];
  /** Where the number's fallback URL points: adds the fallback request (`ErrorCode`, `ErrorUrl`). Default none. */
  readonly fallbackPath?: string;
  /** Directory the pact file is written to (created if needed). */
  readonly outDir: string;
  /** `status-callback`: a contract of the status callbacks alone (at `statusCallbackPath`). Default `webhook`. */
  readonly endpoint?: FaxContractPaths['endpoint'];
  /** Where the app's `StatusCallback` points: the status callbacks are added (default none; `/fax/status` for that endpoint). */
  readonly statusCallbackPath?: string;
  /** Adds `count` interactions generated from the kit's fast-check generators, frozen by `seed`. */
  readonly examples?: GeneratedExamplesOptions;
  /** The fax service that is the consumer (default Twilio's): its ids, `ApiVersion`, `MediaUrl` and `<Receive>`. */
  readonly profile?: FaxProfile;
}

/** The pact file written and what it holds. */
export interface WrittenFaxPact {
  readonly file: string;
  readonly consumer: string;
  readonly provider: string;
  readonly interactions: readonly FaxInteraction[];
  /** The interactions of the file this one replaced that it does not hold (by description); empty when none. */
  readonly dropped: readonly string[];
}

/** The contract could not be written where it was asked to go (the user's setup, not a bug): one line says why. */
export class FaxPactWriteError extends Error {
  override readonly name = 'FaxPactWriteError';
}

/**
 * Writes the fax contract as a Pact (specification V3) file. Each interaction runs against Pact's mock server
 * with the request sent by the kit's sender, as `check` sends it, so a contract is only written if Twilio's requests
 * satisfy it.
 * An existing file for the same pair is replaced, not merged, and only once the whole contract is written: the
 * output depends on the options alone, and a failure leaves the previous file as it was.
 * Throws `FaxPactWriteError` when the output directory cannot be created or written.
 * @example await writeFaxPact({ provider: 'fax-app', outDir: 'pacts' }) // { file: 'pacts/twilio-fax-fax-app.json', ... }
 */
export async function writeFaxPact(options: FaxPactOptions): Promise<WrittenFaxPact> {
  const consumer = options.consumer ?? FAX_PACT_DEFAULTS.consumer;
  const paths: FaxContractPaths = {
    webhookPath: options.webhookPath ?? FAX_PACT_DEFAULTS.webhookPath,
    ...(options.callbackPath !== undefined && { callbackPath: options.callbackPath }),
    ...(options.receiveAttributes !== undefined && { receiveAttributes: options.receiveAttributes }),
    ...(options.methods !== undefined && { methods: options.methods }),
    ...(options.states !== undefined && { states: options.states }),
    ...(options.profile !== undefined && { profile: options.profile }),
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...(options.statusCallbackPath !== undefined && { statusCallbackPath: options.statusCallbackPath }),
    ...(options.fallbackPath !== undefined && { fallbackPath: options.fallbackPath }),
  };
  const interactions = [...faxInteractions(paths), ...(options.examples ? generatedExampleInteractions(options.examples, paths) : [])];
  const dir = resolve(options.outDir);
  const fileName = `${consumer}-${options.provider}.json`;
  const file = join(dir, fileName);

  const dsl = await loadPact();
  // Pact merges each finished interaction into the file it writes; a scratch directory beside the target keeps
  // a half-written contract out of `dir`, and the rename that publishes it stays on one file system.
  const scratch = await makeScratchDir(dir);
  const earlier = await interactionDescriptions(file);
  try {
    const pact = new dsl.PactV3({ consumer, provider: options.provider, dir: scratch, logLevel: 'error' });
    for (const interaction of interactions) await recordInteraction(pact, interaction, dsl);
    await rename(join(scratch, fileName), file).catch((error: unknown) => {
      throw new FaxPactWriteError(`cannot write ${file}: ${describeFsError(error)}`);
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const kept = new Set(interactions.map((interaction) => interaction.description));
  return { file, consumer, provider: options.provider, interactions, dropped: earlier.filter((description) => !kept.has(description)) };
}

/** The descriptions of the interactions in the pact file at `file`; none when there is no such file or it is no pact. */
async function interactionDescriptions(file: string): Promise<string[]> {
  try {
    const pact = JSON.parse(await readFile(file, 'utf8')) as { interactions?: Array<{ description?: unknown }> };
    return (pact.interactions ?? []).flatMap((interaction) => (typeof interaction.description === 'string' ? [interaction.description] : []));
  } catch {
    return [];
  }
}

async function makeScratchDir(dir: string): Promise<string> {
  try {
    await makeDirectory(dir);
    return await mkdtemp(join(dir, '.twiml-fax-kit-'));
  } catch (error) {
    throw new FaxPactWriteError(`cannot write the contract to ${dir}: ${describeFsError(error)}`);
  }
}

/**
 * `mkdir -p`, by hand: Node 20's `mkdir(dir, { recursive: true })` never settles when the file system answers
 * ENOENT for a directory whose parent exists (under /proc, say), and a CLI must not hang on a bad `--out`.
 */
async function makeDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EEXIST' && (await stat(dir)).isDirectory()) return;
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    await makeDirectory(parent);
    await mkdir(dir);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOTDIR: 'a path component is a file, not a directory',
    EEXIST: 'a file of that name is in the way',
    EROFS: 'read-only file system',
    ENOENT: 'no such directory',
    EISDIR: 'a directory of that name is in the way',
  };
  return (typeof code === 'string' ? reasons[code] : undefined) ?? (error instanceof Error ? error.message : String(error));
}

function recordInteraction(pact: PactV3, interaction: FaxInteraction, dsl: PactDsl): Promise<void> {
  return executePactTest(pact, () => addFaxInteraction(pact, interaction, dsl), async (mockServer) => {
    expectAccepted(await sendToMockServer(mockServer.url, interaction), interaction);
  });
}
