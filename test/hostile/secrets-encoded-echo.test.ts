import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { freePort } from '../package/ports.js';
import { bufferIo } from '../support/buffer-io.js';
import { leakedFragments } from './secret-fragments.js';

const TOKEN = '9e1f3a9c1e07b5d28460b9e3d7c15a8f';
const node = JSON.stringify(process.execPath);

/**
 * The server, as a script the kit starts: it prints the token in every escaped form (to its log) and echoes them in
 * every reply, in the body and in a header; every other reply is TwiML whose attribute holds the token as XML
 * character references, which the validator quotes decoded.
 */
const SERVER = `
const token = process.env.TWILIO_AUTH_TOKEN;
const hex = (c, w) => c.charCodeAt(0).toString(16).padStart(w, '0');
const each = (f) => [...token].map(f).join('');
const forms = [
  each((c) => '%' + hex(c, 2)),
  each((c) => '%' + hex(c, 2).toUpperCase()),
  each((c) => '\\\\u' + hex(c, 4)),
  each((c) => '\\\\u' + hex(c, 4).toUpperCase()),
  each((c) => '&#x' + hex(c, 2) + ';'),
  each((c) => '&#X' + hex(c, 2).toUpperCase() + ';'),
  each((c) => '&#' + c.charCodeAt(0) + ';'),
  [...token].map((c, i) => [c, '%' + hex(c, 2), '\\\\u' + hex(c, 4), '&#x' + hex(c, 2) + ';', '&#' + c.charCodeAt(0) + ';'][i % 5]).join(''),
];
console.log('config', forms.join(' '));
let count = 0;
require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    count += 1;
    res.setHeader('X-Echo', forms.join(' '));
    if (count % 2 === 0) {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      return res.end('<Response><Receive pageSize="' + forms[4] + '" mediaType="' + forms[6] + '"/></Response>');
    }
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('echo\\n' + forms.join('\\n') + '\\n');
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

/** What a reader decodes from a text: the output format's own escapes (JSON, XML, GitHub's %25), then each escape once. */
function decodedViews(text: string): string[] {
  const unwrapped = text.replace(/\\\\/g, '\\').replace(/&amp;/g, '&').replace(/%25/g, '%');
  const once = (view: string): string =>
    view.replace(/%([0-9a-f]{2})|\\u([0-9a-f]{4})|&#x([0-9a-f]{1,6});|&#([0-9]{1,7});/gi, (_whole, pct?: string, unicode?: string, ref?: string, dec?: string) =>
      String.fromCodePoint(Number.parseInt(pct ?? unicode ?? ref ?? dec ?? '0', dec === undefined ? 16 : 10)),
    );
  return [text, once(text), unwrapped, once(unwrapped)];
}

describe('a server that echoes the token with every character escaped', () => {
  it('leaves no form of it in stdout, stderr, the JSON, JUnit and GitHub reports or the server log', async () => {
    const port = await freePort();
    const { io, stdout, stderr } = bufferIo({ env: { PATH: process.env.PATH ?? '', TWILIO_AUTH_TOKEN: TOKEN, PORT: String(port) } });
    writeFileSync(join(io.cwd, 'server.cjs'), SERVER);
    const reporters = ['pretty', 'json:r.json', 'junit:r.xml', 'github'].flatMap((spec) => ['--reporter', spec]);
    const code = await runCli(
      ['check', `http://127.0.0.1:${port}/fax`, '--start', `${node} server.cjs`, '--server-log', 'server.log', '--runs', '4', '--seed', '1', ...reporters],
      io,
    );
    expect(code, stderr()).toBe(1);
    const outputs: Record<string, string> = {
      stdout: stdout(),
      stderr: stderr(),
      'r.json': readFileSync(join(io.cwd, 'r.json'), 'utf8'),
      'r.xml': readFileSync(join(io.cwd, 'r.xml'), 'utf8'),
      'server.log': readFileSync(join(io.cwd, 'server.log'), 'utf8'),
    };
    // The run saw the echoes, else it proves nothing: findings quote the bodies, the log holds the printed forms.
    expect(outputs['server.log']).toMatch(/^config <redacted> <redacted>/m);
    expect(JSON.parse(outputs['r.json'] ?? '{}').findings.length).toBeGreaterThan(1);
    for (const name of ['stdout', 'r.json', 'r.xml'] as const) expect(outputs[name]?.replace(/&lt;/g, '<').replace(/&gt;/g, '>'), name).toContain('<redacted>');
    expect(outputs['r.json']).toMatch(/"x-echo": "(?:<redacted> ?){8}"/i);
    expect(stdout()).toMatch(/^::error /m);
    // No file was left out of the search.
    expect(readdirSync(io.cwd).sort()).toEqual(['r.json', 'r.xml', 'server.cjs', 'server.log']);
    for (const [name, text] of Object.entries(outputs)) {
      expect(decodedViews(text).flatMap((view) => leakedFragments(view, [TOKEN])), name).toEqual([]);
    }
  });
});
