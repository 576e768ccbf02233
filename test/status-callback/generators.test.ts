import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { faxStatusCallbackParams, faxStatusCallbacks, faxStatusSequence } from '../../properties/index.js';
import { ACCOUNT_SID_PATTERN, FAX_SID_PATTERN, FAX_STATUSES, TWILIO_PROFILE } from '../../src/protocol/index.js';
import { planCases } from '../../src/runner/plan.js';

const { statusCallback } = TWILIO_PROFILE;
const unsuccessful = statusCallback.unsuccessful.map((u) => u.status as string);

describe('faxStatusSequence', () => {
  test.prop([faxStatusSequence()])('starts queued, ends once, and keeps the progress statuses in order', (statuses) => {
    expect(statuses[0]).toBe('queued');
    const ending = statuses.at(-1) as string;
    expect(['delivered', ...unsuccessful]).toContain(ending);
    const between = statuses.slice(1, -1);
    expect(between).toEqual(['processing', 'sending'].filter((s) => between.includes(s as never)));
  });

  it('shrinks toward queued, then delivered', () => {
    const details = fc.check(fc.property(faxStatusSequence(), () => false), { seed: 3 });
    expect(details.counterexample?.[0]).toEqual(['queued', 'delivered']);
  });

  test.prop([faxStatusSequence({ ending: 'unsuccessful' })])('draws only unsuccessful endings when asked', (statuses) => {
    expect(unsuccessful).toContain(statuses.at(-1));
  });
});

describe('faxStatusCallbacks', () => {
  test.prop([faxStatusCallbacks()])('is one fax: the same ids, numbers and OriginalMediaUrl on every callback', (callbacks) => {
    const [first] = callbacks;
    expect(FAX_SID_PATTERN.test(first?.FaxSid ?? '')).toBe(true);
    expect(ACCOUNT_SID_PATTERN.test(first?.AccountSid ?? '')).toBe(true);
    for (const c of callbacks) {
      expect([c.FaxSid, c.AccountSid, c.From, c.To, c.OriginalMediaUrl, c.ApiVersion]).toEqual([first?.FaxSid, first?.AccountSid, first?.From, first?.To, first?.OriginalMediaUrl, 'v1']);
    }
  });

  test.prop([faxStatusCallbacks()])('sends NumPages and MediaUrl only when the fax was delivered, ErrorCode only when it was not', (callbacks) => {
    for (const c of callbacks) {
      const delivered = c.FaxStatus === 'delivered';
      expect(c.NumPages !== undefined).toBe(delivered);
      expect(c.MediaUrl !== undefined).toBe(delivered);
      if (!delivered) expect(c.RemoteStationId).toBeUndefined();
      if (c.ErrorCode !== undefined) expect(unsuccessful).toContain(c.FaxStatus);
      if (c.FaxStatus === 'failed') expect(['34004', '34108']).toContain(c.ErrorCode);
    }
  });

  test.prop([faxStatusCallbackParams()])('draws only statuses of the FaxStatus enum that an outbound fax reaches', (params) => {
    expect(FAX_STATUSES).toContain(params.FaxStatus);
    expect(['receiving', 'received']).not.toContain(params.FaxStatus);
  });
});

describe('status-callback cases', () => {
  it('start with a delivered fax and a failed one (34004), then generated faxes, the same from the same seed', async () => {
    const plan = planCases(9, 5, TWILIO_PROFILE, 'status-callback');
    const cases = await Promise.all(Array.from({ length: plan.length }, (_, i) => plan.at(i)));
    expect(cases.map((c) => c?.id)).toEqual(['example-1', 'example-2', 'generated-1', 'generated-2', 'generated-3', 'generated-4', 'generated-5']);
    expect(cases[1]?.input.callbacks?.at(-1)).toContainEqual(['ErrorCode', '34004']);
    expect(cases[1]?.input.callbacks?.at(-1)?.map(([name]) => name)).not.toContain('NumPages');
    for (const c of cases) expect(c?.input.params).toEqual(c?.input.callbacks?.[0]);
    const again = planCases(9, 5, TWILIO_PROFILE, 'status-callback');
    expect(await Promise.all(Array.from({ length: again.length }, (_, i) => again.at(i)))).toEqual(cases);
  });

  it('are not played for the fallback endpoint: its cases are the webhook\'s, with ErrorCode and ErrorUrl after them', async () => {
    const webhook = planCases(9, 3, TWILIO_PROFILE);
    const fallback = planCases(9, 3, TWILIO_PROFILE, 'fallback');
    for (let i = 0; i < 5; i += 1) {
      const fallbackCase = await fallback.at(i);
      const params = fallbackCase?.input.params ?? [];
      expect(fallbackCase?.input.callbacks).toBeUndefined();
      expect(params.slice(-2).map(([name]) => name)).toEqual(['ErrorCode', 'ErrorUrl']);
      if (i < 2) expect(params.slice(0, -2)).toEqual((await webhook.at(i))?.input.params);
    }
  });
});
