import { execFileSync } from 'node:child_process';
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellQuote, toCurl } from '../../src/runner/curl.js';

describe('curl lines', () => {
  // A real shell is the oracle: whatever the string, the shell hands it back unchanged.
  test.prop([fc.array(fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/\u0000/g, '')), { minLength: 1, maxLength: 5 })], { numRuns: 25 })(
    'quotes any argument so a POSIX shell reads it back unchanged',
    (args) => {
      const out = execFileSync('sh', ['-c', `printf '%s\\0' ${args.map(shellQuote).join(' ')}`]).toString('utf8');
      expect(out.split('\u0000').slice(0, -1)).toEqual(args);
    },
  );

  it('writes a POST with every header, no Expect header, and the exact body', () => {
    const line = toCurl({
      method: 'POST',
      url: 'http://127.0.0.1:3000/fax?tenant=o%27neil',
      headers: { 'User-Agent': 'TwilioProxy/1.1', 'X-Twilio-Signature': 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', 'X-Empty': '' },
      body: "From=%2B15005550006&Name=O'Neil",
    });
    expect(line).toMatchInlineSnapshot(`"curl -sS -i --globoff -X POST 'http://127.0.0.1:3000/fax?tenant=o%27neil' -H 'User-Agent: TwilioProxy/1.1' -H 'X-Twilio-Signature: RSOYDt4T1cUTdK1PDd93/VVr8B8=' -H 'X-Empty;' -H Expect: --data-binary 'From=%2B15005550006&Name=O'\\''Neil'"`);
  });

  it('writes a GET without a body or method flag', () => {
    expect(toCurl({ method: 'GET', url: 'http://127.0.0.1:3000/fax?From=%2B1', headers: { Accept: '*/*' } })).toMatchInlineSnapshot(`"curl -sS -i --globoff 'http://127.0.0.1:3000/fax?From=%2B1' -H 'Accept: */*'"`);
  });

  it('sends a body that starts with @ as data, not as a file name', () => {
    expect(toCurl({ method: 'POST', url: 'http://h/fax', headers: {}, body: '@etc/passwd' })).toContain("--data-raw @etc/passwd");
  });

  it('authenticates from $FAX_USER and $FAX_PASSWORD instead of showing the Authorization header', () => {
    const request = { method: 'GET', url: 'http://h/fax', headers: { Authorization: 'Basic ZmF4OnNlY3JldA==', Accept: '*/*' } } as const;
    expect(toCurl(request, { httpAuth: 'basic' })).toBe(`curl -sS -i --globoff -u "$FAX_USER:$FAX_PASSWORD" http://h/fax -H 'Accept: */*'`);
    expect(toCurl(request, { httpAuth: 'digest' })).toBe(`curl -sS -i --globoff --digest -u "$FAX_USER:$FAX_PASSWORD" http://h/fax -H 'Accept: */*'`);
  });
});
