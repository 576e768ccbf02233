import { describe, expect, it } from 'vitest';
import { FAIL_ON_LEVELS, failsOn } from '../../src/model/diagnostic.js';
import { validationReport } from '../../src/reporters/validation/validation-report.js';
import { validateFaxTwiml } from '../../src/twiml/index.js';

const MISCASED_ACTION = '<Response><Receive Action="/fax/received"/></Response>';

describe('validateFaxTwiml ok under failOn', () => {
  it('is not ok for a miscased Action by default, as validate and check fail it under --fail-on warning', () => {
    const result = validateFaxTwiml(MISCASED_ACTION, { contentType: 'text/xml' });
    expect(result).toMatchObject({ ok: false, failOn: 'warning' });
    expect(result.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });

  it.each([
    ['error', true],
    ['warning', false],
    ['notice', false],
    ['never', true],
  ] as const)('is ok=%s for a miscased Action under failOn %s', (failOn, ok) => {
    expect(validateFaxTwiml(MISCASED_ACTION, { contentType: 'text/xml', failOn }).ok).toBe(ok);
  });

  it.each([
    ['<Response><Receive/></Response>', 'text/xml'],
    ['<Response><Receive/></Response>', 'text/html'],
    ['<Response><Receive pageSize="A4"/></Response>', 'text/xml'],
    ['<Response><Say>hi</Say></Response>', 'text/xml'],
  ])('says ok exactly when no diagnostic fails under failOn, for %s as %s', (body, contentType) => {
    for (const failOn of FAIL_ON_LEVELS) {
      const result = validateFaxTwiml(body, { contentType, failOn });
      expect(result.ok).toBe(!result.diagnostics.some((d) => failsOn(d.severity, failOn)));
    }
  });

  it('throws a TypeError naming failOn and what it accepts for a level it does not know', () => {
    expect(() => validateFaxTwiml(MISCASED_ACTION, { failOn: 'warnings' as never })).toThrow(
      new TypeError("validateFaxTwiml: failOn must be one of 'error', 'warning', 'notice', 'never', not 'warnings'"),
    );
  });

  it("gives validate's report the validation's own ok, and refuses validations judged under another failOn", () => {
    const validation = validateFaxTwiml(MISCASED_ACTION, { failOn: 'error' });
    expect(validationReport([{ file: 'reply.xml', validation }], 'error')).toMatchObject({ ok: true, replies: [{ ok: true }] });
    expect(() => validationReport([{ file: 'reply.xml', validation }], 'warning')).toThrow(TypeError);
  });
});
