import type { Severity } from '../../src/model/diagnostic.js';
import type { ValidatorCheckId } from '../../src/model/validator-checks.js';
import type { TwilioErrorCode } from '../../src/protocol/twilio-errors.js';

/** What `docs/checks.md` says of a check beyond its id, title, scope and skip reasons (which come from the registry). */
export interface CheckDescription {
  /** What the check sends, beyond the case's own request, or what it reads. */
  readonly sends: string;
  /** What makes it report a finding. */
  readonly failsWhen: string;
  /** The severities of its findings, worst first. */
  readonly severities: readonly Severity[];
}

/** A check of the harness that is not one of the validator's: its Twilio codes are listed here too. */
export interface HarnessCheckDescription extends CheckDescription {
  /** The Twilio error codes its findings carry. */
  readonly twilioErrors: readonly TwilioErrorCode[];
  /**
   * True when a finding may also carry the code of the failure its request met (11200 for a 500, 11205 for a
   * timeout, 12300 for a reply that lost its Content-Type): the variant and stateful checks.
   */
  readonly failureCodes?: true;
}

const READS_REPLIES = 'nothing of its own: reads every 2xx reply (and, in `validate` and `validateFaxTwiml`, the reply given)';

/**
 * The harness's own checks, by id. A test keeps these ids equal to the registry's, and every defect of the test zoo
 * within what its check's entry says (code and severity).
 */
