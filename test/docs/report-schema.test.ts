import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMITTED_PACTS_DIR, COMMITTED_PACT_FILE } from '../../contracts/fax-webhook.pact.js';
import { runCli } from '../../src/cli/run-cli.js';
import { checkServer } from '../../src/harness/check-server.js';
import { FAIL_ON_LEVELS, SEVERITIES } from '../../src/model/diagnostic.js';
import { verifyFaxPact } from '../../src/pact/index.js';
import { TWILIO_ERRORS } from '../../src/protocol/twilio-errors.js';
import { formatJsonReport } from '../../src/reporters/json.js';
import { REPOSITORY } from '../../scripts/docs/page.js';
import { bufferIo } from '../support/buffer-io.js';
import { startFaxProvider } from '../pact/fax-provider.js';
import { schemaErrors } from './json-schema.js';

const schema = JSON.parse(readFileSync(resolve(REPOSITORY, 'docs/report.schema.json'), 'utf8')) as {
  $schema: string;
  $defs: Record<string, { enum?: unknown[]; properties?: Record<string, { const?: unknown }> }>;
};

// A fax webhook with defects that fill every corner of a report: text/plain by POST (findings with a response),
// <Reject> by GET where POST gets <Receive> (a finding with compareWith), and an action callback that fails.
function defectiveFaxServer(): Server {
  return createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.startsWith('/fax/received')) return void res.writeHead(500, { 'Content-Type': 'text/plain' }).end('callback failed\n');
      const xml = req.method === 'GET' ? '<Response><Reject/></Response>' : '<Response><Receive action="/fax/received"/></Response>';
      res.writeHead(200, { 'Content-Type': req.method === 'GET' ? 'text/xml' : 'text/plain' }).end(xml);
    });
  });
}

let server: Server;
let url: string;
beforeAll(async () => {
  server = defectiveFaxServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fax`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** What `twiml-fax-kit ...argv` prints on stdout, parsed as JSON. */
async function jsonOutput(argv: readonly string[], cwd?: string): Promise<unknown> {
  const { io, stdout, stderr } = bufferIo(cwd === undefined ? {} : { cwd });
  const code = await runCli(argv, io);
  expect(stderr()).toBe('');
  expect(code).toBe(1);
  return JSON.parse(stdout());
}

async function expectValid(report: unknown): Promise<void> {
  expect(await schemaErrors(schema, report)).toEqual([]);
}

describe('docs/report.schema.json', () => {
  it("is a draft 2020-12 schema whose enumerations are the kit's own", () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$defs.twilioError?.enum).toEqual(Object.keys(TWILIO_ERRORS).map(Number));
    expect(schema.$defs.severity?.enum).toEqual([...SEVERITIES]);
    expect(schema.$defs.failOn?.enum).toEqual([...FAIL_ON_LEVELS]);
  });

  it('describes the report of a real check run, findings and skipped checks included', async () => {
    const report = await jsonOutput(['check', url, '--method', 'both', '--runs', '3', '--seed', '1', '--auth-token', 'schema-token', '--reporter', 'json']);
    const findings = (report as { findings: Array<Record<string, unknown>> }).findings;
    expect(findings.some((f) => f.compareWith !== undefined && f.replay !== undefined && f.response !== undefined)).toBe(true);
    expect((report as { version: unknown }).version).toBe(schema.$defs.runReport?.properties?.version?.const);
    await expectValid(report);
  });

  it('describes the report of a replayed case and of an interrupted run', async () => {
    await expectValid(await jsonOutput(['check', url, '--seed', '1', '--replay', 'example-1', '--reporter', 'json']));
    const stopped = new AbortController();
    stopped.abort();
    const interrupted = JSON.parse(formatJsonReport(await checkServer({ url }, { runs: 1, seed: 1, signal: stopped.signal }))) as { interrupted?: boolean };
    expect(interrupted.interrupted).toBe(true);
    await expectValid(interrupted);
  });

  it('describes the example of docs/report.md, which is a real report', async () => {
    const page = readFileSync(resolve(REPOSITORY, 'docs/report.md'), 'utf8');
    await expectValid(JSON.parse(/```json\n([\s\S]*?)\n```/.exec(page)?.[1] ?? 'null'));
  });

  it('describes what validate --reporter json writes', async () => {
    await expectValid(await jsonOutput(['validate', '--reporter', 'json', 'examples/replies'], REPOSITORY));
  });

  it('describes the report of pact verify', { timeout: 60_000 }, async () => {
    const provider = await startFaxProvider({ authToken: 'schema-token', defect: 'text-plain' });
    try {
      const verification = await verifyFaxPact({ baseUrl: provider.baseUrl, pacts: [`${COMMITTED_PACTS_DIR}${COMMITTED_PACT_FILE}`], authToken: 'schema-token', stateUrl: `${provider.baseUrl}/_pact/state` });
      expect(verification.status).toBe('mismatches');
      if (verification.status === 'could-not-run') return;
      await expectValid(JSON.parse(formatJsonReport(verification.report)));
    } finally {
      await provider.close();
    }
  });

  it('refuses a report with a field it does not describe, or without its version', async () => {
    const report = (await jsonOutput(['check', url, '--runs', '0', '--seed', '1', '--checks', 'content-type', '--reporter', 'json'])) as Record<string, unknown>;
    await expectValid(report);
    expect(await schemaErrors(schema, { ...report, extra: 1 })).not.toEqual([]);
    const { version: _version, ...unversioned } = report;
    expect(await schemaErrors(schema, unversioned)).not.toEqual([]);
  });
});
