/**
 * Everything the kit assumes because Twilio never published it. Each is named in the README; nothing else in the
 * code may assume silently. Ids are stable.
 */
export interface Assumption {
  readonly id: string;
  readonly statement: string;
  readonly why: string;
}

export const ASSUMPTIONS: readonly Assumption[] = [
  {
    id: 'attribute-values-case-sensitive',
    statement: 'Attribute values are case-sensitive: `A4`, `post`, `PDF` are invalid.',
    why: 'Twilio documents case-sensitive names; values are XML-schema enumerations, which are case-sensitive.',
  },
  {
    id: 'first-verb-runs',
    statement: 'With several verbs only the first runs; the rest are unreachable (a warning).',
    why: 'TwiML verbs execute top to bottom and both fax verbs end the fax decision.',
  },
  {
    id: 'utf-8-replies',
    statement: 'Replies are read as UTF-8, whatever their XML declaration or charset says; bytes that are not UTF-8 are 12100.',
    why: 'Twilio documents no other encoding for TwiML, and every helper library writes UTF-8.',
  },
  {
    id: 'redirect-limit-10',
    statement: 'More than 10 redirect hops is a loop (11215).',
    why: "Twilio never published its webhook redirect limit (11215 gives no number); the only limit it published is 5, for Add-ons (61008). Unsure.",
  },
  {
    id: 'fax-request-headers',
    statement:
      'Fax webhooks carry `User-Agent: TwilioProxy/1.1`, `I-Twilio-Idempotency-Token`, `Accept: */*` and ' +
      '`Content-Type: application/x-www-form-urlencoded; charset=UTF-8`.',
    why: 'Seen in captures of other Twilio webhooks; no fax capture survives. Fairly sure.',
  },
  {
    id: 'root-versions',
    statement: 'The `version` attribute of `<Response>` may be absent, `2008-08-01` or `2010-04-01`; anything else is 12101.',
    why: 'Twilio documents 12101 but not the list of versions; these are the two TwiML API versions.',
  },
  {
    id: 'text-html-warning',
    statement: '`text/html` replies are a warning, not an error.',
    why: "Twilio's messaging docs accept text/html; the fax docs never say.",
  },
  {
    id: 'schema-violation-fails-running-verb',
    statement:
      'A value outside its enumeration, a non-http(s) `action`, or content inside the verb that runs fails the fax ' +
      '(an error); on a verb that never runs it is a warning. Unknown or miscased names stay warnings.',
    why: 'Twilio skips unknown names (12200 warning) but documents no fallback for a value or content it cannot honour.',
  },
  {
    id: 'post-redirect-to-get',
    statement: 'After a 301, 302 or 303 a POST is repeated as a GET with the parameters in the query; 307 keeps POST.',
    why: 'Seen on Twilio webhooks after a 301/302/303 (OpenVBX#199); what follows a 307 was never published (twilio-node#1059 hints at the parameters in the query). Sure for 301-303, unsure for 307.',
  },
  {
    id: 'connect-retry-only',
    statement:
      'Only connecting is retried: a refused or timed-out connection is tried once more (two attempts, then 11202 or ' +
      '11201), at once; a reset or a reply slower than the total timeout ends the request.',
    why: "Twilio's 11201 and 11202 pages name two connection attempts, and its default retry policy is `ct` (connection timeout); whether anything else is retried is unpublished. Fairly sure.",
  },
  {
    id: 'auth-retry-once-per-url',
    statement:
      "After a 401 with a Basic or Digest challenge, the call's credentials (from the webhook URL, kept for every " +
      'request of the call: redirects and the action callback too) are sent once (Basic when both are offered); a ' +
      'second 401 is the reply. Each URL starts again without them.',
    why: 'Twilio documents the retry after a 401 and that it "remains logged in for the duration of the call", but not how often it retries or which scheme it prefers. Fairly sure.',
  },
  {
    id: 'fragment-not-signed',
    statement: 'A URL fragment (connection overrides such as `#ct=`) is neither sent nor part of the signature.',
    why: "HTTP never sends fragments; Twilio does not say whether it signs them (twilio-node's validator keeps them in the URLs it tries). Unsure.",
  },
  {
    id: 'failed-fax-error-codes',
    statement: 'Failed-fax callbacks carry illustrative `ErrorCode` values (15001-15004) and messages.',
    why: 'Twilio never published the list of fax failure codes.',
  },
  {
    id: 'signature-distinct-values',
    statement: 'A repeated parameter name is signed with each distinct value once, sorted.',
    why: 'Twilio says each value; twilio-node (`new Set`) and twilio-python (`sorted(set(...))`) both sign distinct values, and no validator would accept another signature. Sure; fax never repeats a name anyway.',
  },
  {
    id: 'fax-media-url',
    statement:
      "The action callback's `MediaUrl` is a Fax API media URL (`https://fax.twilio.com/v1/Faxes/{FaxSid}/Media/{MediaSid}`; " +
      'the 2010 API path `/2010-04-01/Accounts/{AccountSid}/Faxes/{FaxSid}/Media/{MediaSid}` is served too) answering the PDF ' +
      'or TIFF bytes. The harness points it at its own loopback media server; `twiml-fax-kit/msw` serves both paths.',
    why: 'Twilio documented `MediaUrl` only as the media URL, valid for 2 hours; captured fax resources show a pre-signed media.twiliocdn.com `media_url`, which the handlers serve too.',
  },
  {
    id: 'get-signing-as-voice',
    statement:
      "The parameters Twilio appends to a GET URL are sent form-encoded with `'` as it is, and signed with `'`, `@` " +
      'and `:` as they are (`From=sip%3Aa%40b` sent, `From=sip:a@b` signed).',
    why: 'Never documented; reported for voice and SMS webhooks (twilio-node PR #621, #1059, #1183, twilio-ruby#528), and fax used the same webhook client. Fairly sure.',
  },
  {
    id: 'https-port-signed-as-requested',
    statement: "The signature covers the URL's port as requested, on HTTPS too; the port-less variant is sent only when a check asks for it.",
    why: "Twilio's security notes say it drops the port on HTTPS, but it was seen kept for callbacks and SMS (twilio-node#411, twilio-python#402) and dropped for voice TwiML requests; validators accept both. Unsure.",
  },
  {
    id: 'reply-limits-as-curl',
    statement: 'A reply whose status line and headers pass 300 KB, or that stacks more than 5 content codings, is an HTTP protocol violation (11206).',
    why: "Twilio published no such limits; these are curl's (CVE-2023-38039, CVE-2022-32206), far beyond any real reply. Unsure of Twilio's numbers, sure a reply past them is broken.",
  },
];
