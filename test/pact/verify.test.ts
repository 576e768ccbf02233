import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMITTED_PACTS_DIR, COMMITTED_PACT_FILE } from '../../contracts/fax-webhook.pact.js';
import { FAX_PACT_STATES, verifyFaxPact, type FaxPactVerification } from '../../src/pact/index.js';
import { startFaxProvider, type RunningFaxProvider } from './fax-provider.js';

const AUTH_TOKEN = 'pact-test-token';
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

describe('verifyFaxPact with Pact\'s Rust verifier', () => {
  it('verifies a provider that checks signatures with twilio-node, parses forms strictly and switches on the state URL', async () => {
    provider = await startFaxProvider({ authToken: AUTH_TOKEN });
    const verification = await verifyFaxPact({ baseUrl: provider.baseUrl, pacts: [PACT], authToken: AUTH_TOKEN, stateUrl: `${provider.baseUrl}/_pact/state` });

    expect(verification.status, plainOutput(verification)).toBe('verified');
    expect(provider.received.every((request) => request.signature !== undefined)).toBe(true);
    expect(provider.stateChanges).toContainEqual({ state: FAX_PACT_STATES.rejects, action: 'setup' });
    if (verification.status !== 'could-not-run') {
      expect(verification.report.checks.map((check) => [check.id, check.status])).toMatchInlineSnapshot(`
        [
          [
            "pact-an-incoming-fax-by-get",
            "passed",
          ],
          [
            "pact-an-incoming-fax-by-post",
            "passed",
          ],
          [
            "pact-an-incoming-fax-by-post-to-a-number-that-rejects-faxes",
            "passed",
          ],
          [
            "pact-the-action-callback-for-a-failed-fax",
            "passed",
          ],
          [
            "pact-the-action-callback-for-a-received-fax",
            "passed",
          ],
        ]
      `);
    }
  });

  it('delivers every form body byte for byte as the pact stores it, with the Host the provider listens on', async () => {
    provider = await startFaxProvider({ authToken: AUTH_TOKEN });
    await verifyFaxPact({ baseUrl: provider.baseUrl, pacts: [PACT], authToken: AUTH_TOKEN, stateUrl: `${provider.baseUrl}/_pact/state` });

    const pact = JSON.parse(await readFile(PACT, 'utf8')) as { interactions: Array<{ request: { method: string; body?: string } }> };
    const storedBodies = pact.interactions.filter((i) => i.request.method === 'POST').map((i) => i.request.body).sort();
    const posts = provider.received.filter((request) => request.method === 'POST' && request.url !== '/_pact/state');
    expect(posts.map((request) => request.rawBody).sort()).toEqual(storedBodies);
    expect(posts.every((request) => request.contentType === 'application/x-www-form-urlencoded; charset=UTF-8')).toBe(true);
    expect(new Set(provider.received.map((request) => request.host))).toEqual(new Set([new URL(provider.baseUrl).host]));
  });

  it('calls in-process state handlers for each provider state', async () => {
    provider = await startFaxProvider({ authToken: AUTH_TOKEN });
    const calls: string[] = [];
    const verification = await verifyFaxPact({
      baseUrl: provider.baseUrl,
      pacts: [PACT],
      authToken: AUTH_TOKEN,
      stateHandlers: {
        [FAX_PACT_STATES.accepts]: () => void calls.push('accepts'),
        [FAX_PACT_STATES.rejects]: { setup: () => void calls.push('rejects'), teardown: () => void calls.push('rejects-done') },
      },
    });

    expect(calls.sort()).toEqual(['accepts', 'accepts', 'rejects', 'rejects-done']);
    // The action callbacks have no state: Pact's empty state change for them is not a state the user forgot.
    if (verification.status !== 'could-not-run') expect(verification.unhandledStates).toEqual([]);
    // The handlers did not tell the provider to reject, so the reject interaction fails: handlers really ran instead of the URL.
    expect(verification.status).toBe('mismatches');
  });

  it('fails a provider whose signature check refuses the requests when no auth token is given', async () => {
    provider = await startFaxProvider({ authToken: AUTH_TOKEN });
    const verification = await verifyFaxPact({ baseUrl: provider.baseUrl, pacts: [PACT], stateUrl: `${provider.baseUrl}/_pact/state` });

    expect(verification.status).toBe('mismatches');
    expect(plainOutput(verification)).toContain('has status code 200 (FAILED)');
  });

  it.each([
    ['lowercase-verb', "Expected child <Receive/> but was missing", 12200],
    ['text-plain', "Expected header 'Content-Type' to have value 'text/xml' but was 'text/plain; charset=utf-8'", 12300],
    ['json-body', "expected a body of 'text/xml' but the actual content type was 'application/json;charset=utf-8'", 12300],
  ] as const)('fails a provider with the defect %s and shows Pact\'s mismatch', async (defect, pactSays, twilioError) => {
    provider = await startFaxProvider({ authToken: AUTH_TOKEN, defect });
    const verification = await verifyFaxPact({ baseUrl: provider.baseUrl, pacts: [PACT], authToken: AUTH_TOKEN, stateUrl: `${provider.baseUrl}/_pact/state` });

    expect(verification.status).toBe('mismatches');
    expect(plainOutput(verification)).toContain(pactSays);
    if (verification.status === 'could-not-run') return;
    const finding = verification.report.findings.find((f) => f.check === 'pact-an-incoming-fax-by-post');
    expect(finding?.twilioError).toBe(twilioError);
    expect(finding?.reproduce).toMatch(/^curl -sS -i --globoff -X POST http:\/\/127\.0\.0\.1:\d+\/fax .*-H 'x-twilio-signature: [^']+' .*--data-binary 'AccountSid=/);
    expect(verification.report.checks.filter((check) => check.id.includes('callback')).map((check) => check.status)).toEqual(['passed', 'passed']);
  });

  it('fails an app that validates signatures against another URL once per interaction, and says which URL was signed', async () => {
    provider = await startFaxProvider({ authToken: AUTH_TOKEN, defect: 'signs-public-url' });
    const verification = await verifyFaxPact({ baseUrl: provider.baseUrl, pacts: [PACT], authToken: AUTH_TOKEN, stateUrl: `${provider.baseUrl}/_pact/state` });

    expect(verification.status).toBe('mismatches');
    if (verification.status === 'could-not-run') return;
    // The 403's text/plain body and headers follow from the refusal: one finding per interaction, not three.
    expect(verification.report.findings.map((f) => `${f.check} ${f.code} ${f.twilioError}`).sort()).toEqual([
      'pact-an-incoming-fax-by-get pact_status_mismatch 11200',
      'pact-an-incoming-fax-by-post pact_status_mismatch 11200',
      'pact-an-incoming-fax-by-post-to-a-number-that-rejects-faxes pact_status_mismatch 11200',
      'pact-the-action-callback-for-a-failed-fax pact_status_mismatch 11200',
      'pact-the-action-callback-for-a-received-fax pact_status_mismatch 11200',
    ]);
    const post = verification.report.findings.find((f) => f.check === 'pact-an-incoming-fax-by-post');
    expect(post?.hint).toContain(`X-Twilio-Signature is valid for ${provider.baseUrl}/fax with the auth token you gave: validate the signature against the URL the request arrived at`);
  });

  it('fails an app that crashes on a failed fax\'s callback, and says what that callback lacks', async () => {
    provider = await startFaxProvider({ authToken: AUTH_TOKEN, defect: 'crashes-on-failed-fax' });
    const verification = await verifyFaxPact({ baseUrl: provider.baseUrl, pacts: [PACT], authToken: AUTH_TOKEN, stateUrl: `${provider.baseUrl}/_pact/state` });

    expect(verification.status).toBe('mismatches');
    if (verification.status === 'could-not-run') return;
    expect(verification.report.findings).toHaveLength(1);
    expect(verification.report.findings[0]).toMatchObject({
      check: 'pact-the-action-callback-for-a-failed-fax',
      code: 'pact_status_mismatch',
      twilioError: 11200,
      hint: "Your app failed with 500 on POST /fax/received; its log says why. A failed fax's callback carries ErrorCode and ErrorMessage, and no NumPages, MediaUrl or RemoteStationId: handle their absence.",
    });
  });

  it('reports a provider that is not listening as unreachable (11205)', async () => {
    provider = await startFaxProvider({ authToken: AUTH_TOKEN });
    const baseUrl = provider.baseUrl;
    await provider.close();
    provider = undefined;
    const verification = await verifyFaxPact({ baseUrl, pacts: [PACT], authToken: AUTH_TOKEN });

    expect(verification.status).toBe('mismatches');
    if (verification.status === 'could-not-run') return;
    expect(new Set(verification.report.findings.map((f) => `${f.code} ${f.twilioError}`))).toEqual(new Set(['pact_provider_unreachable 11205']));
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
