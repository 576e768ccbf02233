import { describe, expect, it } from 'vitest';
import { describeSummary, sameReply, summarizeReply } from '../../src/checks/verdicts/reply-summary.js';
import type { Exchange } from '../../src/model/exchange.js';
import { TWILIO_PROFILE } from '../../src/protocol/profile.js';
import { createRedactor } from '../../src/secrets/redact.js';
import { describeVerdict, validateFaxTwiml, verdictOf } from '../../src/twiml/index.js';

function exchangeOf(body: string): Exchange {
  const response = { status: 200, headers: { 'content-type': 'text/xml' }, setCookies: [], body: new TextEncoder().encode(body), truncated: false };
  const finalUrl = 'https://fax.example.com/hooks/fax';
  return { hops: [{ request: { method: 'POST', url: finalUrl, headers: {} }, response, durationMs: 1 }], response, durationMs: 1, finalUrl };
}

const summarize = (body: string) => summarizeReply(exchangeOf(body), TWILIO_PROFILE);

// Upper-case letters only, so that any three of them in a row in a message can only come from the token.
const TOKEN = 'QXZJKWVYPGMBFDHLQXZJKWVYPGMBFDHT';

/** Every message the kit would build from `body`: the validator's findings, its verdict and a variant's summary. */
function messagesOf(body: string): string[] {
  const validation = validateFaxTwiml(body, { contentType: 'text/xml' });
  return [...validation.diagnostics.map((d) => d.message), describeVerdict(verdictOf(validation)), describeSummary(summarize(body))];
}

function visibleTokenPieces(text: string): string[] {
  const pieces: string[] = [];
  for (let at = 0; at + 3 <= TOKEN.length; at++) if (text.includes(TOKEN.slice(at, at + 3))) pieces.push(TOKEN.slice(at, at + 3));
  return pieces;
}

describe('messages quote bounded text', () => {
  it('names a few of 5,000 attributes and counts the rest, yet tells replies apart by every attribute', () => {
    const attributes = (last: string) => Array.from({ length: 5000 }, (_, i) => `x${String(i).padStart(4, '0')}="${i === 4999 ? last : 'v'}"`).join(' ');
    const reference = summarize(`<Response><Receive ${attributes('v')}/></Response>`);
    const variant = summarize(`<Response><Receive ${attributes('w')}/></Response>`);
    expect(describeSummary(reference)).toBe('<Receive x0000="v" x0001="v" x0002="v" x0003="v" x0004="v" x0005="v" … and 4,994 more/>');
    expect(describeSummary(variant)).toBe(describeSummary(reference));
    expect(sameReply(reference, variant)).toBe(false);
    expect(sameReply(reference, summarize(`<Response><Receive ${attributes('v')}/></Response>`))).toBe(true);
  });

  it('bounds every message about a 60 kB name or value', () => {
    const long = 'n'.repeat(60_000);
    for (const body of [
      `<Response><Receive ${long}="1"/></Response>`,
      `<Response><Receive pageSize="${long}"/></Response>`,
      `<Response><Receive action="ftp://${long}"/></Response>`,
      `<Response><${long}/><Receive/></Response>`,
      `<${long}/>`,
      `<Response><Receive>${long}</Receive></Response>`,
    ]) {
      for (const message of messagesOf(body)) expect(message.length, message.slice(0, 200)).toBeLessThan(400);
    }
  });

  it('never leaves a piece of a token in view, wherever the cap falls in a long value that holds it', () => {
    const redactor = createRedactor([TOKEN]);
    for (let before = 0; before <= 110; before++) {
      const value = `https://fax.example.com/done?x=${'a'.repeat(before)}${TOKEN}${'b'.repeat(40)}`;
      for (const body of [
        `<Response><Receive action="${value}" pageSize="${value}"/></Response>`,
        `<Response><Receive action="tel:${value}"/></Response>`,
        `<Response><Receive method="${value} ${value}"/></Response>`,
        `<Response><Say>${value}</Say><Receive/>${value}</Response>`,
      ]) {
        for (const message of messagesOf(body)) expect(visibleTokenPieces(redactor.redactServerText(message)), message).toEqual([]);
      }
    }
  });
});
