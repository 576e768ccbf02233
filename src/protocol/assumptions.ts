/**
 * Everything the kit assumes because Twilio never published it. Each is listed in docs/assumptions.md (generated from
 * this file by `npm run docs`); nothing else in the code may assume silently. Ids are stable.
 */
export interface Assumption {
  readonly id: string;
  readonly statement: string;
  readonly why: string;
}

/** Every assumption the kit makes, each with how sure we are; docs/assumptions.md lists them (`npm run docs`). */
export const ASSUMPTIONS: readonly Assumption[] = [
  {
    id: 'attribute-values-case-sensitive',
    statement: 'Attribute values are case-sensitive: `A4`, `post`, `PDF` are outside their enumerations (a warning: Twilio uses the default).',
    why:
      'Twilio documents case-sensitive verb and attribute names and writes every value in one case; an XML-schema ' +
      'enumeration is case-sensitive. How Twilio compares values was never published: unsure, Twilio may accept `A4`.',
  },
  {
    id: 'first-verb-runs',
    statement: 'With several verbs only the first runs; the rest are unreachable (a warning).',
    why: "TwiML verbs execute top to bottom (Twilio's \"Your response\" pages) and both fax verbs end the fax decision; fairly sure.",
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
    id: 'text-html-is-twiml',
    statement: '`text/html` replies are read as TwiML for fax too: a notice, with no Twilio error.',
    why:
      "Twilio's \"Your response\" pages for voice and messaging list text/xml, application/xml and text/html alike " +
      'as TwiML; the fax pages name no type, and a 2025 support article (voice, SMS) counts an HTML page among the ' +
      'causes of 12300. Fairly sure for a TwiML body.',
  },
  {
    id: 'invalid-value-uses-default',
    statement:
      'A value outside its enumeration, text in `<Response>` or content inside a verb is a 12200 warning: Twilio ' +
      'ignores it and the verb runs, with the default for that attribute (`pageSize="letter"`).',
    why:
      "12200 is a WARNING in Twilio's error dictionary, and so is every voice \"Invalid method value\" code (13210, " +
      '13312, 13610, 13710); nothing shows Twilio failing a call or fax on a value. Sure of the severity; that the ' +
      'default applies is inferred.',
  },
  {
    id: 'bad-action-fails-callback-only',
    statement:
      'An `action` that is neither relative nor http(s) does not stop the fax: Twilio receives it, and the request ' +
      'for the action fails (11100, an error); no action callback comes.',
    why:
      "Twilio's 11100 lists \"Bad URL provided for a verb's action attribute\"; nothing says Twilio checks the URL " +
      'before the verb runs. Fairly sure.',
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
    id: 'connection-per-request',
    statement:
      'Every request goes on a connection of its own, which the kit closes once the reply is read; the request itself ' +
      'is unchanged (`Connection: keep-alive`, as HTTP/1.1 clients send).',
    why: "Twilio's webhook deliveries come from a fleet of proxies; whether two of them share a connection is unpublished. A kit that kept connections between exchanges blamed servers for its own stale ones (a keep-alive timeout ending just as it sent: 11206), randomly. Fairly sure it costs no real defect.",
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
    statement:
      "A failed fax's action callback carries Twilio's fax error code 34004 (\"Error during fax transmission\") as " +
      '`ErrorCode` and its title as `ErrorMessage`; the generators also draw 34002, 34003 and 34108.',
    why: "34002, 34003, 34004 and 34108 are Twilio's fax error codes; which one a failed incoming fax carried was never published, and 34004 is the one that fits a reception.",
  },
  {
    id: 'signature-distinct-values',
    statement: 'A repeated parameter name is signed with each distinct value once, sorted.',
    why: 'Twilio says each value; twilio-node (`new Set`) and twilio-python (`sorted(set(...))`) both sign distinct values, and no validator would accept another signature. Sure; fax never repeats a name anyway.',
  },
  {
    id: 'fax-media-url',
    statement:
      "The action callback's `MediaUrl` is a pre-signed URL on Twilio's media CDN with no file extension " +
      '(`https://media.twiliocdn.com/fax/{AccountSid}/{key}?X-Amz-…&X-Amz-Expires=7200&…`) that refuses an ' +
      '`Authorization` header and a changed query, as S3 does. The Fax Media resource `fax.twilio.com/v1/Faxes/{FaxSid}/Media/{MediaSid}` ' +
      'answers JSON, not the bytes. The harness serves the same shape on its loopback media server.',
    why: "Twilio documented `MediaUrl` only as the media URL, valid for 2 hours; captured fax media URLs have this shape, and Twilio's Fax Media page says the bytes it promised were not yet implemented.",
  },
  {
    id: 'callback-reply-ignored',
    statement: 'Twilio acts on nothing in the reply to an action callback: a reply that is TwiML but not well-formed is a warning (12100), not a failed fax.',
    why: 'The fax is received or failed by then; Twilio documents no verb for that reply, only the 64 kB limit (11750, which advises `<Response/>`).',
  },
  {
    id: 'cookies-per-number-pair',
    statement: 'Cookies are kept per (From, To) pair, forgotten after 4 hours without traffic, and sent on every request of the call, the action callback included.',
    why: "Twilio's cookie article describes messaging; the fax docs only say that Twilio accepts cookies and includes them in each request.",
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
  {
    id: 'signalwire-as-twilio',
    statement:
      "Under `--profile signalwire`, whatever SignalWire did not publish is Twilio's: the reply's root, versions, 64 kB " +
      'limit and content types, the request headers and idempotency token, redirects and their limit, cookies, the ' +
      "signing of GET queries (raw `'`, `@`, `:`), the action callback's failure codes (34004), the fallback URL's request (`ErrorCode`, `ErrorUrl`), and the codes of the " +
      'failures its error list leaves out (11201, 11202, 11205, 11206, 11216, TLS).',
    why:
      "SignalWire's Compatibility API is a Twilio-compatible service and documents only where it differs; its own " +
      'SDK is a fork of twilio-node. Fairly sure for the reply rules, unsure for the sender (its headers, its GET ' +
      'signing, its redirect limit).',
  },
  {
    id: 'signalwire-media-url',
    statement:
      "SignalWire's `MediaUrl` of a received fax is `https://{space}.signalwire.com/api/laml/2010-04-01/Accounts/" +
      '{AccountSid}/Faxes/{FaxSid}/Media/{key}`, with no query; the kit serves it on loopback as it serves Twilio\'s.',
    why: "SignalWire documents `MediaUrl` only as \"the media URL to request to retrieve incoming media\"; its Fax resource links its media at `/api/laml/2010-04-01/Accounts/{AccountSid}/Faxes/{FaxSid}/Media`. Unsure of the shape.",
  },
  {
    id: 'signalwire-total-timeout',
    statement: 'SignalWire gives a webhook 9.5 s in all (4.5 s to connect, 5 s to read), and a timeout is 11200.',
    why: "Its \"Common Webhook Errors\" guide gives the two timeouts and \"we retry twice once the connection times out\"; that the read timeout starts when the connection is made, so that the total is their sum, is inferred. Fairly sure.",
  },
  {
    id: 'status-callback-base-params',
    statement: 'Status callbacks carry `FaxSid`, `AccountSid`, `From`, `To` and `ApiVersion`, as every fax request did, besides the fax-specific parameters.',
    why:
      "Twilio's page of status-callback parameters is gone; SignalWire's callbacks page lists only the fax-specific ones, and every other Twilio " +
      'status callback (voice, messaging) carries the resource sid, the account, the numbers and the API version. Fairly sure.',
  },
  {
    id: 'status-callback-failed-omits',
    statement: 'The callbacks of a fax that was not delivered have no `NumPages` and no `MediaUrl`; its last one carries `ErrorCode` and `ErrorMessage` (none for `canceled`).',
    why:
      "SignalWire documents NumPages as the pages \"from a successful fax\" and ErrorCode, ErrorMessage for a failed one; Twilio's <Receive action> " +
      'callback sent neither on failure, and the Fax resource has `num_pages` null until pages were sent. Fairly sure.',
  },
  {
    id: 'status-callback-progress',
    statement: 'Between `queued` and the ending, a fax may also get `processing` and `sending` callbacks; the kit sends them in some generated cases.',
    why:
      'Support article 360007630493 said first that Twilio sends 2 callbacks (queued, then delivered or failed), later that it calls the URL ' +
      '"for every status change" and listed queued, processing, sending, delivered. Unsure which held when; a server must take both.',
  },
  {
    id: 'status-callback-failure-logged',
    statement:
      'A status callback that got no 2xx within the timeout was logged in the debugger (11200 for a status that is not 2xx) and not retried; ' +
      'the fax was not affected: a warning.',
    why:
      "Twilio documents no retry of fax status callbacks, and 11200 is its error for any webhook answered 4xx or 5xx; the fax was sent or " +
      'failed before the callback. Sure the fax was unaffected; unsure there was no retry.',
  },
  {
    id: 'status-callback-reply-ignored',
    statement: 'Twilio ignored the body of the reply to a status callback: only its status counts.',
    why: 'A status callback is a notification; no fax page describes any use of its reply, and no verb applies after the fax. Sure.',
  },
  {
    id: 'status-callback-order-not-guaranteed',
    statement: 'Status callbacks may arrive out of order (the ending before `queued`) or twice.',
    why:
      'Never published for fax. Each callback was a separate asynchronous request (support article 360007630493), so nothing orders them, ' +
      'and a webhook delivery may be repeated (the idempotency token exists for that). Fairly sure a server meets it.',
  },
  {
    id: 'fallback-requested-after',
    statement:
      'The fallback URL is requested after every failure to retrieve the TwiML (11200, 11201, 11202, 11205, 11206, 11210, ' +
      '11215, 11216, 11220, 11235-11237), a reply too large or empty (11750, 11770), and TwiML Twilio cannot execute ' +
      '(12100, 12101, 12102, 12300); not after warnings (12200), which Twilio logs and goes on.',
    why:
      'Twilio publishes the rule ("unable to retrieve or execute TwiML", the Availability and Reliability page; 11205 "try ' +
      'your fallback URL") but no list of codes, and nothing fax-specific. Fairly sure for retrieval failures, unsure ' +
      'for each TwiML error.',
  },
  {
    id: 'fallback-params-appended',
    statement: "The fallback request carries the fax URL's parameters, then `ErrorCode`, then `ErrorUrl`.",
    why: 'Twilio names the two parameters but not their order; the signature does not depend on it (parameters are sorted). Only a server that reads the raw body in order could tell.',
  },
  {
    id: 'fallback-error-url',
    statement: '`ErrorUrl` is the URL the failure occurred on (the last one requested, after redirects), without credentials.',
    why: 'Twilio: "what URL the failure occurred on". Whether that is the URL as configured or after redirects, and whether URL credentials stay in it, was never published. Unsure.',
  },
  {
    id: 'fallback-same-fax',
    statement: "The fallback request is the same fax: the same `FaxSid` and the same `I-Twilio-Idempotency-Token` as the failed request to the fax URL, and the number's `VoiceFallbackMethod` is the fax URL's method (`--method`).",
    why:
      "The `FaxSid` is the fax's, so it stays. Nothing Twilio published says whether the token stays for the " +
      'fallback; the kit keeps it, so a server keyed on it or on the FaxSid sees one fax. One method for both URLs ' +
      "(Twilio's default for each is POST). Fairly sure for the FaxSid, unsure for the token.",
  },
];