export const HARNESS_CHECK_DESCRIPTIONS: Readonly<Record<string, HarnessCheckDescription>> = {
  reachable: {
    sends: 'nothing of its own: judges how every request of the case was delivered (two connection attempts of 5 s, only to addresses Twilio could reach)',
    failsWhen:
      'the connection is refused (11202) or times out (11201); DNS fails (11210); a redirect or action URL leads to a private address Twilio would not request (11205); TLS fails (11220, 11235-11237); the connection is reset; the reply is not HTTP or its headers are oversized (11206); the URL is not absolute http(s) (11100). It passes only a case whose reply it read: a connection that opens and stays silent until the timeout is response-time\'s finding, and reachable does not judge it',
    twilioErrors: [11100, 11201, 11202, 11205, 11206, 11210, 11220, 11235, 11236, 11237],
    severities: ['error'],
  },
  'response-time': {
    sends: 'nothing of its own: times every request of the case (15 s in all, `--timeout`)',
    failsWhen: 'no complete reply within the timeout (11205, an error); a reply slower than half of it (a warning: it times out on a busy day)',
    twilioErrors: [11205],
    severities: ['error', 'warning'],
  },
  'status-code': {
    sends: 'follows redirects as Twilio does: 301, 302, 303 and 307 only, at most 10 hops (after 301-303 a POST is repeated as a GET)',
    failsWhen:
      'the final status is not 2xx (11200); a redirect Twilio does not follow, such as 308 or one without an absolute http(s) `Location` (11216); a loop, or more than 10 hops (11215). A 401 with a challenge is HTTP authentication, never blamed on signatures. With a token, a 401/403 refusal of the correctly signed request is signature-accepted\'s (it names the mistake); without one, status-code reports it and asks for the token',
    twilioErrors: [11200, 11215, 11216],
    severities: ['error'],
  },
  'expect-verb': {
    sends: 'nothing of its own: reads the verb of every 2xx reply',
    failsWhen: 'the reply holds the other verb than `--expect receive|reject` names',
    twilioErrors: [],
    severities: ['error'],
  },
  'form-encoding': {
    sends:
      'the case again in equivalent form encodings (another parameter order, `+` or `%20` for a space, upper- or lower-case hex, every character percent-encoded), with phone numbers and with SIP addresses',
    failsWhen: 'an encoding fails where the reference request works, or gets another reply',
    twilioErrors: [],
    failureCodes: true,
    severities: ['error'],
  },
  'unknown-params': {
    sends: 'the case with parameters Twilio may add one day (`FaxQuality`, `CallerName`, `ForwardedFrom`, ...)',
    failsWhen: 'the reply breaks or changes',
    twilioErrors: [],
    failureCodes: true,
    severities: ['error'],
  },
  'get-post': {
    sends: 'the same parameters by GET (in the query) as by POST (in the body)',
    failsWhen: 'the GET fails, or gets another reply',
    twilioErrors: [],
    failureCodes: true,
    severities: ['error'],
  },
  'sip-addresses': {
    sends: "the case with `From` a SIP From value with a display name (`\"Jane O'Neil\" <sip:...>`), then a bare SIP URI, and `To` a SIP URI",
    failsWhen: 'the server fails on it (another reply is fine: a server may refuse SIP callers)',
    twilioErrors: [],
    failureCodes: true,
    severities: ['error'],
  },
  'signature-accepted': {
    sends:
      "nothing more for most cases: judges every case's base request, which the kit signs. Once per run, on the first example case, correctly signed requests that broke real validators (a SIP `From` by GET, an apostrophe, non-ASCII, an https URL's port signed without it), by each method the number uses; a method whose plain request is refused whatever it carries is left to get-post",
    failsWhen:
      "one is refused over its signature; the finding names the mistake (the query string decoded, `+` read as a space, ...) and the fix for the server's framework. A 404, 405 or 500 is another check's finding",
    twilioErrors: [],
    failureCodes: true,
    severities: ['error'],
  },
  'signature-enforced': {
    sends:
      "a correctly signed new fax (the control), then forged ones: no signature, another token's signature, a parameter changed after signing, a signature made for another URL",
    failsWhen: 'a forged request gets a 2xx: the server acts on faxes anyone can forge',
    twilioErrors: [],
    severities: ['error'],
  },
  cookies: {
    sends:
      'a conversation on a virtual clock with one cookie jar per (From, To) pair: a first fax, a second one carrying the cookies the server set, a fax from another pair (none), and one after 4 hours idle (none again)',
    failsWhen: 'a `Set-Cookie` Twilio refuses (11206); the server fails with its cookies, or once they have expired',
    twilioErrors: [11206],
    failureCodes: true,
    severities: ['error'],
  },
  caching: {
    sends: "GETs repeated as Twilio's cache would: the same URL again, and with `If-None-Match` / `If-Modified-Since` from the validators the cache holds",
    failsWhen:
      'a revalidation fails, or gets a 304 that does not match what was sent or that has a body (errors); a malformed `ETag` or `Last-Modified`, one strong ETag on two different bodies of the same URL (warnings: Twilio would act on a stale reply)',
    twilioErrors: [],
    failureCodes: true,
    severities: ['error', 'warning'],
  },
  'action-callback': {
    sends:
      "after `<Receive action>`, the callback Twilio would send, with the `method` the verb names and the call's cookies and HTTP-auth credentials: once for a received fax (a pre-signed `MediaUrl` on the kit's media server) and once for a failed one (`ErrorCode` 34004)",
    failsWhen:
      'no 2xx, a timeout or no connection, a reply over 64 kB (11750): one finding per callback; a reply that is TwiML but not well-formed (12100, a warning: the fax is done, Twilio acts on nothing in it)',
    twilioErrors: [11750, 12100],
    failureCodes: true,
    severities: ['error', 'warning'],
  },
  'fallback-reply': {
    sends:
      "with `--fallback-url`: each case's fax to the fallback URL, with `ErrorCode` and `ErrorUrl`: after the fax URL's own failure when it failed (that code, that URL, the same `FaxSid` and idempotency token), else as if it had failed with a code drawn from the seed (11200 for the examples), labelled so",
    failsWhen:
      "the fallback fails (an error: after a failure of the fax URL, Twilio has nothing left to try); its reply breaks the validator's rules, as the fax URL's would (their codes and severities, each message naming the fallback)",
    twilioErrors: [11200, 11205, 11750, 11770, 12100, 12101, 12102, 12200, 12300],
    failureCodes: true,
    severities: ['error', 'warning', 'notice'],
  },
  idempotency: {
    sends:
      'with `--fallback-url`: a new fax to the fax URL, then the same fax (same `FaxSid` and `I-Twilio-Idempotency-Token`) to the fallback, with `ErrorCode` (11205 or 11200, as if the fax URL had failed after storing it) and `ErrorUrl`; with `--endpoint fallback`, both to the URL, the first without `ErrorCode`. When the second fails, another new fax straight to the fallback',
    failsWhen:
      "the second delivery fails while the fallback answers a new fax (an error: Twilio would fail the fax); with `--endpoint fallback`, it gets another verb than the first (a warning)",
    twilioErrors: [],
    failureCodes: true,
    severities: ['error', 'warning'],
  },
  'status-callback-accepted': {
    sends: '(`--endpoint status-callback`) every status callback of an outbound fax in order, POSTed: `queued`, maybe `processing` and `sending`, then its ending',
    failsWhen: 'a callback gets no 2xx within the timeout (warnings: the fax is unaffected, Twilio logged 11200 and the app never learnt the status; the body is ignored)',
    twilioErrors: [11200],
    failureCodes: true,
    severities: ['warning'],
  },
  'status-callback-failed-fax': {
    sends: '(`--endpoint status-callback`) the last callback of a fax that was not delivered (`failed` with 34004, `busy`, `no-answer`, `canceled`): `ErrorCode` and `ErrorMessage`, no `NumPages`, no `MediaUrl`',
    failsWhen: 'it gets no 2xx while the `queued` callback of the same fax did (a warning)',
    twilioErrors: [11200],
    failureCodes: true,
    severities: ['warning'],
  },
  'status-callback-order': {
    sends: "(`--endpoint status-callback`) a new fax's callbacks in order (the control), then another new fax's ending before its `queued` callback, and its ending again",
    failsWhen: 'a callback out of order or repeated gets no 2xx while the same callbacks in order do (warnings)',
    twilioErrors: [11200],
    failureCodes: true,
    severities: ['warning'],
  },
};

