import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { checkServer } from '../../src/harness/check-server.js';
import type { Finding, Report } from '../../src/model/report.js';
import { bufferIo } from '../support/buffer-io.js';
import { RECEIVE_XML, readParams, send, serve, type RunningServer } from '../zoo/serve.js';

const run = promisify(execFile);

// From stored in a VARCHAR(13) column: only some generated cases fail, so the finding is shrunk.
let server: RunningServer;
let bodies: string[] = [];
beforeAll(async () => {
  server = await serve((req, res) => {
    res.sendDate = false; // deterministic replies, so a replay's report can be compared with the run's
    void readParams(req).then((params) => {
      bodies.push(params.toString());
      if ((params.get('From') ?? '').length > 13) return send(res, 500, 'value too long for type character varying(13)\n', 'text/plain');
      send(res, 200, RECEIVE_XML);
    });
  });
});
afterAll(() => server.close());

async function shrunkFinding(): Promise<Finding> {
  const report = await checkServer({ url: server.url() }, { runs: 30, seed: 7, checks: ['status-code'] });
  const finding = report.findings[0];
  if (!finding) throw new Error('the run found nothing to replay');
  return finding;
}

describe('each finding says what replays its case', () => {
  it('carries the seed, fast-check path and the command, as a shrunk counterexample does', async () => {
    const finding = await shrunkFinding();
    expect(finding.case).toMatch(/^generated case \d+ \(shrunk\)$/);
    expect(finding.replay?.seed).toBe(7);
    expect(finding.replay?.path).toMatch(/^\d+(:\d+)+$/);
    expect(finding.replay?.command).toBe(`twiml-fax-kit check ${server.url()} --seed 7 --replay ${finding.replay?.path} --checks status-code`);
  });

  it('replays with checkServer: one request, the same bytes, the same finding', async () => {
    const finding = await shrunkFinding();
    bodies = [];
    const replayed = await checkServer({ url: server.url() }, { seed: 7, replay: finding.replay?.path, checks: ['status-code'] });
    expect(bodies).toEqual([finding.request.body]);
    expect(replayed).toMatchObject({ ok: false, replay: finding.replay?.path, summary: { plannedCases: 1, cases: 1, requests: 1 } });
    expect(replayed.findings).toEqual([{ ...finding, count: 1 }]);
  });

  it('replays a fixed example by its id', async () => {
    bodies = [];
    const replayed = await checkServer({ url: server.url() }, { seed: 7, replay: 'example-2', checks: ['status-code'] });
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain('From=%2B442071838750');
    expect(replayed).toMatchObject({ ok: true, summary: { cases: 1 } });
  });

  it('replays through the command the finding prints', async () => {
    const finding = await shrunkFinding();
    const [program, ...argv] = (finding.replay?.command ?? '').split(' ');
    expect(program).toBe('twiml-fax-kit');
    bodies = [];
    const { io, stdout } = bufferIo();
    expect(await runCli([...argv, '--reporter', 'json'], io)).toBe(1);
    expect(bodies).toEqual([finding.request.body]);
    expect((JSON.parse(stdout()) as Report).findings[0]?.reproduce).toBe(finding.reproduce);
  });
});

describe('the replay command of a server behind HTTP authentication', () => {
  it('reads the credentials from $FAX_USER and $FAX_PASSWORD, so it reaches the server as the run did', async () => {
    const guarded = await serve((req, res) => {
      void readParams(req).then((params) => {
        if (req.headers.authorization !== `Basic ${Buffer.from("fax:p@ss'w$rd").toString('base64')}`) {
          res.setHeader('WWW-Authenticate', 'Basic realm="fax"');
          return send(res, 401, 'who are you\n', 'text/plain');
        }
        send(res, 500, `cannot store ${params.get('From') ?? ''}\n`, 'text/plain');
      });
    });
    try {
      const url = guarded.url().replace('http://', `http://fax:${encodeURIComponent("p@ss'w$rd")}@`);
      const report = await checkServer({ url }, { runs: 0, seed: 7, checks: ['status-code'] });
      expect(report.findings[0]).toMatchObject({ check: 'status-code', response: { status: 500 } });
      const command = report.findings[0]?.replay?.command ?? '';
      expect(command).toContain('"http://$FAX_USER:$FAX_PASSWORD@127.0.0.1:');
      expect(command).not.toContain('ss');
      // The shell expands the command's words as a user's shell would; the kit then runs them.
      const { stdout } = await run('sh', ['-c', command.replace(/^twiml-fax-kit /, "printf '%s\\n' ")], { env: { PATH: process.env.PATH ?? '', FAX_USER: 'fax', FAX_PASSWORD: "p@ss'w$rd" } });
      const { io, stdout: out } = bufferIo();
      expect(await runCli([...stdout.trimEnd().split('\n'), '--reporter', 'json'], io)).toBe(1);
      expect((JSON.parse(out()) as Report).findings[0]).toMatchObject({ check: 'status-code', response: { status: 500 } });
    } finally {
      await guarded.close();
    }
  });
});

describe('a replay that cannot be', () => {
  it('throws a TypeError for a path no run has, or without the seed', async () => {
    await expect(checkServer({ url: server.url() }, { seed: 7, replay: 'generated-3' })).rejects.toThrow("checkServer: replay: 'generated-3' is not a replay path");
    await expect(checkServer({ url: server.url() }, { replay: '3' })).rejects.toThrow('checkServer: replay needs the seed of the run it comes from');
    await expect(checkServer({ url: server.url() }, { seed: 7, replay: '3:99999' })).rejects.toThrow("no case at replay path '3:99999' for seed 7");
  });

  it.each([
    [['--replay', '3'], "twiml-fax-kit: --replay needs --seed, the seed of the run it comes from (a finding's replay command has both)\n"],
    [['--seed', '7', '--replay', 'x'], "twiml-fax-kit: --replay: 'x' is not a replay path; copy it from a finding's replay line (e.g. 16:0:3, or example-1)\n"],
  ])('exits 2 with one line for %j', async (flags, line) => {
    const { io, stderr } = bufferIo();
    expect(await runCli(['check', server.url(), ...flags], io)).toBe(2);
    expect(stderr()).toBe(line);
  });
});
