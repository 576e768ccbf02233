import type { TwimlSchema } from '../protocol/twiml-schema.js';
import type { Problem } from './diagnose.js';
import { clipName, quote } from './quote.js';
import type { XmlElement } from './xml/parse.js';

/**
 * Checks the root element: `<Response>` (12102 otherwise) and its `version`, if present (12101). A wrong root ends
 * validation, since Twilio reads nothing inside it; attributes of `<Response>` other than `version` are left to
 * verb-case and known-attributes.
 */
export function checkRoot(root: XmlElement, schema: TwimlSchema): Problem[] {
  if (root.name !== schema.root) {
    const lower = root.name.toLowerCase();
    const shown = clipName(root.name);
    // An <html> root is an error page or the wrong route far more often than TwiML written badly.
    const html = lower === 'html';
    const hint = lower === schema.root.toLowerCase()
      ? `rename <${shown}> to <${schema.root}>`
      : schema.verbs.some((verb) => verb.name.toLowerCase() === lower)
        ? `wrap it: <${schema.root}><${shown}/></${schema.root}>`
        : `reply with <${schema.root}>, e.g. <${schema.root}><Receive/></${schema.root}>${html ? '; an HTML page usually means an error page or the wrong route' : ''}`;
    const message = `the root element is <${shown}>, not <${schema.root}>${html ? ': the body is an HTML page, not TwiML' : ''}`;
    return [{ check: 'twiml-root', code: 'root_not_response', severity: 'error', twilioError: 12102, message, hint, offset: root.offset, path: root.name }];
  }
  const version = root.attributes.find((a) => a.name === 'version');
  if (version && !schema.rootVersions.includes(version.value)) {
    return [{
      check: 'twiml-root', code: 'invalid_version', severity: 'error', twilioError: 12101,
      message: `version=${quote(version.value)} on <${schema.root}> is not a TwiML version`,
      hint: `remove version, or use ${schema.rootVersions.join(' or ')}`,
      offset: version.offset, path: `${schema.root}/@version`,
    }];
  }
  return [];
}
