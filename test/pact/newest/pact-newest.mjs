// Pact as a user on today's majors runs it: `pact generate` then `pact verify`, with only the paths, against an
// Express app (twilio.webhook(), FaxResponse().receive({ action }), a callback that downloads MediaUrl), plus an app
// with a lowercase verb that must fail with Pact's mismatch and the kit's hint. Nothing leaves the machine.
//
// Run it with the Node under test, in a project that has the packed kit, @pact-foundation/pact (16.5 or 17),
// express and twilio installed:
//   node test/pact/newest/pact-newest.mjs /path/to/project
// It prints one line per step and ends with 'N passed, N failed'; the exit code is 1 when a step failed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const project = resolve(process.argv[2] ?? '.');
const need = createRequire(join(project, 'package.json'));
const express = need('express');
const twilio = need('twilio');
const kitBin = join(project, 'node_modules', 'twiml-fax-kit', 'dist', 'src', 'bin.js');
const versionOf = (name) => JSON.parse(readFileSync(need.resolve(`${name}/package.json`), 'utf8')).version;
const TOKEN = 'pact-newest-token';
const results = [];

function step(name, ok, detail = '') {
  results.push(ok);
  console.log(`${ok ? 'passed' : 'FAILED'}  ${name}${ok || detail === '' ? '' : `\n${detail}`}`);
}

function startApp({ lowercase }) {
  const app = express();
  const downloads = [];
  app.use(express.urlencoded({ extended: false }));
  app.use(twilio.webhook(TOKEN, { protocol: 'http' }));
  app.post('/fax', (_req, res) => {
    const response = new twilio.twiml.FaxResponse();
    response.receive({ action: '/fax/received' });
    const xml = response.toString();
    res.type('text/xml').send(lowercase ? xml.replace('<Receive', '<receive') : xml);
  });
  app.post('/fax/received', async (req, res) => {
    if (req.body.FaxStatus === 'received') {
      const media = await fetch(req.body.MediaUrl).catch(() => undefined);
      downloads.push({ origin: new URL(req.body.MediaUrl).origin, status: media?.status ?? 0 });
      if (!media?.ok) return res.status(500).send('could not download the fax');
    }
    res.status(204).end();
  });
  return new Promise((done) => {
    const server = app.listen(0, '127.0.0.1', () => done({ url: `http://127.0.0.1:${server.address().port}`, downloads, close: () => server.close() }));
  });
}

// The kit runs in its own process, as a user's CI runs it; the app stays in this one.
function kit(args, cwd) {
  const run = spawnSync(process.execPath, [kitBin, ...args], {
    cwd,
    env: { ...process.env, TWILIO_AUTH_TOKEN: TOKEN, PACT_DO_NOT_TRACK: 'true', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

function kitAsync(args, cwd) {
  // spawnSync would block this process, and with it the app the kit is verifying.
  return import('node:child_process').then(({ spawn }) => new Promise((done) => {
    const child = spawn(process.execPath, [kitBin, ...args], { cwd, env: { ...process.env, TWILIO_AUTH_TOKEN: TOKEN, PACT_DO_NOT_TRACK: 'true', NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => done({ code, out }));
  }));
}

const work = mkdtempSync(join(tmpdir(), 'pact-newest-'));
console.log(`node ${process.version}, @pact-foundation/pact ${versionOf('@pact-foundation/pact')}, twiml-fax-kit ${versionOf('twiml-fax-kit')}`);
try {
  const generated = kit(['pact', 'generate', '--provider', 'fax-app', '--webhook-path', '/fax', '--callback-path', '/fax/received'], work);
  step('pact generate writes the contract', generated.code === 0, generated.out);

  const good = await startApp({ lowercase: false });
  const verified = await kitAsync(['pact', 'verify', good.url], work);
  good.close();
  step('pact verify passes the Express app', verified.code === 0 && verified.out.includes('PASSED'), verified.out);
  step('its callback downloaded the fax from loopback', good.downloads.length === 1 && good.downloads[0].status === 200 && good.downloads[0].origin.startsWith('http://127.0.0.1:'), JSON.stringify(good.downloads));

  const bad = await startApp({ lowercase: true });
  const refused = await kitAsync(['pact', 'verify', bad.url], work);
  bad.close();
  step("pact verify fails a lowercase verb with Pact's mismatch and the kit's hint", refused.code === 1 && refused.out.includes('Expected child <Receive/> but was missing') && refused.out.includes('Hint: rename <receive> to <Receive>'), refused.out);
} finally {
  rmSync(work, { recursive: true, force: true });
}
const passed = results.filter(Boolean).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exitCode = passed === results.length ? 0 : 1;
