import {
  ACCOUNT_SID_PATTERN,
  API_VERSION,
  E164_PATTERN,
  FAX_SID_PATTERN,
  RECEIVE_VERB,
  SIP_URI_PATTERN,
  TWILIO_FAX_TWIML,
  type VerbSpec,
} from '../protocol/index.js';

/**
 * The regular expressions the contract carries, as strings for Pact's Rust matcher (the `regex` crate: no
 * look-around, so each pattern is written without it). Built from `src/protocol/` so the contract and the
 * kit's own checks can never disagree.
 */

/** `^...$` of a protocol pattern without its anchors, to combine it with others. */
function unanchored(pattern: RegExp): string {
  return pattern.source.replace(/^\^/, '').replace(/\$$/, '');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex that matches exactly one of `values`, case included. */
export function oneOfPattern(values: readonly string[]): string {
  return `^(${values.map(escapeRegex).join('|')})$`;
}

/** The value patterns of the request parameters Twilio sends. */
export const PARAMETER_PATTERNS = {
  FaxSid: FAX_SID_PATTERN.source,
  AccountSid: ACCOUNT_SID_PATTERN.source,
  /** `To`: an E.164 number or a SIP URI. */
  to: `^(${unanchored(E164_PATTERN)}|${unanchored(SIP_URI_PATTERN)})$`,
  /** `From`: the same, or a SIP From value with a display name (`"Jane Doe" <sip:jane@example.com>`). */
  from: `^(${unanchored(E164_PATTERN)}|${unanchored(SIP_URI_PATTERN)}|.*<${unanchored(SIP_URI_PATTERN)}>)$`,
  ApiVersion: oneOfPattern([API_VERSION]),
  count: '^[0-9]+$',
  /** Free text (a TSID, an error message): any single line, empty included. */
  text: '^.*$',
  httpsUrl: '^https://\\S+$',
} as const;

/**
 * `Content-Type` of a TwiML reply, any parameters: `text/xml`, `application/xml`, and `text/html`, which Twilio read
 * as TwiML too (assumption `text-html-is-twiml`): `check` gives it a notice, not a failure, and so must the contract.
 * The notice itself comes from the kit's own verdict of the reply, which `pact verify` adds to Pact's.
 */
export const TWIML_CONTENT_TYPE_PATTERN = `^(${[...TWILIO_FAX_TWIML.contentTypes, ...TWILIO_FAX_TWIML.undocumentedContentTypes].map(escapeRegex).join('|')})(\\s*;.*)?$`;

/**
 * `<Receive action>`: an absolute http(s) URL, or a relative reference (no scheme: the first segment has no `:`),
 * which Twilio resolves against the webhook URL.
 */
export const ACTION_URL_PATTERN = '^(https?://\\S+|[^\\s:/?#]*([/?#]\\S*)?)$';

/** The pattern of each `<Receive>` attribute: its enumeration, or the action URL pattern. */
export function receiveAttributePatterns(verb: VerbSpec = RECEIVE_VERB): ReadonlyArray<readonly [name: string, pattern: string]> {
  return verb.attributes.map((attribute) => [
    attribute.name,
    attribute.kind === 'enum' && attribute.values ? oneOfPattern(attribute.values) : ACTION_URL_PATTERN,
  ]);
}