/** The validator's checks, by id; their Twilio codes come from `VALIDATOR_CHECKS`. */
export const VALIDATOR_CHECK_DESCRIPTIONS: Readonly<Record<ValidatorCheckId, CheckDescription>> = {
  'content-type': {
    sends: READS_REPLIES,
    failsWhen: 'no Content-Type, or anything but `text/xml` or `application/xml` (errors); `text/html` (a notice: Twilio reads it as TwiML for voice and messaging)',
    severities: ['error', 'notice'],
  },
  'body-size': {
    sends: READS_REPLIES,
    failsWhen: 'a reply over 64 kB (nothing inside it is judged)',
    severities: ['error'],
  },
  'xml-well-formed': {
    sends: READS_REPLIES,
    failsWhen:
      'not XML: unclosed or mismatched tags, two roots, an unescaped `&`, whitespace before `<?xml`, any DOCTYPE, bytes that are not UTF-8 (12100); an empty body (11200, or 11770 when chunked)',
    severities: ['error'],
  },
  'twiml-root': {
    sends: READS_REPLIES,
    failsWhen: 'a root other than `<Response>` (12102); a `version` Twilio does not know (12101)',
    severities: ['error'],
  },
  'verb-case': {
    sends: READS_REPLIES,
    failsWhen: '`<receive>`, `<REJECT>`, `MediaType=`: the right name in the wrong case (a warning: Twilio skips it; an error when no fax verb is left)',
    severities: ['error', 'warning'],
  },
  'known-verbs': {
    sends: READS_REPLIES,
    failsWhen: '`<Say>`, `<Message>`, `<Fax>` and other elements that are not fax verbs (a warning: Twilio skips them; an error when no fax verb is left)',
    severities: ['error', 'warning'],
  },
  'known-attributes': {
    sends: READS_REPLIES,
    failsWhen: '`quality=`, `statusCallback=`, any attribute on `<Reject>` (warnings: Twilio ignores them)',
    severities: ['warning'],
  },
  'attribute-values': {
    sends: READS_REPLIES,
    failsWhen:
      '`pageSize="A4"`, `method="post"`: a value outside its enumeration (a warning: Twilio uses the default); an `action` that is neither relative nor http(s), e.g. `ftp://...` (an error, 11100: no callback comes)',
    severities: ['error', 'warning'],
  },
  'fax-action': {
    sends: READS_REPLIES,
    failsWhen: 'no `<Receive>` or `<Reject>` (34106, an error); text in `<Response>` or inside a verb, a second verb (warnings, 12200)',
    severities: ['error', 'warning'],
  },
};
