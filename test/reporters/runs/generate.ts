// The reports the reporter tests render, frozen from real runs: the kit checks real servers on loopback, and what
// it reports is written here as JSON. Regenerate after a change to what the kit reports:
//
//   npx tsx test/reporters/runs/generate.ts
//
// then update the reporter snapshots (npx vitest run test/reporters -u) and read the diff.
// test/reporters/frozen-runs.test.ts fails when a fresh run no longer gives the frozen checks and findings.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../src/cli/run-cli.js';
import { checkServer } from '../../../src/harness/check-server.js';
import type { Report } from '../../../src/model/report.js';
import { bufferIo } from '../../support/buffer-io.js';
import { CASE_BOUNDED_SHRINK } from '../../support/shrink-budget.js';
import { readParams } from '../../zoo/serve.js';

/** The frozen runs, by file name. */
export interface FrozenRuns {
  readonly 'failed.json': Report;
  readonly 'passed.json': Report;
  readonly 'started.json': Report;
}

/** Fixed ports make the URLs, and so the signatures and curl lines, the same on every regeneration. */
export const FROZEN_PORTS = { failed: 47_101, passed: 47_102, started: 47_103 } as const;

const CONFORMING_REPLY = '<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n  <Receive action="/fax/received"/>\n</Response>\n';

/**
 * A fax app with three defects of the kind users meet: a 500 when From is longer than 13 characters (a
 * VARCHAR(13) column), no Content-Type on its reply to faxes from abroad (another code path), and a reply whose
 * action URL has no scheme and whose pageSize has the wrong case.
 */
const DEFECTIVE_APP: RequestListener = (req, res) => {
  void readParams(req).then((params) => {
    const from = params.get('From') ?? '';
    if (from.length > 13) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end('internal error\n');
      return;
    }
    if (from.startsWith('+1')) res.setHeader('Content-Type', 'text/xml; charset=utf-8');
    res.end('<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n  <Receive action="localhost:3000/fax/received" pageSize="A4"/>\n</Response>\n');
  });
};

/** A conforming fax app. */
const CONFORMING_APP: RequestListener = (req, res) => {
  void readParams(req).then(() => res.writeHead(200, { 'Content-Type': 'text/xml' }).end(CONFORMING_REPLY));
};

// The same app, as a script the CLI starts with --start.
const CONFORMING_SCRIPT = `require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.sendDate = false; res.writeHead(200, { 'Content-Type': 'text/xml' }).end(${JSON.stringify(CONFORMING_REPLY)}); });
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

async function listen(app: RequestListener, port: number): Promise<{ server: Server; port: number }> {
  // The Date header is the server's clock; without it, two runs give the same bytes.
  const server = createServer((req, res) => {
    res.sendDate = false;
    app(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { server, port: (server.address() as { port: number }).port };
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/**
 * The one field that depends on timing (see ReportSummary.durationMs) is set to a fixed value, so that a
 * regeneration changes only what the kit changed. 1234 and 480 show both ways the reporters print a duration.
 */
function withDuration(report: Report, durationMs: number): Report {
  return { ...report, summary: { ...report.summary, durationMs } };
}

/** Checks each server as a user would, and returns the reports. `ports: 0` picks free ports (for tests). */
export async function generateFrozenRuns(ports: { failed: number; passed: number; started: number } = FROZEN_PORTS): Promise<FrozenRuns> {
  const defective = await listen(DEFECTIVE_APP, ports.failed);
  const conforming = await listen(CONFORMING_APP, ports.passed);
  try {
    const failed = await checkServer(
      { url: `http://127.0.0.1:${defective.port}/fax/incoming` },
      { runs: 10, seed: 1337, shrink: CASE_BOUNDED_SHRINK, checks: ['reachable', 'status-code', 'content-type', 'attribute-values', 'signature-accepted'] },
    );
    const passed = await checkServer(
      { url: `http://127.0.0.1:${conforming.port}/fax/incoming` },
      { runs: 6, seed: 7, checks: ['reachable', 'status-code', 'content-type', 'fax-action'] },
    );
    return { 'failed.json': withDuration(failed, 1234), 'passed.json': withDuration(passed, 480), 'started.json': withDuration(await startedRun(ports.started), 480) };
  } finally {
    await Promise.all([close(defective.server), close(conforming.server)]);
  }
}

/** `twiml-fax-kit check URL --start "node server.cjs" --reporter json:report.json`, as CI runs it. */
async function startedRun(port: number): Promise<Report> {
  const cwd = mkdtempSync(join(tmpdir(), 'twiml-fax-kit-frozen-'));
  try {
    writeFileSync(join(cwd, 'server.cjs'), CONFORMING_SCRIPT);
    const chosen = port === 0 ? await freePort() : port;
    const { io, stderr } = bufferIo({ cwd, env: { PATH: process.env.PATH ?? '', PORT: String(chosen) } });
    const argv = ['check', `http://127.0.0.1:${chosen}/fax/incoming`, '--start', `${JSON.stringify(process.execPath)} server.cjs`];
    const code = await runCli([...argv, '--runs', '4', '--seed', '21', '--checks', 'status-code,content-type', '--reporter', 'json:report.json'], io);
    if (code !== 0) throw new Error(`the started run exited ${code}: ${stderr()}`);
    return JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8')) as Report;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

async function freePort(): Promise<number> {
  const { server, port } = await listen(() => {}, 0);
  await close(server);
  return port;
}

async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const [file, report] of Object.entries(await generateFrozenRuns())) {
    writeFileSync(join(here, file), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${join('test/reporters/runs', file)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
