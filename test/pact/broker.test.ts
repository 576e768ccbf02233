import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { bufferIo } from './buffer-io.js';
import { startBrokerStandIn, type BrokerStandIn } from './broker-stand-in.js';
import { startFaxProvider, type RunningFaxProvider } from './fax-provider.js';

// A real Pact Broker cannot run here: these tests send the kit's broker requests to a recording stand-in on loopback
// that speaks the broker's HAL API (broker-stand-in.ts), and check what reached it. Verification from a broker runs
// Pact's own Rust verifier (pact-core); publishing runs Pact's own broker client (@pact-foundation/pact-cli).

const TOKEN = 'broker-token-8c1f5e2a9d7b';
const AUTH_TOKEN = 'broker-test-auth-token';
let cwd: string;
let pactFile: string;
let broker: BrokerStandIn | undefined;
let provider: RunningFaxProvider | undefined;

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'fax-pact-broker-'));
  const { io } = bufferIo(cwd);
  expect(await runCli(['pact', 'generate', '--provider', 'fax-app', '--callback-path', '/fax/received'], io)).toBe(0);
  pactFile = join(cwd, 'pacts', 'twilio-fax-fax-app.json');
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});
afterEach(async () => {
  await broker?.close();
  await provider?.close();
  broker = undefined;
  provider = undefined;
});

async function run(argv: string[], env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, stdout, stderr } = bufferIo(cwd, env);
  const code = await runCli(argv, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

describe('pact verify --broker-url', () => {
  it('asks the broker for the pacts by the selectors, pending and WIP flags, verifies them and publishes the result with the version and branch', async () => {
    const content = JSON.parse(await readFile(pactFile, 'utf8')) as unknown;
    broker = await startBrokerStandIn([{ name: 'twilio-fax-fax-app-1', content }]);
    provider = await startFaxProvider({ authToken: AUTH_TOKEN });
    const result = await run(
      [
        'pact', 'verify', provider.baseUrl, '--broker-url', broker.url, '--provider', 'fax-app',
        '--consumer-version-selector', '{"mainBranch":true}', '--consumer-version-selector', '{"deployedOrReleased":true}',
        '--enable-pending', '--include-wip-pacts-since', '2026-01-01',
        '--publish', '--provider-version', '4f2a9c1', '--branch', 'main', '--reporter', 'json',
      ],
      { TWILIO_AUTH_TOKEN: AUTH_TOKEN, PACT_BROKER_TOKEN: TOKEN },
    );

    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; checks: Array<{ id: string; status: string }> };
    expect(report.checks.map((check) => `${check.id} ${check.status}`)).toEqual([
      'pact-an-incoming-fax-by-post passed',
      'pact-the-action-callback-for-a-failed-fax passed',
      'pact-the-action-callback-for-a-received-fax passed',
    ]);
    const forVerification = broker.requests.find((request) => request.method === 'POST' && request.path === '/pacts/provider/fax-app/for-verification');
    expect(forVerification?.body).toMatchObject({
      consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }],
      includePendingStatus: true,
      includeWipPactsSince: '2026-01-01',
      providerVersionBranch: 'main',
    });
    const results = broker.requests.find((request) => request.path === '/pacts/twilio-fax-fax-app-1/verification-results');
    expect(results?.body).toMatchObject({ success: true, providerApplicationVersion: '4f2a9c1' });
    // The branch of the provider version is recorded in the broker too.
    expect(broker.requests.some((request) => request.method === 'PUT' && request.path.includes('/branches/main/versions/4f2a9c1'))).toBe(true);
    expect(new Set(broker.requests.map((request) => request.authorization))).toEqual(new Set([`Bearer ${TOKEN}`]));
    expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN);
  });

  it('gives the findings of a pending pact as notices, so the build passes and the broker still learns the result', async () => {
    const content = JSON.parse(await readFile(pactFile, 'utf8')) as unknown;
    broker = await startBrokerStandIn([{ name: 'twilio-fax-fax-app-2', content, pending: true }]);
    provider = await startFaxProvider({ authToken: AUTH_TOKEN, defect: 'lowercase-verb' });
    const result = await run(
      ['pact', 'verify', provider.baseUrl, '--broker-url', broker.url, '--provider', 'fax-app', '--enable-pending', '--publish', '--provider-version', '4f2a9c1', '--reporter', 'json'],
      { TWILIO_AUTH_TOKEN: AUTH_TOKEN, PACT_BROKER_USERNAME: 'ci', PACT_BROKER_PASSWORD: TOKEN },
    );

    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { findings: Array<{ severity: string; code: string }> };
    expect(report.findings.map((f) => `${f.severity} ${f.code}`)).toEqual(['notice pact_body_mismatch']);
    const results = broker.requests.find((request) => request.path === '/pacts/twilio-fax-fax-app-2/verification-results');
    expect(results?.body).toMatchObject({ success: false, providerApplicationVersion: '4f2a9c1' });
    expect(broker.requests[0]?.authorization).toBe(`Basic ${Buffer.from(`ci:${TOKEN}`).toString('base64')}`);
    expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN);
  });
});

