import { describe, expect, it } from 'vitest';
import { describeVerdict, validateFaxTwiml, verdictOf } from '../../src/twiml/index.js';

const say = (body: string, contentType: string | null = 'text/xml'): string => describeVerdict(verdictOf(validateFaxTwiml(body, { contentType })));

describe('the verdict', () => {
  it.each([
    ['<Response><Receive/></Response>', 'Twilio would receive the fax'],
    ['<Response><Reject/></Response>', 'Twilio would reject the fax'],
    ['<Response><Receive Action="/fax/received"/></Response>', 'Twilio would receive the fax but ignore Action (warning 12200): no action callback would ever come'],
    ['<Response><Receive pageSize="A4"/></Response>', 'Twilio would receive the fax but use pageSize="letter" instead of "A4" (warning 12200)'],
    ['<Response><Receive MediaType="image/tiff"/></Response>', 'Twilio would receive the fax but ignore MediaType and use mediaType="application/pdf" (warning 12200)'],
    ['<Response><Receive action="ftp://x"/></Response>', 'Twilio would receive the fax but fail to request action="ftp://x" (error 11100): no action callback would ever come'],
    ['<Response><Receive/><Reject/></Response>', 'Twilio would receive the fax but ignore <Reject> after <Receive> (warning 12200)'],
    ['<Response>OK<Reject>busy</Reject></Response>', 'Twilio would reject the fax but ignore the text "OK" (warning 12200), and ignore the text "busy" inside <Reject> (warning 12200)'],
    ['<Response><Say/><Receive/><Say/></Response>', 'Twilio would receive the fax but ignore <Say> (2 times, warning 12200)'],
    ['<Response><receive/></Response>', 'Twilio would fail the fax with error 34106'],
    ['', 'Twilio would fail the fax with error 11200'],
  ])('for %j: %s', (body, sentence) => {
    expect(say(body)).toBe(sentence);
  });

  it('names two effects, failed requests first, and counts the rest', () => {
    expect(say('<Response><Receive pageSize="A4" quality="x" foo="y" action="ftp://x"/></Response>')).toBe(
      'Twilio would receive the fax but fail to request action="ftp://x" (error 11100): no action callback would ever come, use pageSize="letter" instead of "A4" (warning 12200), and 2 more',
    );
  });

  it('fails the fax on an error of the reply itself, whatever else it asks', () => {
    expect(say('<Response><Receive action="ftp://x"/></Response>', null)).toBe('Twilio would fail the fax with error 12300');
    expect(verdictOf(validateFaxTwiml('<Response><Receive action="ftp://x"/></Response>'))).toMatchObject({ outcome: 'receive' });
  });

  it('says nothing of a notice, which changes nothing Twilio does', () => {
    expect(say('<Response><Receive/></Response>', 'text/html')).toBe('Twilio would receive the fax');
  });
});

describe('the consequence of an effect in the finding', () => {
  it.each([
    ['<Response><Receive Action="/fax/received"/></Response>', 'Action on <Receive> is not action: attribute names are case-sensitive, so Twilio ignores it: no action callback would ever come'],
    ['<Response><Receive action="ftp://x"/></Response>', 'action="ftp://x" on <Receive> uses the ftp: scheme; Twilio requests only http and https URLs: no action callback would ever come'],
  ])('states in the message of %s what the verdict line states, from the effect', (body, message) => {
    const validation = validateFaxTwiml(body, { contentType: 'text/xml' });
    expect(validation.diagnostics.map((d) => d.message)).toEqual([message]);
    const [effect] = validation.effects;
    expect(effect && 'consequence' in effect && effect.consequence).toBe('no action callback would ever come');
    expect(message.endsWith(`: ${effect && 'consequence' in effect ? effect.consequence : '?'}`)).toBe(true);
    expect(describeVerdict(verdictOf(validation))).toMatch(/: no action callback would ever come$/);
  });
});

describe('where a skipped element names the fax verb', () => {
  it.each([
    ['<Response><Receive/><a/></Response>', '<a> is not fax TwiML; Twilio skips it (the fax verb that runs is <Receive> at 1:11)'],
    ['<Response><a/><Receive/></Response>', '<a> is not fax TwiML; Twilio skips it (the fax verb that runs is <Receive> at 1:15)'],
  ])('says the same whether it comes before or after the verb, never "instead" after it: %s', (body, message) => {
    expect(validateFaxTwiml(body).diagnostics.map((d) => d.message)).toEqual([message]);
  });
});
