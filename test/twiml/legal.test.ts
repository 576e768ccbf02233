import { describe, expect, it } from 'vitest';
import twilio from 'twilio';
import { validateFaxTwiml } from '../../src/twiml/index.js';
import { findings } from './helpers.js';

describe('legal replies raise nothing', () => {
  it.each([
    ['the smallest reply', '<Response><Receive/></Response>'],
    ['a reply that rejects', '<Response><Reject/></Response>'],
    ['an XML declaration with encoding="UTF-8"', '<?xml version="1.0" encoding="UTF-8"?><Response><Receive/></Response>'],
    ['an XML declaration with single quotes and standalone', "<?xml version='1.0' encoding='utf-8' standalone='yes' ?><Response><Receive/></Response>"],
    ['no XML declaration and whitespace before the root', '\n\n   <Response><Receive/></Response>\n'],
    ['comments everywhere', '<?xml version="1.0"?><!-- a --><Response><!-- b --><Receive/><!-- c --></Response><!-- d -->'],
    ['CRLF line ends', '<?xml version="1.0"?>\r\n<Response>\r\n  <Receive\r\n    pageSize="a4"/>\r\n</Response>\r\n'],
    ['single and double quotes', `<Response><Receive action='/done' method="GET"/></Response>`],
    ['an empty element written out', '<Response><Receive></Receive></Response>'],
    ['whitespace inside a verb', '<Response><Receive>\n  </Receive></Response>'],
    ['a comment inside a verb', '<Response><Receive><!-- keep --></Receive></Response>'],
    ['any attribute order', '<Response><Receive storeMedia="false" pageSize="legal" mediaType="image/tiff" method="GET" action="https://example.com/done"/></Response>'],
    ['spaces around = and before the end of a tag', '<Response ><Receive pageSize = "a4" /></Response >'],
    ['a processing instruction', '<?xml version="1.0"?><?xml-stylesheet href="x.xsl"?><Response><Receive/></Response>'],
    ['escaped characters in an action', '<Response><Receive action="/done?a=1&amp;b=&#x32;&#51;"/></Response>'],
  ])('accepts %s', (_what, body) => {
    expect(validateFaxTwiml(body, { contentType: 'text/xml' })).toMatchObject({ ok: true, diagnostics: [] });
  });

  it('accepts a UTF-8 byte-order mark before the XML declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Response><Receive/></Response>')]);
    expect(findings(bytes)).toEqual([]);
    expect(findings('\ufeff<?xml version="1.0"?><Response><Reject/></Response>')).toEqual([]);
  });

  it('accepts non-ASCII text in UTF-8 bytes', () => {
    expect(findings(Buffer.from('<Response><!-- reçu ✓ 📠 --><Receive action="/reçu"/></Response>'))).toEqual([]);
  });
});

describe("twilio-node's FaxResponse", () => {
  const receives: Record<string, string>[] = [
    {},
    { action: '/fax/received' },
    { action: 'https://example.com/fax?tenant=1&source=2', method: 'GET' },
    { mediaType: 'image/tiff', pageSize: 'legal', storeMedia: 'false' },
    { action: '/done', method: 'POST', mediaType: 'application/pdf', pageSize: 'a4', storeMedia: 'true' },
  ];

  it.each(receives)('validates clean for receive(%j)', (attributes) => {
    const response = new twilio.twiml.FaxResponse();
    response.receive(attributes as never);
    const result = validateFaxTwiml(response.toString(), { contentType: 'text/xml' });
    expect(result).toEqual({ ok: true, failOn: 'warning', verb: 'Receive', attributes, diagnostics: [], effects: [] });
  });
});
