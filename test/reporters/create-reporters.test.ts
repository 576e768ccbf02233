import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReporters, REPORTERS } from '../../src/reporters/create-reporters.js';
import { formatJunitReport } from '../../src/reporters/junit.js';
import { formatGithubCommands } from '../../src/reporters/github.js';
import { formatPrettyReport } from '../../src/reporters/pretty.js';
import type { Reporter } from '../../src/model/events.js';
import type { Report } from '../../src/model/report.js';
import { bufferIo, FAILED_REPORT } from './fixtures.js';

async function finish(reporters: readonly Reporter[], report: Report): Promise<void> {
  for (const reporter of reporters) await reporter.onRunFinished?.({ type: 'run-finished', report });
}

function reportersOf(outcome: ReturnType<typeof createReporters>): Reporter[] {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.reporters;
}

describe('createReporters', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fax-reporters-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('offers pretty, json, junit, github, html and markdown', () => {
    expect(Object.keys(REPORTERS)).toEqual(['pretty', 'json', 'junit', 'github', 'html', 'markdown']);
  });

  it('refuses an unknown reporter and lists the valid names', () => {
    const { io } = bufferIo();
    expect(createReporters(['xml'], io)).toEqual({
      ok: false,
      message: "unknown reporter 'xml'; reporters: pretty, json, junit, github, html, markdown (--reporter NAME[:FILE])",
    });
  });

  it('refuses two reporters on stdout and says how to give one a file', () => {
    const { io } = bufferIo();
    expect(createReporters(['pretty', 'json'], io)).toEqual({
      ok: false,
      message: "reporters 'pretty' and 'json' both write to stdout; give one a file (e.g. --reporter json:report.json)",
    });
  });

  it('lets github annotations follow the pretty report on stdout, as a GitHub Actions step wants', async () => {
    const { io, stdout } = bufferIo();
    await finish(reportersOf(createReporters(['pretty', 'junit:' + join(dir, 'fax.xml'), 'github'], io)), FAILED_REPORT);
    const lines = stdout.text().split('\n');
    const firstCommand = lines.findIndex((line) => line.startsWith('::'));
    expect(lines.slice(0, firstCommand).join('\n')).toBe(formatPrettyReport(FAILED_REPORT).trimEnd());
    // One annotation per finding and the summary, each a workflow command: nothing else, and none missing.
    expect(lines.slice(firstCommand).filter((line) => line !== '')).toEqual(formatGithubCommands(FAILED_REPORT).trimEnd().split('\n'));
    expect(lines.slice(firstCommand).filter((line) => line !== '')).toHaveLength(FAILED_REPORT.findings.length + 1);
  });

  it.each([[['github', 'json']], [['pretty', 'github', 'github']], [['pretty', 'github', 'junit']]])('still refuses %j on stdout', (specs) => {
    const { io } = bufferIo();
    expect(createReporters(specs, io)).toMatchObject({ ok: false, message: expect.stringContaining('both write to stdout') });
  });

  it('refuses two reporters writing the same file', () => {
    const { io } = bufferIo({ cwd: dir });
    const outcome = createReporters(['json:out/report', `junit:${join(dir, 'out', 'report')}`], io);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining('both write to the same file') });
  });

  it('refuses a reporter whose file is empty', () => {
    const { io } = bufferIo();
    expect(createReporters(['junit:'], io)).toEqual({
      ok: false,
      message: "reporter 'junit:' needs a file after ':' (e.g. --reporter junit:reports/fax.xml)",
    });
  });

  it('writes a file reporter to its file, creating directories, and the other reporter to stdout', async () => {
    const { io, stdout } = bufferIo({ cwd: dir });
    await finish(reportersOf(createReporters(['pretty', 'junit:reports/ci/fax.xml'], io)), FAILED_REPORT);
    expect(await readFile(join(dir, 'reports', 'ci', 'fax.xml'), 'utf8')).toBe(formatJunitReport(FAILED_REPORT));
    expect(stdout.text()).toBe(formatPrettyReport(FAILED_REPORT));
  });

  it('writes the pretty report to a file without colour even when forced for the terminal', async () => {
    const { io } = bufferIo({ cwd: dir, stdoutTTY: true, env: { FORCE_COLOR: '1' } });
    await finish(reportersOf(createReporters(['pretty:pretty.txt'], io, { color: true })), FAILED_REPORT);
    expect(await readFile(join(dir, 'pretty.txt'), 'utf8')).toBe(formatPrettyReport(FAILED_REPORT));
  });

  it('prints exactly the Report as JSON', async () => {
    const { io, stdout } = bufferIo();
    await finish(reportersOf(createReporters(['json'], io)), FAILED_REPORT);
    expect(JSON.parse(stdout.text())).toEqual(JSON.parse(JSON.stringify(FAILED_REPORT)));
    expect(stdout.text()).toBe(`${JSON.stringify(FAILED_REPORT, null, 2)}\n`);
  });

  it('refuses a path whose parent is a file before the run, in one line naming the flag', async () => {
    const { io } = bufferIo({ cwd: dir });
    await writeFile(join(dir, 'blocker'), 'a file, not a directory');
    expect(createReporters(['junit:blocker/fax.xml'], io)).toEqual({
      ok: false,
      message: `cannot write --reporter junit:blocker/fax.xml: ${join(dir, 'blocker')} is not a directory`,
    });
  });

  it('refuses a missing directory outside the working directory and creates none', () => {
    const { io } = bufferIo({ cwd: dir });
    const outcome = createReporters(['junit:/nonexistent-twiml-fax-kit/dir/x.xml'], io);
    expect(outcome).toEqual({
      ok: false,
      message:
        'cannot write --reporter junit:/nonexistent-twiml-fax-kit/dir/x.xml: the directory /nonexistent-twiml-fax-kit/dir does not exist; ' +
        'create it first (the kit creates missing directories only inside the working directory)',
    });
    expect(existsSync('/nonexistent-twiml-fax-kit')).toBe(false);
  });

  it('refuses a report on the same file as the server log, however the paths are spelled', async () => {
    const { io } = bufferIo({ cwd: dir });
    const outcome = createReporters(['json:r.json'], io, { otherOutputs: [{ label: '--server-log', path: './logs/../r.json' }] });
    expect(outcome).toEqual({ ok: false, message: `--reporter json:r.json and --server-log write to the same file ${join(dir, 'r.json')}; give each its own file` });
    await symlink(dir, join(dir, 'link'));
    expect(createReporters(['json:r.json'], io, { otherOutputs: [{ label: '--server-log', path: 'link/r.json' }] })).toMatchObject({ ok: false });
  });

  it('refuses a directory as a report file', () => {
    const { io } = bufferIo({ cwd: dir });
    expect(createReporters([`json:${dir}`], io)).toEqual({ ok: false, message: `cannot write --reporter json:${dir}: ${dir} is a directory; give a file path` });
  });

  it('removes an earlier run\'s report before the run, so none survives a run that ends without one', async () => {
    const { io } = bufferIo({ cwd: dir });
    await writeFile(join(dir, 'fax.xml'), '<testsuites name="an earlier run" failures="0"/>');
    reportersOf(createReporters(['junit:fax.xml'], io));
    expect(existsSync(join(dir, 'fax.xml'))).toBe(false);
  });

  it('writes the report whole, leaving no temporary file beside it', async () => {
    const { io } = bufferIo({ cwd: dir });
    await finish(reportersOf(createReporters(['json:fax.json'], io)), FAILED_REPORT);
    expect(await readdir(dir)).toEqual(['fax.json']);
    expect(JSON.parse(await readFile(join(dir, 'fax.json'), 'utf8'))).toMatchObject({ ok: false });
  });

  it('removes secrets from every event before a reporter sees them', async () => {
    const token = 'f3a9c1e07b5d28460b9e3d7c15a8f264';
    const { io, stdout } = bufferIo();
    const leaky: Report = { ...FAILED_REPORT, checks: FAILED_REPORT.checks.map((c) => ({ ...c, skipReason: `echoed ${token.slice(3, 19)}` })) };
    await finish(reportersOf(createReporters(['json'], io, { secrets: [token] })), leaky);
    expect(stdout.text()).toContain('echoed <redacted>');
    expect(stdout.text()).not.toContain(token.slice(3, 15));
  });
});
