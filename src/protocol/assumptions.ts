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
    id: 'redirect-limit-10',
    statement: 'More than 10 redirect hops is a loop (11215).',
    why: 'Twilio never published its redirect limit.',
  },
  {
    id: 'fax-request-headers',
    statement:
      'Fax webhooks carry `User-Agent: TwilioProxy/1.1`, `I-Twilio-Idempotency-Token`, `Accept: */*` and ' +
      '`Content-Type: application/x-www-form-urlencoded; charset=UTF-8`.',
    why: 'Seen in captures of other Twilio webhooks; no fax capture survives.',
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
    id: 'post-redirect-to-get',
    statement: 'After a 301, 302 or 303 a POST is repeated as a GET with the parameters in the query; 307 keeps POST.',
    why: 'Seen on Twilio webhooks; not documented.',
  },
];
