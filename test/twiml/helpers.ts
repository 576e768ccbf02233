import { expect } from 'vitest';
import { hasErrors } from '../../src/model/diagnostic.js';
import { validateFaxTwiml, type ReplyBody, type TwimlValidation, type ValidateOptions } from '../../src/twiml/index.js';

/** `check/code` of every diagnostic, the shortest way to say what a reply triggers. */
export function findings(body: ReplyBody, options: ValidateOptions = {}): string[] {
  return validateFaxTwiml(body, options).diagnostics.map((d) => `${d.check}/${d.code}`);
}

/** Wraps verbs in a reply with a declaration, as most servers send it. */
export function reply(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n  ${inner}\n</Response>\n`;
}

/** A reply with warnings but no error: not ok under the default failOn (warning), ok under failOn 'error'. */
export function expectWarnedOnly(result: TwimlValidation): void {
  expect(result.failOn).toBe('warning');
  expect(result.ok).toBe(false);
  expect(hasErrors(result.diagnostics)).toBe(false);
}
