import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** How waiting for a URL ended. */
export type WaitOutcome = 'answered' | 'timed-out' | 'aborted';

/** First and largest pause between attempts, in ms: quick for servers that start fast, gentle for slow ones. */
const FIRST_DELAY_MS = 50;
const MAX_DELAY_MS = 500;
/** One attempt never waits longer than this to connect, so a stuck connect cannot eat the whole budget. */
const ATTEMPT_TIMEOUT_MS = 2_000;

/**
 * Resolves true when `url` answers with any HTTP status (a 404 or 500 still proves the server listens), false when
 * the attempt failed (refused, reset, timed out). `timeoutMs` bounds the connect, `answerTimeoutMs` the wait for an
 * answer once connected. Uses node:http with no keep-alive agent, so no socket to the
 * server outlives the attempt, and no global fetch dispatcher of the process gets involved.
 */
export function probeHttp(url: URL, timeoutMs: number, answerTimeoutMs = timeoutMs): Promise<boolean> {
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    // Self-signed certificates are fine here: this only asks whether something listens.
    const req = send(url, { method: 'GET', agent: false, timeout: timeoutMs, rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(true);
      req.destroy();
    });
    // Once connected, a slow health endpoint (a cold start, a first database query) gets the rest of the budget.
    req.on('socket', (socket) => socket.once('connect', () => socket.setTimeout(answerTimeoutMs)));
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/**
 * Polls `url` with growing pauses until it answers with any HTTP status, `timeoutMs` has passed, or `signal` aborts.
 * Never rejects and never outlives its budget by more than one short pause.
 * @example await waitForHttp(new URL('http://127.0.0.1:3000/health'), { timeoutMs: 30_000 }) // 'answered'
 */
export async function waitForHttp(url: URL, options: { timeoutMs: number; signal?: AbortSignal }): Promise<WaitOutcome> {
  const deadline = Date.now() + options.timeoutMs;
  let delay = FIRST_DELAY_MS;
  for (;;) {
    if (options.signal?.aborted) return 'aborted';
    const remaining = deadline - Date.now();
    if (remaining <= 0) return 'timed-out';
    if (await probeHttp(url, Math.min(ATTEMPT_TIMEOUT_MS, remaining), remaining)) return 'answered';
    if (options.signal?.aborted) return 'aborted';
    const pause = Math.min(delay, Math.max(0, deadline - Date.now()));
    delay = Math.min(delay * 2, MAX_DELAY_MS);
    await sleep(pause, options.signal);
  }
}

/** Waits `ms`, or less if `signal` aborts first. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
