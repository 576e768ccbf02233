import type { CliIo, OutputStream } from '../../src/model/io.js';
import type { Finding, Report, ReportedRequest } from '../../src/model/report.js';

const FORM =
  'AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=v1&FaxSid=FX0123456789abcdef0123456789abcdef&From=%2B14155550100&To=%2B14155550199';

/** The incoming-fax request the kit sent, as a finding reports it. */
export const SENT: ReportedRequest = {
  method: 'POST',
  url: 'https://fax.example.test/fax/incoming',
  headers: {
    'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
    'x-twilio-signature': 'r3qS0o2vXk1+7R0yqQ0pQ8dG4bU=',
    'user-agent': 'TwilioProxy/1.1',
    'i-twilio-idempotency-token': '6f1c2c1e-1b7a-4d47-9d1a-2f0f5d6f1a10',
  },
  body: FORM,
};

const CURL =
  "curl -sS -X POST 'https://fax.example.test/fax/incoming' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' " +
  `-H 'X-Twilio-Signature: r3qS0o2vXk1+7R0yqQ0pQ8dG4bU=' --data-raw '${FORM}'`;

/** A reply with no Content-Type: error 12300. */
export const MISSING_CONTENT_TYPE: Finding = {
  check: 'content-type',
  code: 'missing_content_type',
  severity: 'error',
  twilioError: 12300,
  twilioErrorTitle: 'Invalid Content-Type',
  message: 'The reply has no Content-Type header; Twilio rejects it (its debugger shows 502).',
  hint: 'Send Content-Type: text/xml with the TwiML.',
  request: SENT,
  response: { status: 200, headers: { 'content-length': '51' }, bodyStart: '<Response><Receive action="/fax/done"/></Response>\n', bodyBytes: 51 },
  reproduce: CURL,
  count: 24,
  case: 'a fax from a US number',
};

/** A lower-case verb: warning 12200, then 34106 because no fax action is left. */
export const LOWERCASE_VERB: Finding = {
  check: 'verb-case',
  code: 'lowercase_verb',
  severity: 'warning',
  twilioError: 12200,
  twilioErrorTitle: 'Schema validation warning',
  message: '<receive> is not a fax verb: verb names are case-sensitive.',
  hint: 'Write <Receive>.',
  line: 2,
  column: 3,
  request: SENT,
  response: {
    status: 200,
    headers: { 'Content-Type': 'text/xml; charset=utf-8' },
    bodyStart: '<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n  <receive/>\n</Response>\n',
    bodyBytes: 74,
  },
  reproduce: CURL,
  count: 1,
  case: 'generated case 7 (shrunk)',
};

/** The consequence of the lower-case verb: error 34106. */
export const NO_FAX_ACTION: Finding = {
  ...LOWERCASE_VERB,
  code: 'no_fax_action',
  severity: 'error',
  twilioError: 34106,
  twilioErrorTitle: 'No Fax TwiML action specified',
  message: 'The reply has no <Receive> or <Reject>: Twilio fails the fax.',
  hint: 'Reply with <Response><Receive/></Response> to receive the fax.',
  line: undefined,
  column: undefined,
};

/** A realistic run: one check passes, two fail (three findings), one is skipped. */
export const FAILED_REPORT: Report = {
  version: 1,
  ok: false,
  failOn: 'warning',
  target: 'https://fax.example.test/fax/incoming',
  seed: 1337,
  summary: { requests: 24, plannedCases: 24, cases: 24, checks: 4, judged: 3, passed: 1, failed: 2, skipped: 1, durationMs: 1234 },
  checks: [
    { id: 'status-code', title: 'Replies 2xx to the incoming-fax webhook', status: 'passed', exchanges: 24, errors: 0, warnings: 0 },
    { id: 'content-type', title: 'Replies with an XML Content-Type', status: 'failed', exchanges: 24, errors: 1, warnings: 0 },
    { id: 'verb-case', title: 'Uses fax verbs with the right case', status: 'failed', exchanges: 24, errors: 1, warnings: 1 },
    { id: 'signature', title: 'Refuses requests with a bad signature', status: 'skipped', skipReason: 'needs --auth-token', exchanges: 0, errors: 0, warnings: 0 },
  ],
  findings: [MISSING_CONTENT_TYPE, LOWERCASE_VERB, NO_FAX_ACTION],
};

/** A clean run. */
export const PASSED_REPORT: Report = {
  version: 1,
  ok: true,
  failOn: 'warning',
  target: 'handler:fax-app',
  seed: 7,
  summary: { requests: 10, plannedCases: 10, cases: 10, checks: 2, judged: 2, passed: 2, failed: 0, skipped: 0, durationMs: 480 },
  checks: [
    { id: 'status-code', title: 'Replies 2xx to the incoming-fax webhook', status: 'passed', exchanges: 10, errors: 0, warnings: 0 },
    { id: 'content-type', title: 'Replies with an XML Content-Type', status: 'passed', exchanges: 10, errors: 0, warnings: 0 },
  ],
  findings: [],
};

/** A report no seed can repeat (as `pact verify` makes), of a server the kit started (`--start`). */
export const SEEDLESS_REPORT: Report = { ...PASSED_REPORT, seed: undefined, serverLog: '.twiml-fax-kit/server.log' };

/** A stream that keeps what is written. */
export interface BufferStream extends OutputStream {
  readonly text: () => string;
}

/** A stream that records writes; `isTTY` as given. */
export function bufferStream(isTTY = false): BufferStream {
  const chunks: string[] = [];
  return {
    isTTY,
    columns: 100,
    write(chunk: string) {
      chunks.push(chunk);
      return true;
    },
    text: () => chunks.join(''),
  };
}

/** A `CliIo` over buffers, for reporters under test. */
export function bufferIo(options: { cwd?: string; env?: Record<string, string>; stdoutTTY?: boolean; stderrTTY?: boolean } = {}) {
  const stdout = bufferStream(options.stdoutTTY);
  const stderr = bufferStream(options.stderrTTY);
  const io: CliIo = {
    stdout,
    stderr,
    stdin: (async function* () {})(),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  return { io, stdout, stderr };
}
