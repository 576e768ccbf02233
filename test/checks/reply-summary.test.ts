import { describe, expect, it } from 'vitest';
import { describeSummary, newErrors, sameReply, summarizeReply } from '../../src/checks/verdicts/reply-summary.js';
import { TWILIO_PROFILE } from '../../src/protocol/profile.js';
import type { Exchange } from '../../src/model/exchange.js';

function exchangeOf(body: string, options: { status?: number; contentType?: string; finalUrl?: string } = {}): Exchange {
  const response = {
    status: options.status ?? 200,
    headers: { 'content-type': options.contentType ?? 'text/xml' },
    setCookies: [],
    body: new TextEncoder().encode(body),
    truncated: false,
  };
  const finalUrl = options.finalUrl ?? 'https://fax.example.com/hooks/fax';
  return { hops: [{ request: { method: 'POST', url: finalUrl, headers: {} }, response, durationMs: 1 }], response, durationMs: 1, finalUrl };
}

const summarize = (body: string, options?: Parameters<typeof exchangeOf>[1]) => summarizeReply(exchangeOf(body, options), TWILIO_PROFILE);

describe('reply summaries', () => {
  it('treats a relative action and the absolute URL it resolves to as the same reply', () => {
    const relative = summarize('<Response><Receive action="done" method="POST"/></Response>');
    const absolute = summarize(`<?xml version="1.0"?>\n<Response>\n  <Receive method='POST' action='https://fax.example.com/hooks/done'></Receive>\n</Response>`);
    expect(sameReply(relative, absolute)).toBe(true);
    expect(describeSummary(relative)).toBe('<Receive action="https://fax.example.com/hooks/done" method="POST"/>');
  });

  it('tells Receive from Reject and one attribute value from another', () => {
    expect(sameReply(summarize('<Response><Receive/></Response>'), summarize('<Response><Reject/></Response>'))).toBe(false);
    expect(sameReply(summarize('<Response><Receive pageSize="a4"/></Response>'), summarize('<Response><Receive pageSize="legal"/></Response>'))).toBe(false);
  });

  it('calls a non-2xx reply a failure with its Twilio code', () => {
    expect(summarize('oops', { status: 503, contentType: 'text/plain' })).toEqual({ outcome: 'failed', twilioError: 11200, reason: 'HTTP 503' });
  });

  it('names the TwiML errors a variant has and the reference does not', () => {
    const reference = summarize('<Response><Receive pageSize="A4"/></Response>');
    const variant = summarize('<Response><Receive pageSize="A4"/></Response>', { contentType: 'text/plain' });
    expect(newErrors(reference, reference)).toEqual([]);
    expect(newErrors(reference, variant).map((d) => d.check)).toEqual(['content-type']);
  });
});
