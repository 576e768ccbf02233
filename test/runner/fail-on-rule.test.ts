import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { assertConformance } from '../../src/harness/assert-conformance.js';
import { checkServer } from '../../src/harness/check-server.js';
import { FAIL_ON_LEVELS } from '../../src/model/diagnostic.js';
import { VALIDATOR_CHECKS } from '../../src/model/validator-checks.js';
import { validateFaxTwiml } from '../../src/twiml/index.js';

// The reply checks alone, so the run judges exactly what validateFaxTwiml judges.
const checks = VALIDATOR_CHECKS.map((check) => check.id);

function faxApp(reply: string): Hono {
  const app = new Hono();
  app.post('/fax', (c) => c.body(reply, 200, { 'Content-Type': 'text/xml' }));
  return app;
}

describe('one rule for ok: validateFaxTwiml, checkServer and assertConformance agree', () => {
  it.each([
    ['a miscased Action (a warning)', '<Response><Receive Action="/fax/received"/></Response>'],
    ['a clean reply', '<Response><Receive/></Response>'],
    ['an action on a verb that never runs (a warning and a notice)', '<Response><Reject/><Receive action="ftp://x"/></Response>'],
    ['no fax verb (an error)', '<Response><Say>hi</Say></Response>'],
  ])('for %s, under every failOn', async (_, reply) => {
    const target = { handler: faxApp(reply).fetch, url: 'http://localhost/fax' };
    for (const failOn of FAIL_ON_LEVELS) {
      const expected = validateFaxTwiml(reply, { contentType: 'text/xml', failOn }).ok;
      const report = await checkServer(target, { runs: 0, seed: 1, checks, failOn });
      expect({ failOn, ok: report.ok }).toEqual({ failOn, ok: expected });
      const assertion = assertConformance(target, { runs: 0, seed: 1, checks, failOn });
      if (expected) await expect(assertion).resolves.toMatchObject({ ok: true });
      else await expect(assertion).rejects.toThrow(/12200|34106/);
    }
  });
});
