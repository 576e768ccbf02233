import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { accountSid, actionCallbackParams, faxSid, faxTwimlReply, faxWebhookParams } from '../../properties/index.js';
import { assertConformance } from '../../src/harness/assert-conformance.js';
import { fetchHandlerOf, twilioFaxHandlers } from '../../src/msw/index.js';
import { idPattern, SIGNALWIRE_PROFILE, validateFaxTwiml } from '../../src/index.js';
import { serve, type RunningServer } from '../zoo/serve.js';
import { signalWireApp } from './signalwire-app.js';

const UUID = idPattern({ kind: 'uuid' });
const profile = SIGNALWIRE_PROFILE;

describe('validateFaxTwiml with the SignalWire profile', () => {
  it('flags storeMedia, which SignalWire\'s <Receive> does not have, and accepts <Reject/>', () => {
    expect(validateFaxTwiml('<Response><Receive storeMedia="false"/></Response>', { profile }).diagnostics.map((d) => [d.check, d.severity])).toEqual([['known-attributes', 'warning']]);
    expect(validateFaxTwiml('<Response><Reject/></Response>', { profile, contentType: 'text/xml' })).toMatchObject({ ok: true, verb: 'Reject', diagnostics: [] });
  });

  it('makes a lowercase verb an error even when the right verb follows, where Twilio warns', () => {
    const reply = '<Response><receive/><Receive/></Response>';
    expect(validateFaxTwiml(reply, { profile }).diagnostics.map((d) => [d.check, d.severity])).toEqual([['verb-case', 'error']]);
    expect(validateFaxTwiml(reply).diagnostics.map((d) => [d.check, d.severity])).toEqual([['verb-case', 'warning']]);
  });
});

describe('the generators with the SignalWire profile', () => {
  it('draw UUID ids, SignalWire media URLs and replies its validator accepts', () => {
    fc.assert(
      fc.property(faxSid({ profile }), accountSid({ profile }), faxWebhookParams({ profile }), actionCallbackParams({ outcome: 'received', profile }), faxTwimlReply({ schema: profile.twiml }), (fax, account, webhook, callback, reply) => {
        for (const id of [fax, account, webhook.FaxSid, webhook.AccountSid, callback.FaxSid]) expect(id).toMatch(UUID);
        expect(new URL(callback.MediaUrl).pathname).toMatch(/^\/api\/laml\/2010-04-01\/Accounts\/[0-9a-f-]{36}\/Faxes\/[0-9a-f-]{36}\/Media\/[0-9a-f]{128}$/);
        expect(reply.xml).not.toContain('storeMedia');
        expect(validateFaxTwiml(reply.xml, { profile, contentType: 'text/xml' }).diagnostics).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('the msw handlers with the SignalWire profile', () => {
  it("serve the fax at the MediaUrl of a SignalWire callback, and Twilio's handlers do not", async () => {
    const [callback] = fc.sample(actionCallbackParams({ outcome: 'received', profile }), { numRuns: 1, seed: 3 });
    const url = callback?.MediaUrl ?? '';
    const media = await fetchHandlerOf(twilioFaxHandlers({ profile }))(new Request(url));
    expect(media?.status).toBe(200);
    expect(media?.headers.get('content-type')).toMatch(/^(application\/pdf|image\/tiff)$/);
    expect(await fetchHandlerOf(twilioFaxHandlers())(new Request(url))).toBeUndefined();
  });
});

describe('assertConformance with the SignalWire profile', () => {
  const running: RunningServer[] = [];
  afterAll(() => Promise.all(running.map((server) => server.close())));

  it('passes a SignalWire app, and throws for it under Twilio naming the flag', async () => {
    const server = await serve(signalWireApp('PSKkey'));
    running.push(server);
    const report = await assertConformance({ url: server.url() }, { profile, authToken: 'PSKkey', runs: 2, seed: 5, checks: ['status-code', 'signature-enforced', 'action-callback'] });
    expect(report.ok).toBe(true);
    await expect(assertConformance({ url: server.url() }, { authToken: 'PSKkey', runs: 0, seed: 5, checks: ['status-code', 'signature-accepted'] })).rejects.toThrow(/--profile signalwire/);
  });
});
