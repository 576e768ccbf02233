import { describe, expect, it } from 'vitest';
import { validateFaxTwiml } from '../../src/twiml/index.js';
import { expectWarnedOnly, findings, reply } from './helpers.js';

describe('twiml-root', () => {
  it.each([
    ['<response><Receive/></response>', 'rename <response> to <Response>'],
    ['<html><body>OK</body></html>', 'reply with <Response>, e.g. <Response><Receive/></Response>; an HTML page usually means an error page or the wrong route'],
    ['<Receive/>', 'wrap it: <Response><Receive/></Response>'],
    ['<Say>Thanks</Say>', 'reply with <Response>, e.g. <Response><Receive/></Response>'],
  ])('reports 12102 for the root of %s, and nothing inside it', (body, hint) => {
    const result = validateFaxTwiml(body);
    expect(result.diagnostics).toMatchObject([{ check: 'twiml-root', code: 'root_not_response', twilioError: 12102, severity: 'error', hint, line: 1, column: 1 }]);
    expect(result.verb).toBeNull();
  });

  it('says an <html> root is an HTML page, as it says for <!DOCTYPE html>', () => {
    expect(validateFaxTwiml('<html><body>Not Found</body></html>').diagnostics[0]?.message).toBe('the root element is <html>, not <Response>: the body is an HTML page, not TwiML');
  });

  it('accepts both TwiML versions on <Response>', () => {
    expect(findings('<Response version="2010-04-01"><Receive/></Response>')).toEqual([]);
    expect(findings('<Response version="2008-08-01"><Receive/></Response>')).toEqual([]);
  });

  it('reports 12101 for an unknown version, pointing at the attribute', () => {
    expect(validateFaxTwiml('<Response\n    version="1.0"><Receive/></Response>').diagnostics).toMatchObject([
      { check: 'twiml-root', code: 'invalid_version', twilioError: 12101, line: 2, column: 5, path: 'Response/@version' },
    ]);
  });
});

describe('verb-case', () => {
  it.each([
    ['<receive/>', 'rename <receive> to <Receive>'],
    ['<REJECT/>', 'rename <REJECT> to <Reject>'],
  ])('reports %s as an error with 34106 when no fax verb remains', (verb, hint) => {
    const result = validateFaxTwiml(reply(verb));
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => `${d.check}/${d.code}/${d.severity}`)).toEqual(['fax-action/no_fax_action/error', 'verb-case/verb_case_mismatch/error']);
    expect(result.diagnostics[1]).toMatchObject({ twilioError: 12200, hint, line: 3, column: 3 });
  });

  it('warns about a miscased verb while another fax verb still runs, and names it', () => {
    const result = validateFaxTwiml(reply('<receive/><Reject/>'));
    expectWarnedOnly(result);
    expect(result.verb).toBe('Reject');
    expect(result.diagnostics).toMatchObject([{ check: 'verb-case', severity: 'warning', message: '<receive> is not a fax verb: verb names are case-sensitive; Twilio skips it (the fax verb that runs is <Reject> at 3:13)' }]);
  });

  it.each([
    ['MediaType="image/tiff"', 'mediaType', 'Response/Receive/@MediaType'],
    ['storemedia="false"', 'storeMedia', 'Response/Receive/@storemedia'],
    ['PageSize="A4"', 'pageSize', 'Response/Receive/@PageSize'],
  ])('warns about %s and gives the right spelling, without judging its value', (attribute, right, path) => {
    const result = validateFaxTwiml(`<Response><Receive ${attribute}/></Response>`);
    expectWarnedOnly(result);
    expect(result.diagnostics).toMatchObject([{ check: 'verb-case', code: 'attribute_case_mismatch', severity: 'warning', twilioError: 12200, line: 1, column: 20, path }]);
    expect(result.diagnostics[0]?.hint).toBe(`rename ${attribute.split('=')[0]} to ${right}`);
  });

  it('says which default Twilio uses instead of a miscased attribute', () => {
    expect(validateFaxTwiml('<Response><Receive storemedia="false"/></Response>').diagnostics[0]?.message).toContain('uses storeMedia="true"');
  });

  it('says a miscased Action loses the action callback, and a miscased attribute with a default falls back to it', () => {
    const action = validateFaxTwiml('<Response><Receive Action="/fax/received"/></Response>');
    expect(action.effects).toEqual([{ kind: 'ignores', what: 'Action', consequence: 'no action callback would ever come', cause: action.diagnostics[0] }]);
    const media = validateFaxTwiml('<Response><Receive MediaType="image/tiff"/></Response>');
    expect(media.effects).toEqual([{ kind: 'ignores', what: 'MediaType', uses: { attribute: 'mediaType', value: 'application/pdf' }, cause: media.diagnostics[0] }]);
  });

  it('names no default or lost callback when the right attribute is there too', () => {
    const result = validateFaxTwiml('<Response><Receive action="/a" Action="/b" pageSize="a4" PageSize="A4"/></Response>');
    expect(result.effects.map(({ cause: _, ...effect }) => effect)).toEqual([{ kind: 'ignores', what: 'Action' }, { kind: 'ignores', what: 'PageSize' }]);
    expect(result.diagnostics.map((d) => d.message).join('\n')).not.toContain(' and uses ');
  });

  it('gives no effect for what a verb that never runs says', () => {
    const result = validateFaxTwiml('<Response><Reject/><Receive Action="/b" pageSize="A4"/></Response>');
    expect(result.effects.map((effect) => effect.cause.code)).toEqual(['extra_verb']);
  });

  it('warns about a miscased version on <Response>', () => {
    expect(findings('<Response Version="2010-04-01"><Receive/></Response>')).toEqual(['verb-case/attribute_case_mismatch']);
  });
});