// Pact's broker client is an optional peer of the kit (like Pact itself) and a development dependency of this
// repository; a checkout without it cannot publish, and says so (the test of that message runs either way).
const brokerClientInstalled = (() => {
  try {
    createRequire(import.meta.url).resolve('@pact-foundation/pact-cli/bin/pact-broker.js');
    return true;
  } catch {
    return false;
  }
})();

describe('pact publish', () => {
  it.runIf(brokerClientInstalled)('publishes the pact with the consumer version, branch, tags and build URL, the token only in the Authorization header', async () => {
    broker = await startBrokerStandIn([]);
    const result = await run(
      ['pact', 'publish', '--broker-url', broker.url, '--consumer-version', '1.4.0', '--branch', 'main', '--tag', 'prod', '--tag', 'eu', '--build-url', 'https://ci.example.com/build/7'],
      { PACT_BROKER_TOKEN: TOKEN },
    );

    expect(result.code, result.stderr).toBe(0);
    const published = broker.requests.find((request) => request.path === '/contracts/publish');
    const body = published?.body as { contracts: Array<{ content: string }> } & Record<string, unknown>;
    expect(body).toMatchObject({
      pacticipantName: 'twilio-fax',
      pacticipantVersionNumber: '1.4.0',
      branch: 'main',
      tags: ['prod', 'eu'],
      buildUrl: 'https://ci.example.com/build/7',
      contracts: [{ consumerName: 'twilio-fax', providerName: 'fax-app', specification: 'pact', contentType: 'application/json' }],
    });
    // Pact's client parses the pact and writes it again (its own model version in `metadata`): the interactions are the file's.
    const sent = JSON.parse(Buffer.from(body.contracts[0]?.content ?? '', 'base64').toString('utf8')) as { interactions: unknown };
    expect(sent.interactions).toEqual((JSON.parse(await readFile(pactFile, 'utf8')) as { interactions: unknown }).interactions);
    expect(published?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN);
  });

  it.runIf(!brokerClientInstalled)('says in one line how to install Pact\'s broker client when it is missing', async () => {
    const result = await run(['pact', 'publish', '--broker-url', 'http://127.0.0.1:9', '--consumer-version', '1'], {});
    expect(result).toEqual({ code: 2, stdout: '', stderr: "twiml-fax-kit: @pact-foundation/pact-cli is not installed; 'pact publish' uses its broker client: npm install --save-dev @pact-foundation/pact-cli\n" });
  });

  it.each([
    [['pact', 'publish', '--consumer-version', '1'], 'twiml-fax-kit: give the broker: --broker-url URL (or set PACT_BROKER_BASE_URL)\n'],
    [['pact', 'publish', '--broker-url', 'http://127.0.0.1:9'], 'twiml-fax-kit: --consumer-version V is required: the version the contract belongs to (e.g. the git sha)\n'],
    [['pact', 'publish', '--broker-url', 'broker', '--consumer-version', '1'], "twiml-fax-kit: --broker-url must be an http(s) URL, not 'broker'\n"],
  ])('refuses %j with one line and exit code 2', async (argv, message) => {
    expect(await run(argv, {})).toEqual({ code: 2, stdout: '', stderr: message });
  });
});
