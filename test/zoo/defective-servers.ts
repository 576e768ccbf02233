import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { CheckServerOptions } from '../../src/harness/check-server.js';
import type { TwilioErrorCode } from '../../src/protocol/twilio-errors.js';
import { readParams, readText, RECEIVE_XML, REJECT_XML, send } from './serve.js';

/** One defective fax server of the zoo: exactly one defect, and the check that must catch it. */
export interface DefectiveServer {
  readonly name: string;
  /** How to reach it: a request listener, a TCP server that speaks no HTTP, or a port nobody listens on. */
  readonly server: RequestListener | 'garbage' | 'refused';
  /** The path checked (default `/fax`). */
  readonly path?: string;
  readonly options?: CheckServerOptions;
  /** `code: '*'`: any code of that check. */
  readonly caughtBy: { readonly check: string; readonly code: string; readonly twilioError?: TwilioErrorCode; readonly severity?: 'error' | 'warning' | 'notice' };
  /** Other checks allowed to report errors as a direct consequence of the same defect. */
  readonly alsoReportedBy?: readonly string[];
}

/** A conforming fax webhook except for what `reply` does. */
function faxServer(reply: (req: IncomingMessage, res: ServerResponse, params: URLSearchParams) => void): RequestListener {
  return (req, res) => {
    void readParams(req).then((params) => reply(req, res, params));
  };
}

const xmlReply = (xml: string, contentType: string | null = 'text/xml'): RequestListener => faxServer((_req, res) => send(res, 200, xml, contentType));

