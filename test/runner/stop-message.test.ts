import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/registry.js';
import { TWILIO_PROFILE } from '../../src/protocol/profile.js';
import { runConformance } from '../../src/runner/run.js';
import type { Exchange, Sender, TransportFailureKind, WebhookRequest } from '../../src/model/exchange.js';

/** A sender whose every exchange ends in the failure `kindOf` names for the request's position (a server that is down). */
function failingSender(kindOf: (sent: number) => TransportFailureKind): Sender {
  let sent = 0;
  return {
    async send(request: WebhookRequest): Promise<Exchange> {
      const kind = kindOf(sent++);
      const failure = { kind, twilioError: kind === 'timeout' ? (11205 as const) : (11201 as const), message: kind === 'timeout' ? 'no complete reply within 15000 ms' : 'no connection within 5000 ms' };
      return { hops: [], failure, durationMs: 0, finalUrl: request.url };
    },
  };
}

const run = (sender: Sender) =>
  runConformance({
    target: 'down',
    url: 'http://127.0.0.1:9/fax',
    sender,
    config: { profile: TWILIO_PROFILE, method: 'POST', expect: 'any', hasAuthToken: false, timeoutMs: 15_000 },
    checks: CHECKS.filter((check) => ['reachable', 'response-time', 'status-code'].includes(check.id)),
    seed: 1,
    runs: 20,
    concurrency: 1,
    shrink: false,
  });

describe('the message of a run the server stopped by timing out', () => {
  it('says the connect timeout when every request timed out connecting', async () => {
    const report = await run(failingSender(() => 'connect-timeout'));

    expect(report.stoppedEarly).toBe(
      'the server let 3 requests in a row time out while connecting (no connection within 5 s), as a server that is down does, so the kit stopped sending: 19 of 22 cases were not sent',
    );
  });

  it('says the time per request when every request timed out waiting for the reply', async () => {
    const report = await run(failingSender(() => 'timeout'));

    expect(report.stoppedEarly).toMatch(/^the server let 3 requests in a row time out \(15 s each\), as a server/);
  });

  it('says both when the streak had both', async () => {
    const report = await run(failingSender((sent) => (sent === 1 ? 'timeout' : 'connect-timeout')));

    expect(report.stoppedEarly).toMatch(/^the server let 3 requests in a row time out \(no connection within 5 s, or no reply within 15 s\), as a server/);
  });
});
