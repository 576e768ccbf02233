/**
 * `From`/`To` values whose encoding is easy to get wrong when a server rebuilds what Twilio signed: `+` (which a
 * form decoder must keep apart from a space), spaces, `'`, `@`, `:`, non-ASCII, SIP display names.
 */
export const TRICKY_ADDRESSES: readonly { readonly label: string; readonly From: string; readonly To: string }[] = [
  {
    label: "a SIP caller whose display name has spaces, '+', a quote, '@' and ':'",
    From: `"Jane O'Neil + Co" <sip:+14155550100@pbx.example.com:5060>`,
    To: 'sip:fax@example.com;transport=tls',
  },
  { label: 'a SIP caller with a non-ASCII display name', From: '"Zoë Müller" <sip:zoe@example.de>', To: '+4930901820' },
];
