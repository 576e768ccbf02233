/**
 * A correctly signed request that real signature validators got wrong: values whose encoding is easy to break when a
 * server rebuilds what Twilio signed, or a URL Twilio signed differently from the one it requested.
 */
export interface SignatureProbe {
  /** Stable id, used to keep two failing probes apart in a report. */
  readonly id: string;
  /** What the request is, for the report ("…, by GET" is added). */
  readonly label: string;
  /** `From` and `To` of the probe (the case's own when absent). */
  readonly From?: string;
  readonly To?: string;
  /**
   * `true`: the probe goes to an https URL with an explicit port and is signed over the URL without that port, as
   * Twilio's security notes say it signs https requests ("drop the username, password and port"); only sent when
   * the webhook URL has such a port.
   */
  readonly signedWithoutPort?: boolean;
  /** Where the case comes from. */
  readonly source: string;
}

/** The probes `signature-accepted` sends, by every method the number uses. */
export const SIGNATURE_PROBES: readonly SignatureProbe[] = [
  {
    id: 'sip-display-name',
    label: "a SIP caller whose display name has spaces, '+', an apostrophe, '@' and ':'",
    From: `"Jane O'Neil + Co" <sip:+14155550100@pbx.example.com:5060>`,
    To: 'sip:fax@example.com;transport=tls',
    source: "twilio-node pull request #621 (a SIP Caller by GET: Twilio signs '@' and ':' unescaped) and issue 1059 (an apostrophe: Twilio signs it unescaped)",
  },
  {
    id: 'sip-uri',
    label: 'a SIP caller given as a bare SIP URI',
    From: 'sip:+14155550100@pbx.example.com:5060',
    To: 'sip:fax@example.com',
    source: 'twilio-node pull request #621',
  },
  {
    id: 'non-ascii',
    label: 'a SIP caller with a non-ASCII display name',
    From: '"Zoë Müller" <sip:zoe@example.de>',
    To: '+4930901820',
    source: 'UTF-8 percent-encoding, which hand-written decoders get wrong',
  },
  {
    id: 'https-port',
    label: 'a request to the https URL with its port, signed over the URL without the port',
    signedWithoutPort: true,
    source: "Twilio's security notes, quoted in twilio-node issue 411 and twilio-python issue 392",
  },
];
