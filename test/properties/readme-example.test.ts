// The example of properties/README.md, run for real: keep the two in step.
import { fc, test } from '@fast-check/vitest';
import { Hono } from 'hono';
import { expect, it } from 'vitest';
import { faxWebhookParams, unknownParams } from '../../properties/index.js';
import { validateFaxTwiml } from '../../src/twiml/index.js';

/** A fax webhook as a user writes it; `paste` builds the action URL the naive way. */
function faxApp(paste: (from: string) => string): Hono {
  const app = new Hono();
  app.post('/fax', async (c) => {
    const form = await c.req.parseBody();
    const action = `/fax/received?from=${paste(String(form.From))}`;
    return c.body(`<Response><Receive action="${action}"/></Response>`, 200, { 'Content-Type': 'text/xml' });
  });
  return app;
}

const app = faxApp(encodeURIComponent);

test.prop([faxWebhookParams(), unknownParams()], { numRuns: 50 })(
  'answers every incoming fax with valid TwiML',
  async (params, extras) => {
    const res = await app.request('/fax', { method: 'POST', body: new URLSearchParams({ ...extras, ...params }) });
    const reply = validateFaxTwiml(await res.text(), { contentType: res.headers.get('content-type') });
    expect(reply.diagnostics).toEqual([]);
    expect(reply.verb).toBe('Receive');
  },
);

it('finds the SIP display name that breaks a handler pasting From into the XML unescaped', async () => {
  const naive = faxApp((from) => from);
  const result = await fc.check(
    fc.asyncProperty(faxWebhookParams({ sip: true }), async (params) => {
      const res = await naive.request('/fax', { method: 'POST', body: new URLSearchParams({ ...params }) });
      return validateFaxTwiml(await res.text(), { contentType: 'text/xml' }).ok;
    }),
    { seed: 1 },
  );
  expect(result.failed).toBe(true);
  expect(result.counterexample?.[0].From).toMatch(/^"Jane Doe" <sip:/);
});