describe('known-verbs', () => {
  it.each(['<Say>Hello</Say>', '<Message>Thanks</Message>', '<Hangup/>', '<Fax/>'])('reports %s with 34106 when it is all there is', (element) => {
    expect(findings(reply(element))).toEqual(['fax-action/no_fax_action', 'known-verbs/unknown_verb']);
  });

  it('warns when a fax verb still runs, pointing at the element', () => {
    const result = validateFaxTwiml('<Response>\n  <Say>Receiving</Say>\n  <Receive/>\n</Response>');
    expectWarnedOnly(result);
    expect(result.diagnostics).toMatchObject([{ check: 'known-verbs', code: 'unknown_verb', severity: 'warning', twilioError: 12200, line: 2, column: 3, path: 'Response/Say' }]);
  });

  it('suggests <Reject/> for <Hangup/>', () => {
    expect(validateFaxTwiml(reply('<Hangup/>')).diagnostics[1]?.hint).toBe('use <Reject/> to refuse the fax');
  });

  it('does not judge the content or attributes of an unknown element', () => {
    expect(findings(reply('<Say voice="alice" loop="x">Hi <b/></Say><Receive/>'))).toEqual(['known-verbs/unknown_verb']);
  });
});

describe('known-attributes', () => {
  it.each([
    ['<Receive quality="fine"/>', 'Response/Receive/@quality'],
    ['<Receive statusCallback="/status"/>', 'Response/Receive/@statusCallback'],
    ['<Reject reason="busy"/>', 'Response/Reject/@reason'],
  ])('warns about an attribute the verb does not have in %s', (verb, path) => {
    const result = validateFaxTwiml(`<Response>${verb}</Response>`);
    expectWarnedOnly(result);
    expect(result.diagnostics).toMatchObject([{ check: 'known-attributes', code: 'unknown_attribute', severity: 'warning', twilioError: 12200, path, line: 1, column: verb.indexOf(' ') + 12 }]);
  });

  it('lists the attributes the verb takes', () => {
    expect(validateFaxTwiml('<Response><Reject reason="busy"/></Response>').diagnostics[0]?.hint).toBe('remove reason; <Reject> takes no attributes');
  });

  it.each([
    ['media_type="image/tiff"', 'media_type', 'mediaType', ' and uses mediaType="application/pdf"'],
    ['store-media="false"', 'store-media', 'storeMedia', ' and uses storeMedia="true"'],
    ['Action_="/done"', 'Action_', 'action', ': no action callback would ever come'],
  ])('points %s, a snake_case or kebab-case spelling, at the camelCase name', (attribute, written, meant, fallback) => {
    const result = validateFaxTwiml(`<Response><Receive ${attribute}/></Response>`);
    expect(result.diagnostics).toMatchObject([{
      check: 'known-attributes', code: 'unknown_attribute', severity: 'warning',
      message: `<Receive> has no attribute ${written}; Twilio ignores it${fallback}`,
      hint: `rename ${written} to ${meant}: TwiML attribute names are camelCase`,
    }]);
  });

  it('warns about an unknown attribute on <Response>', () => {
    expect(findings('<Response foo="bar"><Receive/></Response>')).toEqual(['known-attributes/unknown_attribute']);
  });
});

