import { describe, expect, it } from 'vitest';
import { checkServer } from '../../src/harness/check-server.js';
import { EXAMPLE_CASES } from '../../src/runner/plan.js';
import { TWILIO_PROFILE } from '../../src/protocol/profile.js';
import { readParams, RECEIVE_XML, send } from '../zoo/serve.js';
import { loopbackServers } from '../zoo/loopback-servers.js';

const { started } = loopbackServers();

const fromOf = (label: string) => EXAMPLE_CASES.find((c) => c.label === label)?.input.params.find(([name]) => name === TWILIO_PROFILE.parameters.names.from)?.[1];

describe('case labels', () => {
  it('describe the base request of each example, whose From is a phone number', () => {
    expect(EXAMPLE_CASES.map((c) => [c.id, c.label, fromOf(c.label)])).toEqual([
      ['example-1', 'a fax from a US number', '+15005550006'],
      ['example-2', 'a fax from a UK number', '+442071838750'],
    ]);
  });

  it("name the request a finding shows: a base request under its case's label, a SIP variant under its own", async () => {
    // Fails every fax from abroad (a +44 caller) and every SIP caller, and answers the rest.
    const url = await started((req, res) =>
      void readParams(req).then((params) => {
        const from = params.get('From') ?? '';
        if (from.startsWith('+44')) return send(res, 500, 'no faxes from abroad\n', 'text/plain');
        if (from.includes('sip:')) return send(res, 500, 'no SIP callers\n', 'text/plain');
        send(res, 200, RECEIVE_XML);
      }),
    );
    const report = await checkServer({ url }, { runs: 0, seed: 1, timeoutMs: 3_000, checks: ['status-code', 'sip-addresses'] });
    const byCheck = Object.fromEntries(report.findings.map((f) => [f.check, f]));
    expect(byCheck['status-code']?.case).toBe('a fax from a UK number');
    expect(byCheck['status-code']?.request.body).toContain('From=%2B442071838750');
    // example-1's SIP caller: the label says the request is from SIP addresses and quotes them, as the body carries them.
    const sip = byCheck['sip-addresses'];
    expect(sip?.case).toBe(`the same fax from SIP addresses (From="Jane O'Neil" <sip:jane@example.com>, To=sip:fax@example.com), in a fax from a US number`);
    expect(new URLSearchParams(sip?.request.body ?? '').get('From')).toBe(`"Jane O'Neil" <sip:jane@example.com>`);
  });
});
