import { describe, expect, it } from 'vitest';
import { checkServer } from '../../src/harness/check-server.js';

const options = { runs: 0, seed: 1, checks: ['reachable', 'status-code'], shrink: false } as const;

describe('an in-process handler that throws', () => {
  it('is reported as Twilio would see the 500 a framework sends: 11200, the same hint, the stack in the reply', async () => {
    const thrown = await checkServer(
      {
        handler: function faxWebhook() {
          throw new Error('database is down');
        },
        url: 'http://localhost/fax',
      },
      options,
    );
    const answered500 = await checkServer({ handler: () => new Response('boom', { status: 500 }), url: 'http://localhost/fax' }, options);

    const [finding] = thrown.findings;
    const [reference] = answered500.findings;
    expect(thrown.findings).toHaveLength(1);
    expect(finding).toMatchObject({ check: 'status-code', code: 'error_status', twilioError: 11200, hint: reference?.hint });
    expect(finding?.response?.status).toBe(500);
    expect(finding?.response?.bodyStart).toMatch(/^the handler threw Error: database is down\n\s+at faxWebhook/);
  });
});