/** Every defect the zoo holds; together they cover every harness check and every validator check. */
export const DEFECTIVE_SERVERS: readonly DefectiveServer[] = [
  { name: 'nothing listens on the port', server: 'refused', caughtBy: { check: 'reachable', code: 'connection_refused', twilioError: 11202 } },
  { name: 'the port speaks something that is not HTTP', server: 'garbage', caughtBy: { check: 'reachable', code: 'malformed_http', twilioError: 11206 } },
  {
    name: 'a reply slower than the timeout',
    server: faxServer((_req, res) => setTimeout(() => send(res, 200, RECEIVE_XML), 1_500).unref()),
    options: { timeoutMs: 200 },
    caughtBy: { check: 'response-time', code: 'reply_timeout', twilioError: 11205 },
  },
  {
    name: '500 when From is longer than 13 characters (a VARCHAR(13) column)',
    server: faxServer((_req, res, params) => ((params.get('From') ?? '').length > 13 ? send(res, 500, 'internal error\n', 'text/plain') : send(res, 200, RECEIVE_XML))),
    options: { runs: 20 },
    caughtBy: { check: 'status-code', code: 'error_status', twilioError: 11200 },
    // SIP From values are longer than 13 characters too: the same defect fails every SIP fax.
    alsoReportedBy: ['sip-addresses'],
  },
  {
    name: '405 on GET although the number is configured for GET',
    server: faxServer((req, res) => (req.method === 'GET' ? send(res, 405, 'Method Not Allowed\n', 'text/plain') : send(res, 200, RECEIVE_XML))),
    options: { method: 'GET' },
    caughtBy: { check: 'status-code', code: 'error_status', twilioError: 11200 },
  },
  {
    name: 'a 308 redirect, which Twilio does not follow',
    server: (req, res) => {
      if (req.url?.startsWith('/fax')) return faxServer((_r, s) => send(s, 200, RECEIVE_XML))(req, res);
      res.writeHead(308, { Location: '/fax' }).end();
    },
    path: '/old-fax',
    caughtBy: { check: 'status-code', code: 'invalid_redirect', twilioError: 11216 },
  },
  {
    name: 'a redirect loop',
    server: (_req, res) => res.writeHead(302, { Location: '/loop' }).end(),
    path: '/loop',
    caughtBy: { check: 'status-code', code: 'redirect_loop', twilioError: 11215 },
  },
  { name: 'a text/plain reply', server: xmlReply(RECEIVE_XML, 'text/plain'), caughtBy: { check: 'content-type', code: 'invalid_content_type', twilioError: 12300 } },
  {
    name: 'a text/html reply (undocumented for fax: a notice, Twilio reads it as TwiML)',
    server: xmlReply(RECEIVE_XML, 'text/html; charset=utf-8'),
    caughtBy: { check: 'content-type', code: 'undocumented_content_type', severity: 'notice' },
  },
  {
    name: 'a JSON error body',
    server: xmlReply('{"error":"fax handling failed"}', 'application/json'),
    caughtBy: { check: 'content-type', code: 'invalid_content_type', twilioError: 12300 },
    // Not XML either: a second, real defect of the same reply.
    alsoReportedBy: ['xml-well-formed'],
  },
  { name: 'no Content-Type at all', server: xmlReply(RECEIVE_XML, null), caughtBy: { check: 'content-type', code: 'missing_content_type', twilioError: 12300 } },
  {
    name: 'a reply larger than 64 kB',
    server: xmlReply(`<?xml version="1.0"?><Response><!-- ${'x'.repeat(70_000)} --><Receive/></Response>`),
    caughtBy: { check: 'body-size', code: 'body_too_large', twilioError: 11750 },
  },
  { name: 'a literal 200 as the body', server: xmlReply('200'), caughtBy: { check: 'xml-well-formed', code: '*', twilioError: 12100 } },
  {
    name: 'whitespace before the XML declaration',
    server: xmlReply(`\n  ${RECEIVE_XML}`),
    caughtBy: { check: 'xml-well-formed', code: '*', twilioError: 12100 },
  },
  { name: 'a root element other than Response', server: xmlReply('<Fax><Receive/></Fax>'), caughtBy: { check: 'twiml-root', code: 'root_not_response', twilioError: 12102 } },
  {
    name: 'a lower-case verb',
    server: xmlReply('<Response><receive/></Response>'),
    caughtBy: { check: 'verb-case', code: 'verb_case_mismatch', twilioError: 12200 },
    alsoReportedBy: ['fax-action'],
  },
  {
    name: 'a voice verb in a fax reply',
    server: xmlReply('<Response><Say>Please hold</Say><Receive/></Response>'),
    caughtBy: { check: 'known-verbs', code: 'unknown_verb', twilioError: 12200, severity: 'warning' },
  },
  {
    name: 'an attribute <Receive> does not have',
    server: xmlReply('<Response><Receive quality="fine"/></Response>'),
    caughtBy: { check: 'known-attributes', code: 'unknown_attribute', twilioError: 12200, severity: 'warning' },
  },
  {
    name: 'pageSize="A4" (values are case-sensitive: Twilio uses letter)',
    server: xmlReply('<Response><Receive pageSize="A4"/></Response>'),
    caughtBy: { check: 'attribute-values', code: '*', twilioError: 12200, severity: 'warning' },
  },
  { name: 'an empty <Response/>', server: xmlReply('<Response/>'), caughtBy: { check: 'fax-action', code: 'no_fax_action', twilioError: 34106 } },
  {
    name: '<Reject/> where receiving was expected',
    server: xmlReply(REJECT_XML),
    options: { expect: 'receive' },
    caughtBy: { check: 'expect-verb', code: 'unexpected_verb' },
  },
  {
    name: "a hand-written form decoder that leaves '+' alone",
    server: (req, res) => {
      void readText(req).then((body) => {
        // decodeURIComponent does not turn '+' into a space: "Jane+O'Neil" with '+', "Jane O'Neil" with %20.
        const from = body.split('&').map((pair) => pair.split('=')).find(([name]) => name === 'From')?.[1] ?? '';
        const caller = encodeURIComponent(decodeURIComponent(from));
        send(res, 200, `<Response><Receive action="/fax/received?caller=${caller}"/></Response>`);
      });
    },
    caughtBy: { check: 'form-encoding', code: 'encoding_changes_reply' },
  },
  {
    name: 'a 400 on parameters it does not know',
    server: faxServer((_req, res, params) => {
      const known = new Set(['FaxSid', 'AccountSid', 'From', 'To', 'ApiVersion']);
      const unknown = [...params.keys()].filter((name) => !known.has(name));
      if (unknown.length > 0) send(res, 400, `unexpected parameter ${unknown[0]}\n`, 'text/plain');
      else send(res, 200, RECEIVE_XML);
    }),
    caughtBy: { check: 'unknown-params', code: 'unknown_params_break_reply', twilioError: 11200 },
    // Its action URL refuses the callback's own parameters (FaxStatus, NumPages, ...) the same way.
    alsoReportedBy: ['action-callback'],
  },
  {
    name: '405 on GET, checked with --method both',
    server: faxServer((req, res) => (req.method === 'GET' ? send(res, 405, 'Method Not Allowed\n', 'text/plain') : send(res, 200, RECEIVE_XML))),
    options: { method: 'both' },
    caughtBy: { check: 'get-post', code: 'get_fails', twilioError: 11200 },
  },
  {
    name: 'a different verb by GET than by POST',
    server: faxServer((req, res) => send(res, 200, req.method === 'GET' ? REJECT_XML : RECEIVE_XML)),
    options: { method: 'both' },
    caughtBy: { check: 'get-post', code: 'get_post_differ' },
  },
  {
    name: '500 on SIP addresses',
    server: faxServer((_req, res, params) => {
      const from = params.get('From') ?? '';
      if (!from.startsWith('+')) send(res, 500, `TypeError: cannot parse phone number ${from}\n`, 'text/plain');
      else send(res, 200, RECEIVE_XML);
    }),
    caughtBy: { check: 'sip-addresses', code: 'sip_address_fails', twilioError: 11200 },
  },
  {
    name: 'a lowercase verb for SIP callers only',
    server: faxServer((_req, res, params) => send(res, 200, (params.get('From') ?? '').startsWith('+') ? RECEIVE_XML : '<Response><receive/></Response>')),
    // The cause (a verb Twilio skips, 12200), not its consequence (no fax verb left, 34106).
    caughtBy: { check: 'sip-addresses', code: 'sip_address_fails', twilioError: 12200 },
  },
  {
    name: '500 on a bare SIP URI in From, though display names work',
    server: faxServer((_req, res, params) => {
      const from = params.get('From') ?? '';
      if (from.startsWith('sip:')) send(res, 500, `Error: expected a display name in ${from}\n`, 'text/plain');
      else send(res, 200, RECEIVE_XML);
    }),
    caughtBy: { check: 'sip-addresses', code: 'sip_address_fails', twilioError: 11200 },
  },
];
