// A small fax webhook server that does everything Twilio expects: copy it as a starting point.
//
//   POST|GET /fax           "A Fax Comes In": answers <Receive action="/fax/received">
//   POST|GET /fax/received  the action callback once the fax is received (or has failed)
//
// With an auth token it refuses requests whose X-Twilio-Signature does not match (403).
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import twilio from 'twilio';

export interface FaxServerOptions {
  /** Your Twilio auth token; without one, signatures are not checked (fine on a laptop, never in production). */
  readonly authToken?: string;
  /**
   * The public base URL Twilio requests (e.g. https://fax.example.com) when the server sits behind a proxy: the
   * signature covers the URL Twilio used, not the one the proxy forwards to. Default: http://<Host header>.
   */
  readonly publicUrl?: string;
  /** Where received faxes are reported; default console.log. */
  readonly log?: (line: string) => void;
}

const MAX_BODY_BYTES = 64 * 1024;

const RECEIVE_TWIML =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<Response><Receive action="/fax/received" method="POST" mediaType="application/pdf" pageSize="letter"/></Response>\n';

/** Creates the server; call `.listen(port)` on it. */
export function createFaxServer(options: FaxServerOptions = {}): Server {
  const log = options.log ?? ((line: string) => console.log(line));
  return createServer((req, res) => {
    handle(req, res, options, log).catch(() => {
      if (!res.headersSent) reply(res, 500, 'text/plain', 'internal error\n');
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, options: FaxServerOptions, log: (line: string) => void): Promise<void> {
  const url = new URL(req.url ?? '/', options.publicUrl ?? `http://${req.headers.host ?? 'localhost'}`);
  if (url.pathname !== '/fax' && url.pathname !== '/fax/received') return reply(res, 404, 'text/plain', 'not found\n');
  if (req.method !== 'POST' && req.method !== 'GET') return reply(res, 405, 'text/plain', 'use GET or POST\n', { Allow: 'GET, POST' });

  // GET carries the parameters in the query, POST in a form body; URLSearchParams decodes both correctly
  // ('+' is a space, %2B a plus), which hand-written decoders often get wrong.
  const body = req.method === 'POST' ? await readBody(req) : '';
  if (body === undefined) return reply(res, 413, 'text/plain', 'request too large\n');
  const params = req.method === 'POST' ? Object.fromEntries(new URLSearchParams(body)) : {};

  if (options.authToken !== undefined) {
    const signature = req.headers['x-twilio-signature'];
    // A missing header is a refusal, not a crash: 403 tells the caller (and your logs) exactly what happened.
    // The URL exactly as requested: `url.href` would have turned a ' into %27, and Twilio signed the bytes it sent.
    const requested = `${url.origin}${req.url ?? '/'}`;
    const valid = typeof signature === 'string' && signedByTwilio(options.authToken, signature, requested, params);
    if (!valid) return reply(res, 403, 'text/plain', 'invalid signature\n');
  }

  const fields = req.method === 'POST' ? new URLSearchParams(body) : url.searchParams;
  if (url.pathname === '/fax') {
    // Every parameter but the ones we use is ignored: Twilio may add new ones at any time.
    log(`fax ${fields.get('FaxSid') ?? '?'} from ${fields.get('From') ?? '?'} to ${fields.get('To') ?? '?'}`);
    return reply(res, 200, 'text/xml', RECEIVE_TWIML);
  }
  // The action callback: NumPages and MediaUrl only come with a received fax, ErrorCode with a failed one.
  const status = fields.get('FaxStatus') ?? 'unknown';
  log(
    status === 'received'
      ? `fax ${fields.get('FaxSid') ?? '?'} received: ${fields.get('NumPages') ?? '?'} pages at ${fields.get('MediaUrl') ?? '?'}`
      : `fax ${fields.get('FaxSid') ?? '?'} ${status}${fields.has('ErrorCode') ? `: ${fields.get('ErrorCode')} ${fields.get('ErrorMessage') ?? ''}` : ''}`,
  );
  return reply(res, 200, 'text/xml', '<Response/>\n');
}

/**
 * Whether Twilio signed this request. Twilio signs the URL it requested, with two quirks twilio-node's validateRequest
 * misses: it signs a ' in the query as it is (twilio-node#1183), and in the parameters it appends to a GET it leaves
 * @ and : unescaped although it sends them as %40 and %3A (twilio-node#621, a SIP caller). So the URL is checked as
 * received and as Twilio signed it, then as twilio-node checks it (port added or removed, for proxies).
 */
function signedByTwilio(authToken: string, signature: string, url: string, params: Record<string, string>): boolean {
  const asSigned = [url, url.replace(/%3A/gi, ':').replace(/%40/gi, '@')];
  const matches = (candidate: string) => {
    const expected = Buffer.from(twilio.getExpectedTwilioSignature(authToken, candidate, params));
    const received = Buffer.from(signature);
    return expected.length === received.length && timingSafeEqual(expected, received);
  };
  return asSigned.some(matches) || twilio.validateRequest(authToken, signature, url, params);
}

function reply(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': `${contentType}; charset=utf-8`, ...headers });
  res.end(body);
}

/** Reads a request body up to 64 kB; undefined when it is larger. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
