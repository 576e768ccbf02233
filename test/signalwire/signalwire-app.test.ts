import { afterAll, describe, expect, it } from 'vitest';
import { checkServer } from '../../src/harness/check-server.js';
import { SIGNALWIRE_PROFILE } from '../../src/protocol/signalwire-profile.js';
import { serve, type RunningServer } from '../zoo/serve.js';
import twilio from 'twilio';
import { readText, send } from '../zoo/serve.js';
import { formatFinding } from '../../src/reporters/format-finding.js';
import { signalWireApp } from './signalwire-app.js';

const SIGNING_KEY = 'PSKtest0123456789abcdef';
const running: RunningServer[] = [];
afterAll(() => Promise.all(running.map((server) => server.close())));

async function started(): Promise<RunningServer> {
  const server = await serve(signalWireApp(SIGNING_KEY));
  running.push(server);
  return server;
}

describe('a SignalWire app, which validates X-SignalWire-Signature and wants UUID ids', () => {
  it('passes every check under the SignalWire profile, each judging something', async () => {
    const server = await started();
    const report = await checkServer({ url: server.url() }, { profile: SIGNALWIRE_PROFILE, authToken: SIGNING_KEY, runs: 5, seed: 13 });
    expect(report.findings.map((f) => `${f.check}: ${f.message}`)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.filter((c) => c.status === 'passed').map((c) => c.id)).toEqual(expect.arrayContaining(['status-code', 'signature-accepted', 'signature-enforced', 'action-callback', 'verb-case', 'known-attributes', 'sip-addresses']));
  });

  it('fails under the Twilio profile, with a hint that names the cause and the flag', async () => {
    const server = await started();
    const report = await checkServer({ url: server.url() }, { authToken: SIGNING_KEY, runs: 0, seed: 13, checks: ['status-code', 'signature-accepted'] });
    expect(report.ok).toBe(false);
    const finding = report.findings.find((f) => f.check === 'signature-accepted');
    expect(finding?.hint).toBe('the server accepts the same fax as SignalWire sends it (UUID ids, X-SignalWire-Signature): it is written for SignalWire; run with --profile signalwire');
  });

  it('names the flag when the app refuses the ids alone, whatever signature header it reads', async () => {
    // Under the Twilio profile but with SignalWire's signature headers: only the FX… ids are left to refuse.
    const server = await started();
    const report = await checkServer({ url: server.url() }, { profile: { ...SIGNALWIRE_PROFILE, parameters: { ...SIGNALWIRE_PROFILE.parameters, faxSid: { kind: 'sid', prefix: 'FX' }, accountSid: { kind: 'sid', prefix: 'AC' } } }, authToken: SIGNING_KEY, runs: 0, seed: 13, checks: ['status-code'] });
    expect(report.findings.map((f) => [f.check, f.twilioError])).toEqual([['status-code', 11217]]);
    expect(report.findings[0]?.hint).toContain('it is written for SignalWire; run with --profile signalwire');
  });

  it('names no other service when a Twilio app refuses the requests for its own reason (another auth token)', async () => {
    // twilio-node's validator with a token the kit was not given: every request is refused, as SignalWire's would be.
    const server = await serve(
      (req, res) =>
        void (async () => {
          const params = Object.fromEntries(new URLSearchParams(await readText(req)));
          const valid = twilio.validateRequest('another-token', String(req.headers['x-twilio-signature']), `http://${req.headers.host}${req.url}`, params);
          send(res, valid ? 200 : 403, valid ? '<Response><Receive/></Response>' : 'Forbidden\n', valid ? 'text/xml' : 'text/plain');
        })(),
    );
    running.push(server);
    const report = await checkServer({ url: server.url() }, { authToken: SIGNING_KEY, runs: 0, seed: 13, checks: ['status-code', 'signature-accepted'] });
    const finding = report.findings.find((f) => f.check === 'signature-accepted');
    expect(finding?.code).toBe('signed_request_refused');
    expect(finding?.hint).not.toContain('SignalWire');
    expect(finding?.message).toContain("Twilio's real faxes would be refused the same way");
  });

  it('shows the SignalWire signature header among those sent, and names its key, when a wrong key is refused', async () => {
    const server = await started();
    const report = await checkServer({ url: server.url() }, { profile: SIGNALWIRE_PROFILE, authToken: 'another-key', runs: 0, seed: 13, checks: ['signature-accepted'] });
    const [finding] = report.findings;
    expect(finding?.code).toBe('signed_request_refused');
    expect(finding?.hint).toContain('the same signing key as the kit (--auth-token or SIGNALWIRE_SIGNING_KEY or TWILIO_AUTH_TOKEN)');
    const shown = formatFinding(finding!);
    expect(shown).toMatch(/^\s+X-SignalWire-Signature: /m);
    expect(shown).toMatch(/^\s+X-Twilio-Signature: /m);
  });
});
