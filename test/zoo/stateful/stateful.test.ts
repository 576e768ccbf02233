import { afterAll, describe, expect, it } from 'vitest';
import { checkServer } from '../../../src/harness/check-server.js';
import type { Report } from '../../../src/model/report.js';
import { serve, type RunningServer } from '../serve.js';
import { CONFORMING_STATEFUL_SERVERS, DEFECTIVE_STATEFUL_SERVERS, type StatefulServer } from './servers.js';

const running: RunningServer[] = [];
afterAll(() => Promise.all(running.map((server) => server.close())));

async function urlOf(entry: StatefulServer): Promise<string> {
  const server = await serve(entry.server());
  running.push(server);
  const url = server.url(entry.path);
  return entry.userInfo ? url.replace('://', `://${entry.userInfo}@`) : url;
}

const SMALL_RUN = { runs: 3, seed: 11, timeoutMs: 3_000, shrink: false } as const;

const describeFindings = (report: Report): string => report.findings.map((f) => `${f.severity} ${f.check}/${f.code} ${f.twilioError ?? ''}: ${f.message}`).join('\n');

describe('the stateful zoo', () => {
  it.each(CONFORMING_STATEFUL_SERVERS.map((entry) => [entry.name, entry] as const))('finds no error in %s', async (_name, entry) => {
    const report = await checkServer({ url: await urlOf(entry) }, { ...SMALL_RUN, ...entry.options });
    expect(report.findings.filter((f) => f.severity === 'error'), describeFindings(report)).toEqual([]);
  });

  it.each(DEFECTIVE_STATEFUL_SERVERS.map((entry) => [entry.name, entry] as const))('catches %s', async (_name, entry) => {
    const { check, code, twilioError, messageIncludes, severity = 'error' } = entry.caughtBy;
    const report = await checkServer({ url: await urlOf(entry) }, { ...SMALL_RUN, ...entry.options, checks: entry.checks ?? [check] });
    const caught = report.findings.find((f) => f.check === check && f.code === code);
    expect(caught, describeFindings(report)).toMatchObject({ severity, ...(twilioError && { twilioError }) });
    if (messageIncludes) expect(caught?.message).toContain(messageIncludes);
    expect(caught?.hint).toBeTruthy();
    expect(caught?.reproduce).toMatch(/^curl /);
    const allowed = new Set([check, ...(entry.alsoReportedBy ?? [])]);
    expect(report.findings.filter((f) => f.severity === 'error' && !allowed.has(f.check)).map((f) => `${f.check}/${f.code}`)).toEqual([]);
  });
});
