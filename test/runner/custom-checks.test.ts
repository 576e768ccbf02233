import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrokenCheckError, checkServer, defineCheck, formatGithubCommands, formatJsonReport, formatJunitReport, formatPrettyReport, issuesOf, judged, notJudged } from '../../src/harness/index.js';
import type { CheckServerOptions, CheckTarget } from '../../src/harness/index.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { validateFaxTwiml } from '../../src/twiml/validate.js';
import { readText, send, serve, type RunningServer } from '../zoo/serve.js';

// A server with a defect of its own kind, which no built-in check knows: it answers a fax from a long number
// (more than 13 characters, which only generated cases send) with an `X-Queue: overflow` header.
let server: RunningServer;
const probes: { signature: string | undefined; url: string; params: URLSearchParams }[] = [];
beforeAll(async () => {
  server = await serve((req, res) => {
    void readText(req).then((body) => {
      const params = new URLSearchParams(body);
      if (params.has('Probe')) probes.push({ signature: req.headers['x-twilio-signature'] as string | undefined, url: `http://127.0.0.1:${req.socket.localPort}${req.url}`, params });
      if ((params.get('From') ?? '').length > 13) res.setHeader('X-Queue', 'overflow');
      send(res, 200, '<Response><Receive/></Response>');
    });
  });
});
afterAll(() => server.close());

const noOverflow = defineCheck({
  id: 'no-overflow',
  title: 'no fax lands in the overflow queue',
  run({ exchange }) {
    if (!exchange.response) return notJudged('no reply to read');
    if (exchange.response.headers['x-queue'] !== 'overflow') return judged();
    return judged(issuesOf(exchange, [{ code: 'queue_overflow', severity: 'error', message: 'the fax went to the overflow queue', hint: 'make the queue take long numbers' }]));
  },
});

const target = (): CheckTarget => ({ url: server.url() });
const options: CheckServerOptions = { runs: 20, seed: 3, customChecks: [noOverflow], timeoutMs: 5_000 };

describe('a custom check through checkServer', () => {
  it('runs after the built-in checks and is reported like one, its generated failure shrunk', async () => {
    const report = await checkServer(target(), options);
    expect(report.checks.at(-1)).toMatchObject({ id: 'no-overflow', title: 'no fax lands in the overflow queue', status: 'failed' });
    expect(report.ok).toBe(false);
    const finding = report.findings.find((f) => f.check === 'no-overflow');
    expect(finding).toMatchObject({ code: 'queue_overflow', severity: 'error', message: 'the fax went to the overflow queue', hint: 'make the queue take long numbers', response: { status: 200 } });
    expect(finding?.case).toMatch(/^generated case \d+ \(shrunk\)$/);
    // Shrunk to the shortest number that still overflows: 14 characters.
    expect(new URLSearchParams(finding?.request.body).get('From')).toHaveLength(14);
    expect(finding?.reproduce).toMatch(/^curl /);
  });

  it('shows up in every reporter', async () => {
    const report = await checkServer(target(), options);
    expect(formatPrettyReport(report)).toMatch(/✗ error · no-overflow · \[queue_overflow\]/);
    expect(formatPrettyReport(report)).toMatch(/✗ +no-overflow +no fax lands in the overflow queue +failed/);
    expect(JSON.parse(formatJsonReport(report))).toMatchObject({ checks: expect.arrayContaining([expect.objectContaining({ id: 'no-overflow', status: 'failed' })]) });
    expect(formatJunitReport(report)).toMatch(/<testcase classname="twiml-fax-kit" name="no-overflow: no fax lands in the overflow queue" time="0">\s*<failure message="no-overflow: the fax went to the overflow queue" type="queue_overflow">/);
    expect(formatGithubCommands(report)).toMatch(/^::error title=no-overflow::the fax went to the overflow queue \[queue_overflow\]/m);
  });

  it('is selected and left out by id, as a built-in check is', async () => {
    const only = await checkServer(target(), { ...options, runs: 2, checks: ['status-code', 'no-overflow'] });
    expect(only.checks.map((c) => c.id)).toEqual(['status-code', 'no-overflow']);
    const skipped = await checkServer(target(), { ...options, runs: 2, skipChecks: ['no-overflow'] });
    expect(skipped.checks.map((c) => c.id)).not.toContain('no-overflow');
  });

  it('replays its finding from seed and path alone, with no command that could not load the check', async () => {
    const first = (await checkServer(target(), options)).findings.find((f) => f.check === 'no-overflow');
    expect(first?.replay).toEqual({ seed: 3, path: expect.stringMatching(/^\d+(:\d+)*$/) });
    const replayed = await checkServer(target(), { ...options, seed: first?.replay?.seed ?? 0, replay: first?.replay?.path ?? '', checks: ['no-overflow'] });
    expect(replayed.findings).toMatchObject([{ check: 'no-overflow', code: 'queue_overflow', case: first?.case, request: { body: first?.request.body } }]);
  });

  it('is stamped with its own id, whatever id its diagnostics carry', async () => {
    // A check that hands on the validator's diagnostics (which name the validator's checks), and one that names another check.
    const strictReply = defineCheck({
      id: 'strict-reply',
      title: 'the reply is valid TwiML with a Content-Type of text/html',
      run: ({ exchange }) => judged(issuesOf(exchange, validateFaxTwiml(exchange.response?.body ?? '', { contentType: 'text/html' }).diagnostics)),
    });
    const impostor = defineCheck({
      id: 'impostor',
      title: 'names another check',
      run: ({ exchange }) => judged([{ exchange, diagnostic: { check: 'status-code', code: 'fake', severity: 'error', message: 'posing as status-code' } as Diagnostic }]),
    });
    const report = await checkServer(target(), { runs: 0, seed: 1, customChecks: [strictReply, impostor], checks: ['strict-reply', 'impostor'], failOn: 'notice' });
    expect(report.findings.map((f) => [f.check, f.code])).toEqual([
      ['strict-reply', 'undocumented_content_type'],
      ['impostor', 'fake'],
    ]);
  });

  it("gets the run's sender, signature, seed-derived randomness and case", async () => {
    const seen: string[] = [];
    const probe = defineCheck({
      id: 'probe',
      title: 'sends a request of its own',
      scope: 'run',
      async run({ request, send: sendRequest, random, sign, case: plannedCase }) {
        seen.push(`${plannedCase.id} ${random.uuid()} ${typeof sign}`);
        const exchange = await sendRequest({ ...request, params: [...request.params, ['Probe', random.hex(4)]] });
        return exchange.response?.status === 200 ? judged() : notJudged('no reply');
      },
    });
    probes.length = 0;
    const run = () => checkServer(target(), { runs: 1, seed: 11, authToken: 'probe-token', customChecks: [probe], checks: ['probe'] });
    expect((await run()).checks).toMatchObject([{ id: 'probe', status: 'passed', exchanges: 1 }]);
    await run();
    // Once per run, on the first example; the same seed draws the same values again.
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/^example-1 [0-9a-f-]{36} function$/);
    expect(seen[1]).toBe(seen[0]);
    expect(probes.map((p) => p.params.get('Probe'))).toEqual([probes[0]?.params.get('Probe'), probes[0]?.params.get('Probe')]);
    // Signed by the run's sender with the run's token, as Twilio signs (twilio-node is the oracle).
    const sent = probes[0];
    expect(twilio.validateRequest('probe-token', sent?.signature ?? '', sent?.url ?? '', Object.fromEntries(sent?.params ?? []))).toBe(true);
  });
});

