import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { bufferIo } from './buffer-io.js';
import { startFaxProvider, type RunningFaxProvider } from './fax-provider.js';

const AUTH_TOKEN = 'cli-test-token';
let cwd: string;
let provider: RunningFaxProvider | undefined;

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'fax-pact-cli-'));
  const { io } = bufferIo(cwd);
  expect(await runCli(['pact', 'generate', '--provider', 'fax-app'], io)).toBe(0);
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});
afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

async function run(argv: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, stdout, stderr } = bufferIo(cwd, env);
  const code = await runCli(argv, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

describe('twiml-fax-kit pact generate', () => {
  it('writes the contract and prints the path and the command to run next', async () => {
    const result = await run(['pact', 'generate', '--provider', 'fax-app']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "wrote pacts/twilio-fax-fax-app.json (1 interaction, consumer twilio-fax, provider fax-app)
      next: start your app, then run
        twiml-fax-kit pact verify http://localhost:3000 --pact pacts/twilio-fax-fax-app.json
      "
    `);
  });

  it('writes the provider name, paths, <Receive> attributes, states, methods and generated examples it is given', async () => {
    const result = await run([
      'pact', 'generate', '--provider', 'billing', '--consumer', 'twilio', '--webhook-path', '/twilio/fax',
      '--callback-path', '/twilio/fax/done', '--receive-attributes', 'method', '--states', 'accepts,rejects', '--method', 'both',
      '--examples', '2', '--seed', '7', '--out', 'out',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--state-url http://localhost:3000/_pact/state');
    const pact = JSON.parse(await readFile(join(cwd, 'out', 'twilio-billing.json'), 'utf8')) as {
      provider: { name: string };
      interactions: Array<{ description: string; request: { path: string }; response: { body?: string } }>;
    };
    expect(pact.provider.name).toBe('billing');
    expect(pact.interactions.map((i) => i.description).sort()).toEqual([
      'an incoming fax by GET',
      'an incoming fax by GET to a number that rejects faxes',
      'an incoming fax by POST',
      'an incoming fax by POST from a SIP address (example 1 of seed 7)',
      'an incoming fax by POST from a SIP address (example 2 of seed 7)',
      'an incoming fax by POST to a number that rejects faxes',
      'the action callback for a failed fax',
      'the action callback for a received fax',
    ]);
    expect(new Set(pact.interactions.map((i) => i.request.path))).toEqual(new Set(['/twilio/fax', '/twilio/fax/done']));
    const post = pact.interactions.find((i) => i.description === 'an incoming fax by POST');
    expect(post?.response.body).toBe("<?xml version='1.0'?><Response><Receive action='/twilio/fax/done' method='POST'/></Response>");
  });

  it.each([
    [['pact', 'generate'], "twiml-fax-kit: give your provider's name: twiml-fax-kit pact generate --provider NAME\n"],
    [['pact', 'generate', '--provider', 'a', '--examples', '3'], 'twiml-fax-kit: --examples and --seed go together, so the generated interactions are the same every time (e.g. --examples 5 --seed 1)\n'],
    [['pact', 'generate', '--provider', 'a', '--webhook-path', 'fax'], "twiml-fax-kit: --webhook-path must be a path starting with '/', not 'fax'\n"],
    [['pact', 'generate', '--provider', 'a', '--receive-attributes', 'Action'], "twiml-fax-kit: unknown <Receive> attribute 'Action'; attributes (case-sensitive): action, method, mediaType, pageSize, storeMedia\n"],
    [['pact', 'generate', '--provider', 'a/b'], "twiml-fax-kit: --provider names the pact file, so it cannot contain '/' or '\\': 'a/b'\n"],
    [['pact', 'generate', '--provider', 'a', '--webhook-path', '/fax?tenant=1'], "twiml-fax-kit: --webhook-path takes the path alone, without a query string or fragment: '/fax?tenant=1'\n"],
    [['pact', 'generate', '--provider', 'a', '--receive-attributes', 'action'], 'twiml-fax-kit: <Receive action> is required by giving --callback-path PATH, the action your app answers with\n'],
    [['pact', 'generate', '--provider', 'a', '--states', 'accepts,busy'], "twiml-fax-kit: unknown state 'busy'; states: accepts, rejects\n"],
    [['pact', 'generate', '--provider', 'a', '--method', 'PUT'], "twiml-fax-kit: --method must be POST, GET or both, not 'PUT'\n"],
    [['pact'], "twiml-fax-kit: give a pact command: 'twiml-fax-kit pact generate' or 'twiml-fax-kit pact verify' (see 'twiml-fax-kit pact --help')\n"],
    [['pact', 'deploy'], "twiml-fax-kit: unknown pact command 'deploy'; commands: generate, verify, publish\n"],
  ])('refuses %j with one line and exit code 2', async (argv, message) => {
    const result = await run(argv);
    expect(result).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('refuses an --out that is a file with one line and exit code 2', async () => {
    await writeFile(join(cwd, 'a-file'), '');
    const result = await run(['pact', 'generate', '--provider', 'a', '--out', 'a-file']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `twiml-fax-kit: cannot write the contract to ${join(cwd, 'a-file')}: a file of that name is in the way\n` });
  });

  it('quotes a pact path with a space in the command it suggests', async () => {
    const result = await run(['pact', 'generate', '--provider', 'my app']);
    expect(result.stdout).toContain("--pact 'pacts/twilio-fax-my app.json'\n");
  });
});

describe('twiml-fax-kit pact verify', () => {
  it('exits 0 for a conforming provider and shows Pact\'s report without colour codes', async () => {
    provider = await startFaxProvider({ authToken: AUTH_TOKEN });
    const result = await run(['pact', 'verify', provider.baseUrl, '--state-url', `${provider.baseUrl}/_pact/state`], { TWILIO_AUTH_TOKEN: AUTH_TOKEN });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('Verifying a pact between twilio-fax and fax-app');
    expect(result.stdout).not.toContain('\u001b[');
    expect(result.stderr).toBe('');
  });

  it('exits 1 for a lowercase verb, with Pact\'s mismatch, the kit\'s hint and a JUnit file', async () => {
    provider = await startFaxProvider({ authToken: AUTH_TOKEN, defect: 'lowercase-verb' });
    const result = await run(
      ['pact', 'verify', provider.baseUrl, '--auth-token', AUTH_TOKEN, '--state-url', `${provider.baseUrl}/_pact/state`, '--reporter', 'pretty', '--reporter', 'junit:reports/pact.xml'],
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('1.1) has a matching body');
    expect(result.stdout).toContain('Expected child <Receive/> but was missing');
    expect(result.stdout).toContain('Hint: rename <receive> to <Receive>');
    expect(result.stdout).toContain('Twilio 12200');
    expect(result.stdout).not.toContain(AUTH_TOKEN);
    const junit = await readFile(join(cwd, 'reports', 'pact.xml'), 'utf8');
    expect(junit).toContain('pact-an-incoming-fax-by-post');
    expect(junit).toContain('<failure');
  });

  it('keeps stdout for the JSON report and moves Pact\'s report to stderr', async () => {
    provider = await startFaxProvider({ authToken: AUTH_TOKEN, defect: 'text-plain' });
    const result = await run(['pact', 'verify', provider.baseUrl, '--auth-token', AUTH_TOKEN, '--reporter', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { ok: boolean; findings: Array<{ code: string; twilioError?: number }> };
    expect(report.ok).toBe(false);
    expect(report.findings.some((f) => f.code === 'pact_header_mismatch' && f.twilioError === 12300)).toBe(true);
    expect(result.stderr).toContain('Verifying a pact between twilio-fax and fax-app');
  });

  it('refuses a file that is not a pact in one line, without the warning about a missing auth token', async () => {
    await writeFile(join(cwd, 'package.json'), '{ "name": "fax-app" }');
    const result = await run(['pact', 'verify', 'http://127.0.0.1:9', '--pact', 'package.json']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'twiml-fax-kit: package.json is not a pact file: it has no interactions\n' });
  });

  it.each([
    [['pact', 'verify', 'http://127.0.0.1:9', '--pact', 'missing.json'], "twiml-fax-kit: no pact file at missing.json; generate one with 'twiml-fax-kit pact generate --provider NAME', or give --pact FILE|DIR\n"],
    [['pact', 'verify'], "twiml-fax-kit: give your provider's base URL, e.g. 'twiml-fax-kit pact verify http://localhost:3000'\n"],
    [['pact', 'verify', 'localhost:3000'], "twiml-fax-kit: 'localhost:3000' is not an http(s) URL; give your provider's base URL, e.g. http://localhost:3000\n"],
    [['pact', 'verify', 'http://127.0.0.1:9', '--publish'], 'twiml-fax-kit: --publish needs --broker-url: results are published for pacts fetched from a broker\n'],
    [['pact', 'verify', 'http://127.0.0.1:9', '--broker-url', 'https://broker.example.com'], 'twiml-fax-kit: --broker-url needs --provider NAME: the broker serves the pacts of a provider\n'],
    [['pact', 'verify', 'http://127.0.0.1:9', '--broker-url', 'https://b.example.com', '--provider', 'p', '--publish'], 'twiml-fax-kit: --publish needs --provider-version V (e.g. the git sha of the app being verified)\n'],
    [['pact', 'verify', 'http://127.0.0.1:9', '--fail-on', 'bad'], "twiml-fax-kit: --fail-on must be one of error, warning, notice, never, not 'bad'\n"],
    [['pact', 'verify', 'http://127.0.0.1:9', '--enable-pending'], 'twiml-fax-kit: --enable-pending needs --broker-url: it chooses among the pacts a broker holds\n'],
    [['pact', 'verify', 'http://127.0.0.1:9', '--broker-url', 'https://b.example.com', '--provider', 'p', '--consumer-version-selector', 'main'], "twiml-fax-kit: --consumer-version-selector takes one selector as a JSON object, e.g. '{\"mainBranch\":true}' or '{\"deployedOrReleased\":true}', not 'main'\n"],
    [['pact', 'verify', 'http://127.0.0.1:9', '--broker-url', 'https://b.example.com', '--provider', 'p', '--include-wip-pacts-since', 'last week'], "twiml-fax-kit: --include-wip-pacts-since takes a date (YYYY-MM-DD), not 'last week'\n"],
  ])('refuses %j with one line and exit code 2', async (argv, message) => {
    const result = await run(argv, { TWILIO_AUTH_TOKEN: AUTH_TOKEN });
    expect(result).toEqual({ code: 2, stdout: '', stderr: message });
  });
});
