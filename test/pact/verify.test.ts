import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMITTED_PACTS_DIR, COMMITTED_PACT_FILE } from '../../contracts/fax-webhook.pact.js';
import type { RunEvent } from '../../src/model/events.js';
import { FAX_PACT_STATES, verifyFaxPact, type FaxPactVerification } from '../../src/pact/index.js';
import { startFaxProvider, type RunningFaxProvider } from './fax-provider.js';

const AUTH_TOKEN = 'pact-test-token';
// The committed contract covers everything: both states, POST and GET, and the action callbacks.
const PACT = `${COMMITTED_PACTS_DIR}${COMMITTED_PACT_FILE}`;

let provider: RunningFaxProvider | undefined;
afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

function plainOutput(verification: FaxPactVerification): string {
  if (verification.status === 'could-not-run') throw new Error(verification.message);
  // eslint-disable-next-line no-control-regex
  return verification.pactOutput.join('\n').replace(/\u001b\[[0-9;]*m/g, '');
}

function verified(verification: FaxPactVerification): Exclude<FaxPactVerification, { status: 'could-not-run' }> {
  if (verification.status === 'could-not-run') throw new Error(verification.message);
  return verification;
}

async function verifyAgainst(options: Parameters<typeof startFaxProvider>[0], extra: Partial<Parameters<typeof verifyFaxPact>[0]> = {}): Promise<FaxPactVerification> {
  provider = await startFaxProvider(options);
  return verifyFaxPact({ baseUrl: provider.baseUrl, pacts: [PACT], authToken: AUTH_TOKEN, stateUrl: `${provider.baseUrl}/_pact/state`, ...extra });
}

describe("verifyFaxPact with Pact's Rust verifier", () => {
  it('verifies a provider that checks signatures with twilio-node, answers FaxResponse().receive({ action }) and downloads the fax', async () => {
    const verification = verified(await verifyAgainst({ authToken: AUTH_TOKEN }));

    expect(verification.status, plainOutput(verification)).toBe('verified');
    expect(provider?.received.every((request) => request.url === '/_pact/state' || request.signature !== undefined)).toBe(true);
    expect(provider?.stateChanges).toContainEqual({ state: FAX_PACT_STATES.rejects, action: 'setup' });
    expect(verification.report.checks.map((check) => `${check.id} ${check.status}`)).toEqual([
      'pact-an-incoming-fax-by-get passed',
      'pact-an-incoming-fax-by-get-to-a-number-that-rejects-faxes passed',
      'pact-an-incoming-fax-by-post passed',
      'pact-an-incoming-fax-by-post-to-a-number-that-rejects-faxes passed',
      'pact-the-action-callback-for-a-failed-fax passed',
      'pact-the-action-callback-for-a-received-fax passed',
    ]);
    expect(verification.report.findings).toEqual([]);
  });

  it("serves the received fax's MediaUrl on loopback, so the download never leaves the machine", async () => {
    await verifyAgainst({ authToken: AUTH_TOKEN });
    expect(provider?.downloads).toEqual([{ origin: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), status: 200, start: '%PDF-' }]);
  });

  it('delivers every form body byte for byte as the pact stores it, but the MediaUrl, with the Host the provider listens on', async () => {
    await verifyAgainst({ authToken: AUTH_TOKEN });
    const pact = JSON.parse(await readFile(PACT, 'utf8')) as { interactions: Array<{ request: { method: string; body?: string } }> };
    const onLoopback = (body: string): string => body.replace(/MediaUrl=http%3A%2F%2F127\.0\.0\.1%3A\d+/, 'MediaUrl=https%3A%2F%2Fmedia.twiliocdn.com');
    const storedBodies = pact.interactions.filter((i) => i.request.method === 'POST').map((i) => i.request.body).sort();
    const posts = provider?.received.filter((request) => request.method === 'POST' && request.url !== '/_pact/state') ?? [];
    expect(posts.map((request) => onLoopback(request.rawBody)).sort()).toEqual(storedBodies);
    expect(posts.every((request) => request.contentType === 'application/x-www-form-urlencoded; charset=UTF-8')).toBe(true);
    expect(new Set(provider?.received.map((request) => request.host))).toEqual(new Set([new URL(provider?.baseUrl ?? '').host]));
  });

  it('calls in-process state handlers for each provider state', async () => {
    provider = await startFaxProvider({ authToken: AUTH_TOKEN });
    const calls: string[] = [];
    const verification = verified(await verifyFaxPact({
      baseUrl: provider.baseUrl,
      pacts: [PACT],
      authToken: AUTH_TOKEN,
      stateHandlers: {
        [FAX_PACT_STATES.accepts]: () => void calls.push('accepts'),
        [FAX_PACT_STATES.rejects]: { setup: () => void calls.push('rejects'), teardown: () => void calls.push('rejects-done') },
      },
    }));

    expect(calls.sort()).toEqual(['accepts', 'accepts', 'rejects', 'rejects', 'rejects-done', 'rejects-done']);
    // The action callbacks have no state: Pact's empty state change for them is not a state the user forgot.
    expect(verification.unhandledStates).toEqual([]);
    // The handlers did not tell the provider to reject, so the reject interactions fail: handlers really ran instead of the URL.
    expect(verification.status).toBe('mismatches');
  });

  it('fails a provider whose signature check refuses the requests when no auth token is given, with check\'s hint', async () => {
    const verification = verified(await verifyAgainst({ authToken: AUTH_TOKEN }, { authToken: undefined }));
    expect(verification.status).toBe('mismatches');
    expect(plainOutput(verification)).toContain('has status code 200 (FAILED)');
    expect(verification.report.findings.find((f) => f.check === 'pact-an-incoming-fax-by-post')?.hint).toMatch(/^the server refused an unsigned request/);
  });

  it.each([
    ['lowercase-verb', 'Expected child <Receive/> but was missing', 12200, 'rename <receive> to <Receive>'],
    ['text-plain', "Expected header 'Content-Type' to have value 'text/xml' but was 'text/plain; charset=utf-8'", 12300, 'reply with Content-Type: text/xml'],
    ['json-body', "expected a body of 'text/xml' but the actual content type was 'application/json;charset=utf-8'", 12300, 'reply with Content-Type: text/xml'],
  ] as const)("fails a provider with the defect %s, with Pact's mismatch and check's hint", async (defect, pactSays, twilioError, hint) => {
    const verification = verified(await verifyAgainst({ authToken: AUTH_TOKEN, defect }));

    expect(verification.status).toBe('mismatches');
    expect(plainOutput(verification)).toContain(pactSays);
    const finding = verification.report.findings.find((f) => f.check === 'pact-an-incoming-fax-by-post');
    expect(finding?.twilioError).toBe(twilioError);
    expect(finding?.hint).toContain(hint);
    // The curl line is the sender's own request, as check's: Twilio's headers, the signature, the body Pact stored.
    expect(finding?.reproduce).toMatch(/^curl -sS -i --globoff -X POST http:\/\/127\.0\.0\.1:\d+\/fax -H 'User-Agent: TwilioProxy\/1\.1' -H 'Accept: \*\/\*' -H 'Content-Type: application\/x-www-form-urlencoded; charset=UTF-8' -H 'I-Twilio-Idempotency-Token: [0-9a-f-]{36}' -H 'X-Twilio-Signature: [^']+' -H Expect: --data-binary 'AccountSid=/);
    expect(finding?.case).toBe("Pact interaction 'an incoming fax by POST'");
    expect(verification.report.checks.filter((check) => check.id.includes('callback')).map((check) => check.status)).toEqual(['passed', 'passed']);
  });

  it('gives a text/html reply the notice check gives it, and passes it under the default --fail-on warning', async () => {
    const verification = verified(await verifyAgainst({ authToken: AUTH_TOKEN, style: 'text-html' }));
    expect(verification.status, plainOutput(verification)).toBe('verified');
    const post = verification.report.findings.filter((f) => f.check === 'pact-an-incoming-fax-by-post');
    expect(post.map((f) => [f.severity, f.code, f.twilioError])).toEqual([['notice', 'undocumented_content_type', undefined]]);
  });

  it('fails a warning check fails on (pageSize="A4") under the default --fail-on warning, and passes it under --fail-on error', async () => {
    const strict = verified(await verifyAgainst({ authToken: AUTH_TOKEN, defect: 'page-size-A4' }));
    expect(strict.status).toBe('mismatches');
    const [finding] = strict.report.findings.filter((f) => f.check === 'pact-an-incoming-fax-by-post');
    expect(finding).toMatchObject({ severity: 'warning', check: 'pact-an-incoming-fax-by-post', twilioError: 12200, hint: 'use a4' });
    await provider?.close();
    const lenient = verified(await verifyAgainst({ authToken: AUTH_TOKEN, defect: 'page-size-A4' }, { failOn: 'error' }));
    expect(lenient.status).toBe('verified');
    expect(lenient.report.failOn).toBe('error');
  });

  it('fails an app that validates signatures against another URL once per interaction, with check\'s hint', async () => {
    const verification = verified(await verifyAgainst({ authToken: AUTH_TOKEN, defect: 'signs-public-url' }));
    expect(verification.status).toBe('mismatches');
    // The 403's text/plain body and headers follow from the refusal: one finding per interaction, not three.
    expect(verification.report.findings.map((f) => `${f.check} ${f.code} ${f.twilioError}`)).toEqual(verification.report.checks.map((c) => `${c.id} pact_status_mismatch 11200`));
    expect(verification.report.findings[0]?.hint).toMatch(/^the server refused a correctly signed request: validate the signature against the URL exactly as requested/);
  });

  it("fails an app that crashes on a failed fax's callback, and says what that callback lacks", async () => {
    const verification = verified(await verifyAgainst({ authToken: AUTH_TOKEN, defect: 'crashes-on-failed-fax' }));
    expect(verification.status).toBe('mismatches');
    expect(verification.report.findings).toHaveLength(1);
    expect(verification.report.findings[0]).toMatchObject({
      check: 'pact-the-action-callback-for-a-failed-fax',
      code: 'pact_status_mismatch',
      twilioError: 11200,
      hint: expect.stringContaining("a failed fax's callback carries ErrorCode and ErrorMessage, and no NumPages, MediaUrl or RemoteStationId: read FaxStatus first"),
    });
  });

  it('reports a provider that is not listening as check does: refused on both attempts (11202)', async () => {
    provider = await startFaxProvider({ authToken: AUTH_TOKEN });
    const baseUrl = provider.baseUrl;
    await provider.close();
    provider = undefined;
    const verification = verified(await verifyFaxPact({ baseUrl, pacts: [PACT], authToken: AUTH_TOKEN }));
    expect(verification.status).toBe('mismatches');
    expect(new Set(verification.report.findings.map((f) => `${f.check === 'pact-verification' ? f.check : 'interaction'} ${f.code} ${f.twilioError}`))).toEqual(new Set(['interaction connection_refused 11202']));
  });

  it('tells its reporters what a check run tells them, in the same order', async () => {
    const events: string[] = [];
    const record = (event: RunEvent): void => void events.push(event.type);
    const reporter = {
      onRunStarted: record,
      onCaseFinished: record,
      onFinding: record,
      onCheckFinished: record,
      onRunFinished: record,
    };
    await verifyAgainst({ authToken: AUTH_TOKEN, defect: 'crashes-on-failed-fax' }, { reporters: [reporter] });
    expect(events).toEqual(['run-started', ...Array(6).fill('case-finished'), 'finding', ...Array(6).fill('check-finished'), 'run-finished']);
  });

  it("keeps Rust backtraces out of Pact's report of a body it cannot parse as XML, though RUST_BACKTRACE=1 is set", async () => {
    vi.stubEnv('RUST_BACKTRACE', '1');
    vi.stubEnv('RUST_LIB_BACKTRACE', undefined);
    try {
      const output = plainOutput(await verifyAgainst({ authToken: AUTH_TOKEN, defect: 'ok-as-xml' }));
      expect(output).toContain('Failed to parse the actual body');
      expect(output).not.toContain('Stack backtrace');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('returns could-not-run with one line when the pact file is missing', async () => {
    const verification = await verifyFaxPact({ baseUrl: 'http://127.0.0.1:9', pacts: ['no-such-pact.json'] });
    expect(verification).toEqual({ status: 'could-not-run', message: 'no pact file at no-such-pact.json' });
  });

  it('returns could-not-run with one line when a file is not a pact', async () => {
    const verification = await verifyFaxPact({ baseUrl: 'http://127.0.0.1:9', pacts: ['package.json', 'tsconfig.json'], cwd: fileURLToPath(new URL('../../', import.meta.url)) });
    expect(verification).toEqual({ status: 'could-not-run', message: 'package.json is not a pact file: it has no interactions' });
  });
});
