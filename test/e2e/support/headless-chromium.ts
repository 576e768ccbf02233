import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * Debian's Chromium (`apt-get install -y chromium`), driven over the DevTools protocol on a pipe
 * (`--remote-debugging-pipe`: messages as JSON, each ended by a NUL, written on fd 3 and read on fd 4), as
 * Playwright drives it, with no package of its own. `CHROMIUM` names another binary.
 */
export const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium binary, or an error saying how to install it: a browser test never skips silently. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = env['CHROMIUM'] ? [env['CHROMIUM']] : CHROMIUM_CANDIDATES;
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(`no Chromium at ${candidates.join(' or ')}: install Debian's (apt-get update && apt-get install -y chromium), or set CHROMIUM to a Chromium binary`);
  }
  return found;
}

interface Pending {
  readonly resolve: (value: Record<string, unknown>) => void;
  readonly reject: (error: Error) => void;
  readonly method: string;
}

type Listener = (params: Record<string, unknown>, sessionId: string | undefined) => void;

/** A page of a headless Chromium: what the browser test needs of the DevTools protocol, and nothing more. */
export interface HeadlessPage {
  /** Sends a command to the page's session and resolves with its result. */
  send(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Evaluates an expression in the page and returns its value (by value: JSON-able results only). */
  evaluate<T>(expression: string): Promise<T>;
  /** Loads `url` and resolves once its load event fired. */
  goto(url: string): Promise<void>;
  /** Clicks with the mouse at the centre of the first element matching `selector`, as a user would. */
  click(selector: string): Promise<void>;
  /** A PNG of the whole page. */
  screenshot(): Promise<Buffer>;
  /** Everything the page logged as an error (console.error, uncaught exceptions, CSP violations, failed loads). */
  readonly errors: string[];
  close(): Promise<void>;
}

/** Starts headless Chromium and opens one blank page in it. */
export async function openHeadlessPage(options: { width?: number; height?: number } = {}): Promise<HeadlessPage> {
  const binary = findChromium();
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const child = spawn(
    binary,
    [
      '--headless',
      '--no-sandbox', // root in CI, where Chromium's sandbox refuses to start
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const connection = connect(child, () => stderr);
  try {
    const { targetId } = (await connection.call('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await connection.call('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const send = (method: string, params: Record<string, unknown> = {}) => connection.call(method, params, sessionId);
    const errors: string[] = [];
    connection.on('Runtime.exceptionThrown', (params, from) => {
      if (from !== sessionId) return;
      const details = params['exceptionDetails'] as { text?: string; exception?: { description?: string } };
      errors.push(`exception: ${details.exception?.description ?? details.text ?? 'unknown'}`);
    });
    connection.on('Runtime.consoleAPICalled', (params, from) => {
      if (from !== sessionId || (params['type'] !== 'error' && params['type'] !== 'assert')) return;
      errors.push(`console.${String(params['type'])}: ${JSON.stringify(params['args'])}`);
    });
    connection.on('Log.entryAdded', (params, from) => {
      const entry = params['entry'] as { level?: string; text?: string; source?: string };
      if (from === sessionId && entry.level === 'error') errors.push(`${entry.source ?? 'log'}: ${entry.text ?? ''}`);
    });
    await send('Runtime.enable');
    await send('Log.enable');
    await send('Page.enable');
    await send('Emulation.setDeviceMetricsOverride', { width: options.width ?? 1200, height: options.height ?? 900, deviceScaleFactor: 1, mobile: false });
    const evaluate = async <T>(expression: string): Promise<T> => {
      const reply = (await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as { result: { value: T }; exceptionDetails?: { text: string } };
      if (reply.exceptionDetails) throw new Error(`evaluating ${expression}: ${reply.exceptionDetails.text}`);
      return reply.result.value;
    };
    return {
      send,
      evaluate,
      errors,
      async goto(url) {
        const loaded = connection.next('Page.loadEventFired', sessionId);
        await send('Page.navigate', { url });
        await loaded;
      },
      async click(selector) {
        const box = await evaluate<{ x: number; y: number } | null>(
          `(() => { const e = document.querySelector(${JSON.stringify(selector)}); if (!e) return null; e.scrollIntoView({ block: 'center' }); const r = e.getBoundingClientRect(); return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 }; })()`,
        );
        if (!box) throw new Error(`nothing matches ${selector}`);
        for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased']) {
          await send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: type === 'mouseMoved' ? 0 : 1 });
        }
      },
      async screenshot() {
        const { data } = (await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true })) as { data: string };
        return Buffer.from(data, 'base64');
      },
      async close() {
        await connection.call('Browser.close').catch(() => undefined);
        await connection.exited;
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    await connection.exited;
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

interface Connection {
  call(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<Record<string, unknown>>;
  on(method: string, listener: Listener): void;
  /** The next event `method` of the session. */
  next(method: string, sessionId: string): Promise<Record<string, unknown>>;
  readonly exited: Promise<void>;
}

function connect(child: ChildProcess, stderr: () => string): Connection {
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Listener[]>();
  let nextId = 1;
  let buffered = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const failAll = (why: string): void => {
    for (const [id, waiting] of pending) {
      pending.delete(id);
      waiting.reject(new Error(`${waiting.method}: ${why}\n${stderr()}`));
    }
  };
  child.once('exit', (code, signal) => failAll(`Chromium exited (${signal ?? code})`));
  child.once('error', (error) => failAll(`Chromium could not start: ${error.message}`));
  output.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let end: number;
    while ((end = buffered.indexOf('\0')) !== -1) {
      const message = JSON.parse(buffered.slice(0, end)) as { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message: string }; sessionId?: string };
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(`${waiting.method}: ${message.error.message}`));
        else waiting?.resolve(message.result ?? {});
      } else if (message.method) {
        for (const listener of listeners.get(message.method) ?? []) listener(message.params ?? {}, message.sessionId);
      }
    }
  });
  const on = (method: string, listener: Listener): void => {
    listeners.set(method, [...(listeners.get(method) ?? []), listener]);
  };
  return {
    exited,
    on,
    call(method, params = {}, sessionId) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, method });
        input.write(`${JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) })}\0`);
      });
    },
    next(method, sessionId) {
      return new Promise((resolve) => {
        let done = false;
        on(method, (params, from) => {
          if (done || from !== sessionId) return;
          done = true;
          resolve(params);
        });
      });
    },
  };
}
