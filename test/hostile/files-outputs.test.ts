import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import type { CliIo } from '../../src/model/io.js';
import type { Report } from '../../src/model/report.js';
import { bufferIo } from '../support/buffer-io.js';
import { serve, RECEIVE_XML, send } from '../zoo/serve.js';
import { loopbackServers } from '../zoo/loopback-servers.js';

const servers = loopbackServers();
const countingServer = servers.counting;

const STALE = '{"ok": true, "note": "a report of an earlier run"}\n';

describe('output files are checked before the first request', () => {
  it('refuses a server log aimed at the JSON report, before starting anything', async () => {
    const { url, requests } = await countingServer();
    const { io, stderr } = bufferIo();
    const code = await runCli(['check', url, '--start', 'touch started', '--server-log', 'r.json', '--reporter', 'json:r.json'], io);
    expect(code).toBe(2);
    expect(stderr()).toBe(`twiml-fax-kit: --reporter json:r.json and --server-log write to the same file ${join(io.cwd, 'r.json')}; give each its own file\n`);
    expect(requests()).toBe(0);
    expect(existsSync(join(io.cwd, 'started'))).toBe(false);
  });

  it('refuses a report in a directory that does not exist outside the working directory, creating nothing', async () => {
    const { url, requests } = await countingServer();
    const { io, stderr } = bufferIo();
    expect(await runCli(['check', url, '--reporter', 'junit:/nonexistent-twiml-fax-kit/dir/x.xml'], io)).toBe(2);
    expect(stderr()).toMatch(/^twiml-fax-kit: cannot write --reporter junit:\/nonexistent-twiml-fax-kit\/dir\/x\.xml: the directory \/nonexistent-twiml-fax-kit\/dir does not exist; .*\n$/);
    expect(existsSync('/nonexistent-twiml-fax-kit')).toBe(false);
    expect(requests()).toBe(0);
  });

  it('refuses a server log in a place it cannot write, before starting anything', async () => {
    const { url, requests } = await countingServer();
    const { io, stderr } = bufferIo();
    writeFileSync(join(io.cwd, 'blocker'), 'a file');
    expect(await runCli(['check', url, '--start', 'touch started', '--server-log', 'blocker/server.log'], io)).toBe(2);
    expect(stderr()).toBe(`twiml-fax-kit: cannot write --server-log: ${join(io.cwd, 'blocker')} is not a directory\n`);
    expect(requests()).toBe(0);
    expect(existsSync(join(io.cwd, 'started'))).toBe(false);
  });

  it('creates a missing reports/ directory inside the working directory, as CI recipes expect', async () => {
    const { url } = await countingServer();
    const { io } = bufferIo();
    expect(await runCli(['check', url, '--runs', '1', '--seed', '1', '--checks', 'status-code', '--reporter', 'junit:reports/ci/fax.xml'], io)).toBe(0);
    expect(readFileSync(join(io.cwd, 'reports', 'ci', 'fax.xml'), 'utf8')).toContain('<testsuites');
  });
});

describe('no report of an earlier run survives', () => {
  it('replaces it with the interrupted run\'s own report, ok:false', async () => {
    const { io, interrupt } = interruptibleIo();
    writeFileSync(join(io.cwd, 'r.json'), STALE);
    // Ctrl-C as the first request arrives: the run of 50 cases, one at a time, stops mid-way.
    let first: () => void = () => undefined;
    const reached = new Promise<void>((done) => (first = done));
    const server = await serve((req, res) => {
      req.resume();
      first();
      req.on('end', () => send(res, 200, RECEIVE_XML));
    });
    servers.track(server);
    const code = runCli(['check', server.url(), '--runs', '50', '--seed', '1', '--concurrency', '1', '--reporter', 'json:r.json', '--reporter', 'junit:r.xml'], io);
    await reached;
    interrupt();
    expect(await code).toBe(130);
    const report = JSON.parse(readFileSync(join(io.cwd, 'r.json'), 'utf8')) as Report;
    expect(report).toMatchObject({ ok: false, interrupted: true });
    expect(readFileSync(join(io.cwd, 'r.xml'), 'utf8')).toContain('<error message="the run was interrupted');
  });

  it('removes it when the run ends without a report (the server could not be started)', async () => {
    const { io } = bufferIo({ env: { PATH: process.env.PATH ?? '' } });
    writeFileSync(join(io.cwd, 'r.json'), STALE);
    expect(await runCli(['check', 'http://127.0.0.1:9/fax', '--start', 'exit 3', '--reporter', 'json:r.json'], io)).toBe(2);
    expect(existsSync(join(io.cwd, 'r.json'))).toBe(false);
  });
});

/** A buffered CliIo whose Ctrl-C the test presses. */
function interruptibleIo(): { io: CliIo; interrupt: () => void } {
  const { io } = bufferIo();
  const handlers = new Set<() => void>();
  return {
    io: { ...io, onInterrupt: (handler) => (handlers.add(handler), () => handlers.delete(handler)) },
    interrupt: () => [...handlers].forEach((handler) => handler()),
  };
}
