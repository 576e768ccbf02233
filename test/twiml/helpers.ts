import { validateFaxTwiml, type ReplyBody, type ValidateOptions } from '../../src/twiml/index.js';

/** `check/code` of every diagnostic, the shortest way to say what a reply triggers. */
export function findings(body: ReplyBody, options: ValidateOptions = {}): string[] {
  return validateFaxTwiml(body, options).diagnostics.map((d) => `${d.check}/${d.code}`);
}

/** Wraps verbs in a reply with a declaration, as most servers send it. */
export function reply(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n  ${inner}\n</Response>\n`;
}
