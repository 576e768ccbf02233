import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { waitForHttp } from '../../src/lifecycle/wait-for-http.js';

describe('waitForHttp', () => {
  it('waits for a health endpoint slower than one connect attempt, within the budget', async () => {
    // 2.5 s to answer: longer than a connect attempt may take (2 s). What is tested is a duration, so real time must
    // pass; the budget is far beyond it, so only a stall of many seconds could end the wait before the answer.
    const server = createServer((_req, res) => setTimeout(() => res.end('ok'), 2_500).unref());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/health`);
    try {
      expect(await waitForHttp(url, { timeoutMs: 20_000 })).toBe('answered');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('gives up at the budget when nothing listens', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    server.close();
    expect(await waitForHttp(new URL(`http://127.0.0.1:${port}/`), { timeoutMs: 300 })).toBe('timed-out');
  });
});
