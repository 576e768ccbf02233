import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { bufferIo } from '../support/buffer-io.js';
import { openHeadlessPage, type HeadlessPage } from './support/headless-chromium.js';

// What the browser could not exercise: a real clipboard in a desktop session (headless Chromium may refuse it; the
// copy button then selects the line for Ctrl+C, and either is accepted here) and how a CI artifact viewer serves the
// file (opened here as file://, as after downloading the artifact).

/** Markup a hostile server puts in its replies: it must show as text in the report and never run. */
const INJECTED = '<script>window.__pwned = true; document.title = "pwned"</script><img src=x onerror="window.__pwned = true">';

/**
 * A fax webhook with the defects the report must show: a redirect before the reply (a hop in the diagram), a
 * lowercase `<pause/>` verb Twilio does not know (a warning), and an action callback that answers slowly (past half
 * the timeout) with hostile markup and a terminal escape in its reply and headers.
 */
function startServer(): Promise<Server> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const path = (request.url ?? '/').split('?')[0];
      if (path === '/fax') {
        response.writeHead(307, { location: '/fax/answer' });
        response.end();
      } else if (path === '/fax/answer') {
        response.writeHead(200, { 'content-type': 'text/xml' });
        response.end(`<Response><Receive action="/done"/><pause/></Response>`);
      } else if (path === '/done') {
        // Slow, by a timer of the server's own: the kit's timeout is what the report draws against.
        setTimeout(() => {
          response.writeHead(500, { 'content-type': 'text/html', 'x-note': INJECTED });
          response.end(`${INJECTED}\u001b[2J`);
        }, 700);
      } else {
        response.writeHead(404);
        response.end();
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let server: Server;
let page: HeadlessPage;
let reportPath: string;
let exitCode: number;

beforeAll(async () => {
  server = await startServer();
  const { port } = server.address() as AddressInfo;
  const cwd = mkdtempSync(join(tmpdir(), 'html-report-'));
  const { io } = bufferIo({ cwd });
  exitCode = await runCli(['check', `http://127.0.0.1:${port}/fax`, '--timeout', '1000', '--runs', '3', '--seed', '7', '--reporter', 'html:reports/fax.html'], io);
  reportPath = join(cwd, 'reports', 'fax.html');
  page = await openHeadlessPage({ width: 1200, height: 900 });
  await page.goto(pathToFileURL(reportPath).href);
}, 120_000);

afterAll(async () => {
  await page?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the html report in headless Chromium', { timeout: 60_000 }, () => {
  it('renders the failing verdict with no console error', async () => {
    expect(exitCode).toBe(1);
    expect(await page.evaluate<string>('document.querySelector(".verdict").textContent')).toMatch(/^✗ FAILED: /);
    expect(await page.evaluate<string>('document.querySelector(".verdict").dataset.verdict')).toBe('failed');
    expect(page.errors).toEqual([]);
  });

  it("keeps a server's injected <script> and onerror inert, and shows them as text", async () => {
    expect(await page.evaluate<unknown>('window.__pwned')).toBeUndefined();
    expect(await page.evaluate<string>('document.title')).toMatch(/^FAILED: twiml-fax-kit report/);
    expect(await page.evaluate<number>('document.scripts.length')).toBe(1);
    expect(await page.evaluate<number>('document.images.length')).toBe(0);
    expect(await page.evaluate<boolean>(`document.body.textContent.includes(${JSON.stringify('<script>window.__pwned = true;')})`)).toBe(true);
    // The terminal escape in the reply is shown as \x1b, not passed through.
    expect(await page.evaluate<boolean>(`document.body.textContent.includes('\\\\x1b[2J')`)).toBe(true);
  });

  it("expands a finding's details on a click, showing its request, reply, diagram and curl line", async () => {
    const selector = 'details.finding[data-check="action-callback"]';
    expect(await page.evaluate<boolean>(`document.querySelector('${selector}').open`)).toBe(false);
    await page.click(`${selector} > summary`);
    expect(await page.evaluate<boolean>(`document.querySelector('${selector}').open`)).toBe(true);
    expect(await page.evaluate<number>(`document.querySelector('${selector} .body').getBoundingClientRect().height`)).toBeGreaterThan(100);
    const text = await page.evaluate<string>(`document.querySelector('${selector} .body').innerText`);
    expect(text).toContain('curl ');
    expect(text).toContain('POST http://127.0.0.1:');
    expect(text).toContain('HTTP 500');
    expect(await page.evaluate<string>(`document.querySelector('${selector} svg.sequence').textContent`)).toContain('/done');
    expect(page.errors).toEqual([]);
  });

  it('draws the redirect hop of a finding on the webhook in its sequence diagram', async () => {
    const labels = await page.evaluate<string>(`document.querySelector('details.finding[data-check="known-verbs"] svg.sequence').textContent`);
    expect(labels).toContain('307 → /fax/answer');
    expect(labels).toContain('POST /fax/answer'); // a 307 repeats the POST
  });

  it('copies a curl line with its button (or selects it where the clipboard is refused)', async () => {
    const button = 'details.finding[data-check="action-callback"] button[data-copy]';
    await page.click(button);
    const outcome = await page.evaluate<string>(
      `new Promise((resolve) => { const b = document.querySelector('${button}'); const seen = () => b.textContent !== 'copy' ? resolve(b.textContent) : requestAnimationFrame(seen); seen(); })`,
    );
    expect(['copied', 'selected: press Ctrl+C']).toContain(outcome);
    if (outcome !== 'copied') expect(await page.evaluate<string>('window.getSelection().toString()')).toMatch(/^curl /);
    expect(page.errors).toEqual([]);
  });

  it('draws the latency histogram against the timeout, the slow callbacks past the half-way line', async () => {
    expect(await page.evaluate<string>('document.querySelector("svg.latency").textContent')).toContain('timeout 1.00 s');
    expect(await page.evaluate<number>('document.querySelectorAll("svg.latency rect.bar.slow[height]:not([height=\\"0.0\\"])").length')).toBeGreaterThan(0);
  });

  it('gives a screenshot to look at (written beside the report)', async () => {
    await page.evaluate('document.querySelectorAll("details.finding").forEach((d) => { d.open = false; }); document.querySelector(\'details.finding[data-check="action-callback"]\').open = true');
    const png = await page.screenshot();
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const shots = process.env['HTML_REPORT_SCREENSHOT'];
    if (shots) {
      mkdirSync(join(shots, '..'), { recursive: true });
      writeFileSync(shots, png);
      writeFileSync(`${shots}.html`, readFileSync(reportPath));
    }
  });
});