describe('attribute-values', () => {
  it.each([
    ['method', 'post', 'value_case_mismatch', 'use POST', 'POST'],
    ['method', 'PUT', 'invalid_value', 'use one of GET, POST', 'POST'],
    ['mediaType', 'application/PDF', 'value_case_mismatch', 'use application/pdf', 'application/pdf'],
    ['mediaType', 'image/png', 'invalid_value', 'use one of application/pdf, image/tiff', 'application/pdf'],
    ['pageSize', 'A4', 'value_case_mismatch', 'use a4', 'letter'],
    ['pageSize', 'tabloid', 'invalid_value', 'use one of letter, legal, a4', 'letter'],
    ['storeMedia', 'True', 'value_case_mismatch', 'use true', 'true'],
    ['storeMedia', 'yes', 'invalid_value', 'use one of true, false', 'true'],
  ])('warns that Twilio ignores %s="%s" on the verb that runs and uses the default', (name, value, code, hint, used) => {
    const result = validateFaxTwiml(`<Response><Receive ${name}="${value}"/></Response>`);
    expectWarnedOnly(result);
    expect(result.diagnostics).toMatchObject([{ check: 'attribute-values', code, hint, severity: 'warning', twilioError: 12200, path: `Response/Receive/@${name}`, line: 1, column: 22 + name.length }]);
    expect(result.diagnostics[0]?.message).toContain(`so Twilio ignores it and uses ${name}="${used}"`);
    expect(result.effects).toEqual([{ kind: 'replaces', attribute: name, written: value, uses: used, cause: result.diagnostics[0] }]);
  });

  it.each(['ftp://example.com/fax', 'javascript:alert(1)', 'mailto:fax@example.com', 'localhost:3000/fax', 'http://', ''])(
    'reports action=%j, which is neither relative nor http(s), as 11100: Twilio cannot request it',
    (action) => {
      const result = validateFaxTwiml(`<Response><Receive action="${action}"/></Response>`);
      expect(result.diagnostics).toMatchObject([{ check: 'attribute-values', code: 'invalid_url', severity: 'error', twilioError: 11100 }]);
      expect(result.effects).toMatchObject([{ kind: 'cannot-request', attribute: 'action', url: action, consequence: 'no action callback would ever come' }]);
    },
  );

  it('only notes a bad action on a verb that never runs: Twilio never requests it', () => {
    const result = validateFaxTwiml('<Response><Reject/><Receive action="ftp://x"/></Response>');
    expectWarnedOnly(result);
    expect(result.diagnostics.map((d) => `${d.code}/${d.severity}/${d.twilioError ?? '-'}`)).toEqual(['extra_verb/warning/12200', 'invalid_url/notice/-']);
  });

  it.each([
    ['localhost:3000/fax/done', 'write https://localhost:3000/fax/done, or a relative URL such as /fax/received'],
    ['fax.example.com:8443/done?x=1', 'write https://fax.example.com:8443/done?x=1, or a relative URL such as /fax/received'],
  ])('says action=%j lacks a scheme rather than calling the host a scheme', (action, hint) => {
    const [diagnostic] = validateFaxTwiml(`<Response><Receive action="${action}"/></Response>`).diagnostics;
    expect(diagnostic).toMatchObject({ code: 'invalid_url', hint });
    expect(diagnostic?.message).toBe(`action="${action}" on <Receive> has no scheme (http:// or https://), so Twilio cannot request it: no action callback would ever come`);
  });

  it('keeps naming a real scheme that is followed by digits', () => {
    expect(validateFaxTwiml('<Response><Receive action="tel:5551234"/></Response>').diagnostics[0]?.message).toBe(
      'action="tel:5551234" on <Receive> uses the tel: scheme; Twilio requests only http and https URLs: no action callback would ever come',
    );
  });

  it.each(['/fax/received', 'received', '../fax?x=1&amp;y=2', '//other.example.com/fax', 'https://example.com/fax', 'HTTP://EXAMPLE.COM/fax'])(
    'accepts action=%j',
    (action) => {
      expect(findings(`<Response><Receive action="${action}"/></Response>`)).toEqual([]);
    },
  );

  it('reports values with references replaced', () => {
    expect(findings('<Response><Receive pageSize="&#97;4"/></Response>')).toEqual([]);
    expect(validateFaxTwiml('<Response><Receive action="/a?x=1&amp;y=2"/></Response>').attributes).toEqual({ action: '/a?x=1&y=2' });
  });

  it('only warns about a bad value on a verb that never runs', () => {
    const result = validateFaxTwiml('<Response><Reject/><Receive pageSize="A4"/></Response>');
    expectWarnedOnly(result);
    expect(result.diagnostics.map((d) => `${d.check}/${d.severity}`)).toEqual(['fax-action/warning', 'attribute-values/warning']);
  });
});