describe('custom checks that cannot run', () => {
  it.each([
    [[defineCheck({ id: 'status-code', title: 't', run: () => judged() })], "checkServer: custom check 'status-code' has the id of a built-in check; give it an id of its own"],
    [[defineCheck({ id: 'mine', title: 't', run: () => judged() }), defineCheck({ id: 'mine', title: 'u', run: () => judged() })], "checkServer: two custom checks have the id 'mine'; give each an id of its own"],
    [[{ id: 'Mine', title: 't', scope: 'case' as const, run: () => judged() }], "checkServer: customChecks[0]: a check's id must be kebab-case (letters and digits, words joined by '-', e.g. 'rejects-unknown-numbers'), not 'Mine'"],
  ])('are refused before the first request: %#', async (customChecks, message) => {
    await expect(checkServer(target(), { customChecks })).rejects.toThrow(new TypeError(message));
  });

  it('refuses a malformed definition in defineCheck itself', () => {
    expect(() => defineCheck({ id: 'no title', title: '', run: () => judged() })).toThrow(TypeError);
    expect(() => defineCheck({ id: 'untitled', title: ' ', run: () => judged() })).toThrow(new TypeError("defineCheck: check 'untitled' needs a title (one line for reports)"));
  });

  it('stops the run with a BrokenCheckError naming the check, the case and the line that threw', async () => {
    const throws = defineCheck({
      id: 'throws',
      title: 'has a bug',
      run: () => {
        throw new RangeError('index out of range');
      },
    });
    const error = await checkServer(target(), { runs: 5, seed: 1, concurrency: 1, customChecks: [throws] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrokenCheckError);
    expect((error as BrokenCheckError).check).toBe('throws');
    expect((error as Error).message).toMatch(/^check 'throws' threw on example-1 \(a fax from a US number\): RangeError: index out of range \(at .*custom-checks\.test\.ts:\d+:\d+\)$/);
  });

  it.each([
    [() => undefined, 'returned undefined'],
    [() => ({ issues: [], notJudged: '' }), 'returned notJudged without a reason'],
    [({ exchange }: { exchange: unknown }) => ({ issues: [{ exchange, diagnostic: { code: 'x', severity: 'fatal', message: 'm' } }] }), 'returned an issue (issues[0]) whose severity is not one of error, warning, notice'],
  ])('stops the run when a check returns no outcome: %s', async (run, problem) => {
    const broken = defineCheck({ id: 'broken', title: 'returns nonsense', run: run as never });
    await expect(checkServer(target(), { runs: 0, seed: 1, customChecks: [broken], checks: ['broken'] })).rejects.toThrow(
      `check 'broken' ${problem} on example-1 (a fax from a US number); a check returns judged(issues) or notJudged(reason)`,
    );
  });
});
