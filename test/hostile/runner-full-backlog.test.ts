import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkServer } from '../../src/harness/check-server.js';
import { TWILIO_PROFILE } from '../../src/protocol/profile.js';
import { startFullBacklogPort, type FullBacklogPort } from './full-backlog.js';

// A server whose port takes no connection: every attempt hangs until the kit's connect timeout. When the run stops,
// attempts still in flight must end with it, or they hold the process open after the report (up to the 5 s timeout).
let port: FullBacklogPort;
beforeAll(async () => {
  port = await startFullBacklogPort();
});
afterAll(() => port.close());

/** The kinds of handle the kit opens to reach a server, counted in this process. */
const connectionHandles = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'ConnectWrap' || kind === 'TCPSocketWrap').length;

// Twilio's connect timeout (5 s, two attempts) made short, so that connecting gives up well before the total time.
const profile = { ...TWILIO_PROFILE, sender: { ...TWILIO_PROFILE.sender, connectTimeoutMs: 500 } };

describe('a port that takes no connection', () => {
  it('stops, says the connect timeout, and leaves no connection attempt behind when the run resolves', async () => {
    const before = connectionHandles();

    const report = await checkServer({ url: port.url }, { profile, runs: 20, seed: 1, concurrency: 4, timeoutMs: 3_000, checks: ['reachable', 'status-code'] });

    expect(report.stoppedEarly).toMatch(/^the server let 4 requests in a row time out while connecting \(no connection within 0\.5 s\), as a server/);
    // Destroyed sockets release their handles in the loop's close phase: two turns of the loop see them gone. An
    // attempt left to run on would still be there (for the 0.5 s connect timeout; 5 s with Twilio's).
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(connectionHandles()).toBeLessThanOrEqual(before);
  });
});
