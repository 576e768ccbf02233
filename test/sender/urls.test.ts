import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { appendQuery, encodeParams } from '../../src/sender/index.js';
import { credentialsOf, stripCredentials } from '../../src/sender/url-credentials.js';

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
