import { describe, expect, it } from 'vitest';
import { validateFaxTwiml } from '../../src/twiml/index.js';
import { findings } from './helpers.js';

/** The one xml-well-formed diagnostic of a body, with where it points. */
function parseFailure(body: string | Uint8Array) {
  const result = validateFaxTwiml(body);
  expect(result.ok).toBe(false);
  expect(result.verb).toBeNull();
  expect(result.diagnostics).toHaveLength(1);
  const [d] = result.diagnostics;
  expect(d).toMatchObject({ check: 'xml-well-formed', severity: 'error', twilioError: 12100 });
  return { code: d?.code, at: `${d?.line}:${d?.column}`, message: d?.message, hint: d?.hint };
}

describe('xml-well-formed', () => {
  it.each([
    ['a blank body (an empty one is 11200, see content-and-size)', ' \r\n\t', 'empty_body', '1:1'],
    ['a literal 200 instead of TwiML', '200', 'not_xml', '1:1'],
    ['a JSON error page', '\n{"error":"boom"}', 'not_xml', '2:1'],
    ['an HTML page', '<!DOCTYPE html>\n<html><body>Error</body></html>', 'doctype_refused', '1:1'],
    ['an unclosed tag', '<Response>\n  <Receive>\n</Response>', 'mismatched_tag', '3:1'],
    ['a root that never closes', '<Response>\n  <Receive/>\n', 'unclosed_tag', '1:1'],
    ['a start tag that never ends', '<Response><Receive pageSize="a4"', 'unclosed_tag', '1:11'],
    ['mismatched tags', '<Response><Receive></Reject></Response>', 'mismatched_tag', '1:20'],
    ['an end tag that closes nothing', '<Response/></Response>', 'unexpected_end_tag', '1:12'],
    ['two roots', '<Response><Receive/></Response>\n<Response><Reject/></Response>', 'multiple_roots', '2:1'],
    ['text after the root', '<Response><Receive/></Response>\nOK', 'text_after_root', '2:1'],
    ['a duplicate attribute', '<Response><Receive pageSize="a4" pageSize="letter"/></Response>', 'duplicate_attribute', '1:34'],
    ['an unescaped & in an attribute', '<Response><Receive action="/done?a=1&b=2"/></Response>', 'unescaped_ampersand', '1:37'],
    ['an unescaped & in text', '<Response>\n  Tom & Jerry<Receive/></Response>', 'unescaped_ampersand', '2:7'],
    ['an undefined entity', '<Response>&nbsp;<Receive/></Response>', 'undefined_entity', '1:11'],
    ['a character reference to NUL', '<Response>&#0;<Receive/></Response>', 'invalid_character_reference', '1:11'],
    ['an unescaped < in an attribute', '<Response><Receive action="/a<b"/></Response>', 'unescaped_less_than', '1:30'],
    ['a < not followed by a name', '<Response>1 < 2<Receive/></Response>', 'unescaped_less_than', '1:13'],
    ['an unquoted attribute value', '<Response><Receive pageSize=a4/></Response>', 'malformed_attribute', '1:20'],
    ['an attribute without a value', '<Response><Receive storeMedia/></Response>', 'malformed_attribute', '1:20'],
    ['attributes without a space between them', '<Response><Receive method="GET"pageSize="a4"/></Response>', 'malformed_tag', '1:32'],
    ['a blank line before the XML declaration', '\n<?xml version="1.0"?><Response><Receive/></Response>', 'whitespace_before_declaration', '1:1'],
    ['spaces before the XML declaration', '   <?xml version="1.0"?><Response><Receive/></Response>', 'whitespace_before_declaration', '1:1'],
    ['an XML declaration after a comment', '<!-- hi --><?xml version="1.0"?><Response><Receive/></Response>', 'misplaced_declaration', '1:12'],
    ['a malformed XML declaration', '<?xml encoding="UTF-8"?><Response><Receive/></Response>', 'malformed_declaration', '1:1'],
    ['a DOCTYPE with an entity bomb', '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n<Response>&lol2;</Response>', 'doctype_refused', '2:1'],
    ['a DOCTYPE with an external entity', '<!DOCTYPE r [<!ENTITY x SYSTEM "http://127.0.0.1:1/secret">]><Response>&x;</Response>', 'doctype_refused', '1:1'],
    ['"--" inside a comment', '<Response><!-- a -- b --><Receive/></Response>', 'double_hyphen_in_comment', '1:18'],
    ['an unclosed comment', '<Response><Receive/><!-- </Response>', 'unclosed_comment', '1:21'],
    ['a NUL byte', '<Response><Receive/>\0</Response>', 'illegal_character', '1:21'],
    ['a control character', '<Response>\n<Receive\x0C/></Response>', 'illegal_character', '2:9'],
  ])('reports 12100 for %s', (_what, body, code, at) => {
    expect(parseFailure(body)).toMatchObject({ code, at });
  });

  it('recognises a whole HTTP response piped in from curl -i', () => {
    const piped = 'HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n\r\n<Response><Receive/></Response>';
    expect(parseFailure(piped)).toMatchObject({ code: 'not_xml', at: '1:1', hint: 'this is a whole HTTP response, headers included: validate the body alone (curl -s, not curl -i)' });
  });

  it('says an uppercase <?XML declaration must be lowercase rather than misplaced', () => {
    expect(parseFailure('<?XML version="1.0"?>\n<Response><Receive/></Response>')).toEqual({
      code: 'malformed_declaration', at: '1:1',
      message: '<?XML is not an XML declaration: it must be written <?xml, in lowercase',
      hint: 'write <?xml version="1.0" encoding="UTF-8"?> or leave it out',
    });
  });

  it('reports invalid UTF-8 at the offending byte, counting characters before it', () => {
    const bytes = Buffer.concat([Buffer.from('<Response>\n  é<Receive/>'), Buffer.from([0xc3, 0x28]), Buffer.from('</Response>')]);
    expect(parseFailure(bytes)).toMatchObject({ code: 'invalid_utf8', at: '2:14', message: 'byte 0xC3 at offset 25 is not UTF-8' });
  });

  it('says so when the declaration names another encoding, since the kit reads every reply as UTF-8', () => {
    const body = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<Response><Receive action="/café"/></Response>', 'latin1');
    expect(parseFailure(body)).toEqual({
      code: 'invalid_utf8', at: '2:32',
      message: 'byte 0xE9 at offset 75 is not UTF-8; the XML declaration says ISO-8859-1, but Twilio reads TwiML as UTF-8',
      hint: 'save and send the reply as UTF-8, and declare encoding="UTF-8"',
    });
  });

  it('reports Latin-1 bytes as invalid UTF-8', () => {
    expect(parseFailure(Buffer.from('<Response><Receive action="/café"/></Response>', 'latin1'))).toMatchObject({ code: 'invalid_utf8', at: '1:32' });
  });

  it('reports a UTF-16 body as invalid UTF-8 at its first byte', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<Response><Receive/></Response>', 'utf16le')]);
    expect(parseFailure(utf16)).toMatchObject({ code: 'invalid_utf8', at: '1:1' });
  });

  it('says where the tag being closed was opened', () => {
    expect(parseFailure('<Response>\n  <Receive>\n</Response>').message).toBe('</Response> closes <Receive> opened at 2:3');
  });

  it('tells an HTML page apart from other DOCTYPEs', () => {
    expect(parseFailure('<!doctype html><p>Internal Server Error</p>').message).toContain('HTML page');
    expect(parseFailure('<!DOCTYPE Response><Response/>').hint).toBe('remove the <!DOCTYPE ...> declaration');
  });

  it('never expands entities: a billion-laughs body is refused at once', () => {
    const levels = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const body = `<!DOCTYPE r [<!ENTITY l0 "lol">${levels}]><Response><Receive action="&l10;"/></Response>`;
    expect(findings(body)).toEqual(['xml-well-formed/doctype_refused']);
  });

  it('reports only the first parse error, like an XML parser', () => {
    expect(findings('<Response><receive>&bad;</Reject>')).toEqual(['xml-well-formed/undefined_entity']);
  });
});
