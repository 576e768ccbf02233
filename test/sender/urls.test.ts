import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { appendQuery, encodeParams, requestedUrl, resolveReference, twilioQuery } from '../../src/sender/index.js';
import { withoutPort } from '../../src/sender/raw-url.js';
import { credentialsOf, stripCredentials } from '../../src/secrets/url-credentials.js';

const pairs = fc.array(fc.tuple(fc.string({ unit: 'binary', minLength: 1 }), fc.string({ unit: 'binary' })), { maxLength: 5 });
const query = fc.constantFrom('', '?', '?a=1', '?a=1&', '?a=%2B1&b=');

describe('appendQuery', () => {
  propertyTest.prop([query, pairs])('keeps the URL’s own query and adds exactly the parameters after it', (own, params) => {
    const url = appendQuery(`https://fax.example/hook${own}`, encodeParams(params));

    const existing = [...new URLSearchParams(own)];
    expect([...new URL(url).searchParams]).toEqual([...existing, ...params]);
    expect(url.startsWith(`https://fax.example/hook${own}`)).toBe(true);
  });

  it('leaves the URL untouched when there is nothing to append', () => {
    expect(appendQuery('https://fax.example/hook?x=1', '')).toBe('https://fax.example/hook?x=1');
  });

  it('puts the parameters before the fragment', () => {
    expect(appendQuery('https://fax.example/hook#rc=2', 'To=1')).toBe('https://fax.example/hook?To=1#rc=2');
  });
});

describe('URL credentials', () => {
  it('strips the user-info and nothing else, keeping the URL’s exact spelling', () => {
    expect(stripCredentials('https://u%40x:p%3Aw@Fax.Example:443/a%2Fb?q=%2B1')).toBe('https://Fax.Example:443/a%2Fb?q=%2B1');
  });

  it('reads percent-encoded credentials', () => {
    expect(credentialsOf('https://fax%20user:p%40ss%3Aword@h/')).toEqual({ username: 'fax user', password: 'p@ss:word' });
    expect(credentialsOf('https://h/path@x')).toBeUndefined();
  });

  propertyTest.prop([fc.webUrl({ withQueryParameters: true, withFragments: true })])(
    'never changes a URL without credentials, and always removes them when present',
    (url) => {
      expect(stripCredentials(url)).toBe(url);
      const withCredentials = url.replace('://', '://user:secret@');
      expect(stripCredentials(withCredentials)).toBe(url);
    },
  );
});

describe('URLs as written', () => {
  it.each([
    ["https://u:p@Fax.Example:443/fax box?who=o'neil&x=%7e#rc=1", "https://Fax.Example:443/fax%20box?who=o'neil&x=%7e"],
    ['http://h.example', 'http://h.example/'],
    ['http://h.example?x=1', 'http://h.example/?x=1'],
    ['http://h.example/a/./b/../c?d=../e', 'http://h.example/a/c?d=../e'],
    ['http://h.example/é\u0001', 'http://h.example/%C3%A9%01'],
  ])('requests %s as %s', (url, requested) => {
    expect(requestedUrl(url)).toBe(requested);
  });

  propertyTest.prop([fc.webUrl({ withQueryParameters: true, withFragments: true })])(
    'requests the same resource WHATWG parsing would, with bytes HTTP can carry',
    (url) => {
      const requested = requestedUrl(url);
      expect(requested).toMatch(/^[\u0021-\u007e]+$/);
      expect(new URL(requested).href).toBe(new URL(url.split('#', 1)[0] as string).href);
    },
  );

  it.each([
    ['/done', 'https://a.example/fax/in?x=1', 'https://a.example/done'],
    ["../done?n=o'neil", 'https://a.example/fax/in', "https://a.example/done?n=o'neil"],
    ['done', 'https://a.example/fax/in', 'https://a.example/fax/done'],
    ['?page=2', 'https://a.example/fax/in?page=1', 'https://a.example/fax/in?page=2'],
    ['//b.example/x', 'https://a.example/fax', 'https://b.example/x'],
    ["HTTP://B.example/x?q=o'neil", 'https://a.example/fax', "HTTP://B.example/x?q=o'neil"],
    ['/next', 'https://u:p@a.example/fax', 'https://u:p@a.example/next'],
  ])('resolves %s against %s to %s, keeping the bytes', (reference, base, resolved) => {
    expect(resolveReference(reference, base)).toBe(resolved);
  });

  it.each(['mailto:fax@example.com', 'http://', 'http://h\\evil.example/'])('resolves %s to nothing', (reference) => {
    expect(resolveReference(reference, 'https://a.example/fax')).toBeUndefined();
  });

  it('removes a port and nothing else, IPv6 literals included', () => {
    expect(withoutPort("https://u:p@Fax.Example:8443/a?b=o'neil")).toBe("https://u:p@Fax.Example/a?b=o'neil");
    expect(withoutPort('http://[::1]:3000/fax')).toBe('http://[::1]/fax');
    expect(withoutPort('http://[::1]/fax')).toBe('http://[::1]/fax');
  });
});

describe('twilioQuery', () => {
  it("encodes spaces as + and leaves ' as it is; signs @ and : unescaped", () => {
    expect(twilioQuery([['From', "\"Jane O'Neil\" <sip:jane@example.com>"], ['To', '+1 (555) 0100']])).toEqual({
      sent: "From=%22Jane+O'Neil%22+%3Csip%3Ajane%40example.com%3E&To=%2B1+%28555%29+0100",
      signed: "From=%22Jane+O'Neil%22+%3Csip:jane@example.com%3E&To=%2B1+%28555%29+0100",
    });
  });

  propertyTest.prop([pairs])('sends what a form decoder reads back as exactly the pairs given', (params) => {
    expect([...new URLSearchParams(twilioQuery(params).sent)]).toEqual(params);
  });
});