describe('fax-action', () => {
  it.each(['<Response/>', '<Response></Response>', '<Response>\n  <!-- TODO -->\n</Response>'])('reports 34106 for %j', (body) => {
    const result = validateFaxTwiml(body);
    expect(result.diagnostics).toMatchObject([{ check: 'fax-action', code: 'no_fax_action', twilioError: 34106, severity: 'error', line: 1, column: 1, path: 'Response' }]);
    expect(result.verb).toBeNull();
  });

  it('warns that only the first of several verbs runs', () => {
    const result = validateFaxTwiml(reply('<Receive/>\n  <Reject/>'));
    expectWarnedOnly(result);
    expect(result.verb).toBe('Receive');
    expect(result.diagnostics).toMatchObject([{ check: 'fax-action', code: 'extra_verb', severity: 'warning', line: 4, column: 3, message: '<Reject> never runs: only the first fax verb, <Receive> at 3:3, does' }]);
  });

  it.each([
    ['<Receive>please</Receive>', 'the text "please"', 'Response/Receive', 20],
    ['<Receive><Say>hi</Say></Receive>', 'the element <Say>', 'Response/Receive/Say', 20],
    ['<Reject><![CDATA[busy]]></Reject>', 'the text "busy"', 'Response/Reject', 28],
  ])('warns that Twilio ignores content inside the verb that runs in %s', (verb, what, path, column) => {
    const result = validateFaxTwiml(`<Response>${verb}</Response>`);
    expectWarnedOnly(result);
    expect(result.diagnostics).toMatchObject([{ check: 'fax-action', code: 'content_in_verb', severity: 'warning', twilioError: 12200, path, line: 1, column }]);
    expect(result.diagnostics[0]?.message).toContain(what);
  });

  it('warns that Twilio ignores text directly in <Response>', () => {
    expect(validateFaxTwiml('<Response>\n  OK\n  <Receive/>\n</Response>').diagnostics).toMatchObject([
      { check: 'fax-action', code: 'text_in_response', severity: 'warning', twilioError: 12200, line: 2, column: 3, message: '<Response> contains the text "OK"; it holds only verbs, so Twilio ignores it' },
    ]);
  });

  it('treats a no-break space as text, as XML does', () => {
    expect(findings('<Response>\u00a0<Receive/></Response>')).toEqual(['fax-action/text_in_response']);
  });
});

describe('the result', () => {
  it('gives the verb that runs and its attributes as written', () => {
    const result = validateFaxTwiml('<Response><Receive pageSize="a4" quality="x"/><Reject/></Response>');
    expect(result).toMatchObject({ verb: 'Receive', attributes: { pageSize: 'a4', quality: 'x' } });
  });

  it('orders findings: the header first, then by place in the document', () => {
    const body = `<Response>\n<Receive pageSize="A4" quality="x"/>\n<Say/>\n</Response>`;
    expect(findings(body, { contentType: 'text/plain' })).toEqual([
      'content-type/invalid_content_type', 'attribute-values/value_case_mismatch', 'known-attributes/unknown_attribute', 'known-verbs/unknown_verb',
    ]);
  });
});
