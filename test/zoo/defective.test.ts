import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_FAIL_ON, failsOn } from '../../src/model/diagnostic.js';
import { checkServer } from '../../src/harness/check-server.js';
import type { Report } from '../../src/model/report.js';
import { DEFECTIVE_SERVERS, type DefectiveServer } from './defective-servers.js';
import { refusedUrl, serve, serveGarbage, type RunningServer } from './serve.js';

const running: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
});

async function urlOf(entry: DefectiveServer): Promise<string> {
  if (entry.server === 'refused') return refusedUrl();
  const server = entry.server === 'garbage' ? await serveGarbage() : await serve(entry.server);
  running.push(server);
  return server.url(entry.path);
}

function describeFindings(report: Report): string[] {
  return report.findings.map((f) => `${f.severity} ${f.check}/${f.code} ${f.twilioError ?? ''}`);
}

describe('the defective zoo', () => {
  it.each(DEFECTIVE_SERVERS.map((entry) => [entry.name, entry] as const))('catches %s', async (_name, entry) => {
    const report = await checkServer({ url: await urlOf(entry) }, { runs: 5, seed: 7, timeoutMs: 2_000, ...entry.options });
    const { check, code, twilioError, severity = 'error' } = entry.caughtBy;
    const caught = report.findings.find((f) => f.check === check && (code === '*' || f.code === code));
    expect(caught, describeFindings(report).join('\n')).toMatchObject({ severity, ...(twilioError && { twilioError }) });
    // The default --fail-on is warning: a Twilio warning (part of the reply ignored) fails CI too.
    const failing = failsOn(severity, DEFAULT_FAIL_ON);
    expect(report.ok).toBe(!failing);
    const allowed = new Set([check, ...(entry.alsoReportedBy ?? [])]);
    expect(report.findings.filter((f) => f.severity === 'error' && !allowed.has(f.check)).map((f) => `${f.check}/${f.code}`)).toEqual([]);
    expect(report.checks.find((c) => c.id === check)?.status).toBe(failing ? 'failed' : 'passed');
  });
});
