import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import express from 'express';
import twilio from 'twilio';
import type { CheckServerOptions } from '../../../src/harness/check-server.js';
import type { TwilioErrorCode } from '../../../src/protocol/twilio-errors.js';
import { readParams, readText, RECEIVE_XML, send } from '../serve.js';

/** The auth token every signing server of this zoo shares with the kit. */
export const AUTH_TOKEN = 'zoo-auth-token-0123456789abcdef';

/** A server of the stateful zoo, with the options and path (query string included) it is checked with. */
export interface StatefulServer {
  readonly name: string;
  readonly server: () => RequestListener;
  /** Path and query of the webhook URL (default `/fax`). */
  readonly path?: string;
  /** `user:password` put in the webhook URL (HTTP auth, as Twilio's security docs describe). */
  readonly userInfo?: string;
  readonly options?: CheckServerOptions;
}

/** A defective server and the one finding that must catch it. */
export interface DefectiveStatefulServer extends StatefulServer {
  readonly caughtBy: {
    readonly check: string;
    readonly code: string;
    readonly twilioError?: TwilioErrorCode;
    readonly messageIncludes?: string;
    /** Default `error`: Twilio fails the fax. */
    readonly severity?: 'error' | 'warning';
  };
  /** Checks run (default: just the catching one, so that other checks' traffic does not mask or share the defect). */
  readonly checks?: readonly string[];
  readonly alsoReportedBy?: readonly string[];
}

const ACCEPTED = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/**
 * A conforming server built the way Twilio's docs show: Express, `express.urlencoded`, `twilio.webhook(token)` on
 * the webhook and on the action URL (which downloads `MediaUrl` and checks it is a PDF). Works by POST and GET.
 */
function twilioNodeServer(): RequestListener {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  const validate = twilio.webhook(AUTH_TOKEN);
  app.all('/fax', validate, (_req, res) => {
    res.type('text/xml').send(RECEIVE_XML);
  });
  app.all('/fax/received', validate, async (req, res) => {
    const params = (req.method === 'GET' ? req.query : req.body) as Record<string, string | undefined>;
    if (params.FaxStatus === 'received') {
      const media = await fetch(params.MediaUrl ?? 'http://invalid.invalid/');
      const bytes = Buffer.from(await media.arrayBuffer());
      if (!media.ok || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return void res.status(500).type('text/plain').send('media is not a PDF\n');
    }
    res.type('text/xml').send(ACCEPTED);
  });
  return app;
}

/** A webhook with a session: sets a cookie on the first fax of a caller, works with or without it. */
function sessionCookieServer(): RequestListener {
  return (req, res) => {
    void readParams(req).then(() => {
      if (!/(?:^|;\s*)fax_session=/.test(req.headers.cookie ?? '')) {
        res.setHeader('Set-Cookie', `fax_session=${randomUUID()}; Path=/; HttpOnly; Max-Age=14400`);
      }
      send(res, 200, RECEIVE_XML);
    });
  };
}

const STATIC_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Receive pageSize="a4"/></Response>';
const STATIC_ETAG = `"${createHash('sha1').update(STATIC_TWIML).digest('hex')}"`;
const STATIC_LAST_MODIFIED = 'Tue, 15 Nov 1994 08:12:31 GMT';

/** Static TwiML by GET, with a content-derived ETag, Last-Modified and 304s, as a static file server gives. */
function staticTwimlServer(): RequestListener {
  return (req, res) => {
    res.setHeader('ETag', STATIC_ETAG);
    res.setHeader('Last-Modified', STATIC_LAST_MODIFIED);
    res.setHeader('Cache-Control', 'max-age=300');
    const tags = (req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim());
    if (tags.includes(STATIC_ETAG) || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === STATIC_LAST_MODIFIED)) {
      res.writeHead(304).end();
      return;
    }
    send(res, 200, STATIC_TWIML);
  };
}

/** A conforming fax webhook except for what `reply` does. */
function faxServer(reply: (req: IncomingMessage, res: ServerResponse, params: URLSearchParams) => void): () => RequestListener {
  return () => (req, res) => void readParams(req).then((params) => reply(req, res, params));
}

/** Answers 401 with a Basic challenge unless the request carries `user:password`, as an HTTP-auth middleware does. */
function requiresBasicAuth(req: IncomingMessage, res: ServerResponse, user: string, password: string): boolean {
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  if (req.headers.authorization === expected) return true;
  res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="fax"', 'Content-Type': 'text/plain' }).end('authentication required\n');
  return false;
}

/**
 * Express behind HTTP Basic auth and `twilio.webhook()`, as Twilio's security docs describe: the number is configured
 * with `https://user:password@host/fax`; Twilio sends without credentials, gets the challenge, sends them, and stays
 * logged in for the whole call (the relative action callback too). Twilio drops the credentials from the URL it signs.
 */
function basicAuthServer(): RequestListener {
  const app = express();
  app.use((req, res, next) => (requiresBasicAuth(req, res, 'fax', 'secret') ? next() : undefined));
  app.use(express.urlencoded({ extended: false }));
  const validate = twilio.webhook(AUTH_TOKEN);
  app.post('/fax', validate, (_req, res) => void res.type('text/xml').send(RECEIVE_XML));
  app.post('/fax/received', validate, (_req, res) => void res.type('text/xml').send(ACCEPTED));
  return app;
}

/** Express accepting only POST (405 for GET, as Express's router leaves it: 404), validating with `twilio.webhook()`. */
function postOnlySignedServer(): RequestListener {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  const validate = twilio.webhook(AUTH_TOKEN);
  app.post('/fax', validate, (_req, res) => void res.type('text/xml').send(RECEIVE_XML));
  app.post('/fax/received', validate, (_req, res) => void res.type('text/xml').send(ACCEPTED));
  return app;
}

/** A webhook that opens a session with a cookie, and an action handler that needs that session. */
function sessionActionServer(): RequestListener {
  const sessions = new Set<string>();
  return (req, res) => {
    void readParams(req).then(() => {
      if (req.url?.startsWith('/fax/received')) {
        const session = /(?:^|;\s*)fax_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
        if (!session || !sessions.has(session)) return send(res, 500, 'TypeError: Cannot read properties of undefined (reading "faxSid")\n', 'text/plain');
        return send(res, 200, ACCEPTED);
      }
      const session = randomUUID();
      sessions.add(session);
      res.setHeader('Set-Cookie', `fax_session=${session}; Path=/fax; HttpOnly`);
      send(res, 200, RECEIVE_XML);
    });
  };
}

/** One ETag for every fax's TwiML: each fax is another URL (FaxSid in the query), so another resource. */
function sharedEtagServer(): RequestListener {
  return (req, res) => {
    void readParams(req).then((params) => {
      res.setHeader('ETag', '"fax-twiml-v1"');
      if (req.headers['if-none-match'] === '"fax-twiml-v1"') return void res.writeHead(304, { ETag: '"fax-twiml-v1"' }).end();
      send(res, 200, `<Response><Receive action="/fax/received?from=${encodeURIComponent(params.get('From') ?? '')}"/></Response>`);
    });
  };
}

/** The public URL as the server sees it, from its Host header. */
const urlOf = (req: IncomingMessage, pathAndQuery = req.url ?? '/'): string => `http://${req.headers.host ?? 'localhost'}${pathAndQuery}`;

export const CONFORMING_STATEFUL_SERVERS: readonly StatefulServer[] = [
  { name: 'an Express server validating signatures with twilio.webhook(), by POST', server: twilioNodeServer, path: '/fax?x=1&y=a%20b', options: { authToken: AUTH_TOKEN } },
  // twilio-node's webhook() refuses Twilio's own GETs from SIP callers (twilio-node#621; the conforming zoo shows that
  // finding): here the other checks run against it by both methods.
  {
    name: 'an Express server validating signatures with twilio.webhook(), by POST and GET (signature-accepted aside)',
    server: twilioNodeServer,
    path: '/fax?x=1',
    options: { authToken: AUTH_TOKEN, method: 'both', skipChecks: ['signature-accepted'] },
  },
  { name: 'a webhook with a session cookie', server: sessionCookieServer },
  { name: 'an action handler that needs the session cookie the webhook reply set', server: sessionActionServer },
  { name: 'static TwiML by GET with ETag, Last-Modified and 304s', server: staticTwimlServer, options: { method: 'GET' } },
  { name: "one ETag shared by every fax's URL, by GET", server: sharedEtagServer, options: { method: 'GET' } },
  { name: 'a POST-only Express server validating signatures, checked by POST', server: postOnlySignedServer, options: { authToken: AUTH_TOKEN } },
  {
    name: 'an Express server behind HTTP Basic auth validating signatures as twilio.webhook() does',
    server: basicAuthServer,
    userInfo: 'fax:secret',
    options: { authToken: AUTH_TOKEN },
  },
];

export const DEFECTIVE_STATEFUL_SERVERS: readonly DefectiveStatefulServer[] = [
  {
    name: 'no signature check at all',
    server: faxServer((_req, res) => send(res, 200, RECEIVE_XML)),
    options: { authToken: AUTH_TOKEN },
    caughtBy: { check: 'signature-enforced', code: 'unsigned_request_accepted', messageIncludes: 'no X-Twilio-Signature' },
  },
  {
    name: 'a signature check that only looks for the header',
    server: faxServer((req, res) => (req.headers['x-twilio-signature'] ? send(res, 200, RECEIVE_XML) : send(res, 403, 'forbidden\n', 'text/plain'))),
    options: { authToken: AUTH_TOKEN },
    caughtBy: { check: 'signature-enforced', code: 'wrong_token_accepted', messageIncludes: 'signed with another auth token' },
  },
  {
    name: 'a signature check that ignores the query string',
    server: faxServer((req, res, params) => {
      const path = (req.url ?? '/').split('?')[0];
      const ok = twilio.validateRequest(AUTH_TOKEN, String(req.headers['x-twilio-signature'] ?? ''), urlOf(req, path), Object.fromEntries(params));
      send(res, ok ? 200 : 403, ok ? RECEIVE_XML : 'invalid signature\n', ok ? 'text/xml' : 'text/plain');
    }),
    path: '/fax?x=1',
    options: { authToken: AUTH_TOKEN },
    caughtBy: { check: 'signature-accepted', code: 'signature_url_without_query', twilioError: 11200, messageIncludes: 'without its query string' },
  },
  {
    name: "a signature check after a hand-written decoder that leaves '+' as '+'",
    server: () => (req, res) => {
      void readText(req).then((body) => {
        const params = Object.fromEntries(body.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]));
        const ok = twilio.validateRequest(AUTH_TOKEN, String(req.headers['x-twilio-signature'] ?? ''), urlOf(req), params);
        send(res, ok ? 200 : 403, ok ? RECEIVE_XML : 'invalid signature\n', ok ? 'text/xml' : 'text/plain');
      });
    },
    options: { authToken: AUTH_TOKEN },
    caughtBy: { check: 'signature-accepted', code: 'signature_plus_not_space', twilioError: 11200, messageIncludes: "'+' in the form body" },
  },
  {
    name: 'a GET signature check against the URL with its query decoded (%2B back to +)',
    server: faxServer((req, res) => {
      const ok = twilio.validateRequest(AUTH_TOKEN, String(req.headers['x-twilio-signature'] ?? ''), urlOf(req, decodeURIComponent(req.url ?? '/')), {});
      send(res, ok ? 200 : 403, ok ? RECEIVE_XML : 'invalid signature\n', ok ? 'text/xml' : 'text/plain');
    }),
    options: { authToken: AUTH_TOKEN, method: 'GET' },
    caughtBy: { check: 'signature-accepted', code: 'signature_query_decoded', twilioError: 11200, messageIncludes: 'query string decoded' },
  },
  {
    name: 'a GET signature check against the URL rebuilt from the parsed query (URLSearchParams)',
    server: faxServer((req, res, params) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const ok = twilio.validateRequest(AUTH_TOKEN, String(req.headers['x-twilio-signature'] ?? ''), urlOf(req, `${path}?${params.toString()}`), {});
      send(res, ok ? 200 : 403, ok ? RECEIVE_XML : 'invalid signature\n', ok ? 'text/xml' : 'text/plain');
    }),
    options: { authToken: AUTH_TOKEN, method: 'GET' },
    // Twilio's own encoding survives the rebuild; an equivalent one (%20, lower-case hex) does not.
    caughtBy: { check: 'form-encoding', code: 'encoding_variant_fails', twilioError: 11200, messageIncludes: 'query string re-encoded' },
  },
  {
    name: 'a signature check behind a TLS proxy that assumes https',
    server: faxServer((req, res, params) => {
      const url = `https://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
      const ok = twilio.validateRequest(AUTH_TOKEN, String(req.headers['x-twilio-signature'] ?? ''), url, Object.fromEntries(params));
      send(res, ok ? 200 : 403, ok ? RECEIVE_XML : 'invalid signature\n', ok ? 'text/xml' : 'text/plain');
    }),
    options: { authToken: AUTH_TOKEN },
    caughtBy: { check: 'signature-accepted', code: 'signature_url_wrong_scheme', twilioError: 11200, messageIncludes: 'other scheme' },
  },
  {
    name: 'a signature check that trusts signatures it has validated before',
    server: () => {
      const trusted = new Set<string>();
      return faxServer((req, res, params) => {
        const signature = String(req.headers['x-twilio-signature'] ?? '');
        const ok = trusted.has(signature) || twilio.validateRequest(AUTH_TOKEN, signature, urlOf(req), Object.fromEntries(params));
        if (ok) trusted.add(signature);
        send(res, ok ? 200 : 403, ok ? RECEIVE_XML : 'invalid signature\n', ok ? 'text/xml' : 'text/plain');
      })();
    },
    options: { authToken: AUTH_TOKEN },
    caughtBy: { check: 'signature-enforced', code: 'tampered_params_accepted', messageIncludes: 'changed after signing' },
  },
  {
    name: 'a 500 on a returning caller without the session cookie (after expiry)',
    server: () => {
      const seen = new Set<string>();
      return faxServer((req, res, params) => {
        const pair = `${params.get('From')}|${params.get('To')}`;
        const hasCookie = /(?:^|;\s*)sid=/.test(req.headers.cookie ?? '');
        if (!hasCookie && seen.has(pair)) return send(res, 500, 'TypeError: session is undefined\n', 'text/plain');
        seen.add(pair);
        if (!hasCookie) res.setHeader('Set-Cookie', `sid=${randomUUID()}; Path=/`);
        send(res, 200, RECEIVE_XML);
      })();
    },
    caughtBy: { check: 'cookies', code: 'fails_after_cookie_expiry', twilioError: 11200, messageIncludes: '4 hours' },
  },
  {
    name: 'a Set-Cookie with an empty name',
    server: faxServer((_req, res) => {
      res.setHeader('Set-Cookie', '=abc123; Path=/');
      send(res, 200, RECEIVE_XML);
    }),
    checks: ['cookies', 'reachable'],
    // The sender fails every exchange as Twilio does (11206): reachable's finding on the base request, one cause
    // found once (cookies sends nothing when the base request failed).
    caughtBy: { check: 'reachable', code: 'malformed_http', twilioError: 11206, messageIncludes: 'empty cookie name' },
  },
  {
    name: 'a constant ETag on a body that changes from one request of the same URL to the next',
    server: () => {
      let served = 0;
      return faxServer((req, res) => {
        res.setHeader('ETag', '"fax-v1"');
        if (req.headers['if-none-match'] === '"fax-v1"') return void res.writeHead(304).end();
        served += 1;
        send(res, 200, `<Response><Receive action="/fax/received?n=${served}"/></Response>`);
      })();
    },
    options: { method: 'GET' },
    caughtBy: { check: 'caching', code: 'etag_reused', messageIncludes: '"fax-v1"', severity: 'warning' },
  },
  {
    name: 'an ETag without quotes',
    server: faxServer((_req, res) => {
      res.setHeader('ETag', 'v1');
      send(res, 200, RECEIVE_XML);
    }),
    options: { method: 'GET' },
    caughtBy: { check: 'caching', code: 'malformed_etag', severity: 'warning' },
  },
  {
    name: 'a 304 with another ETag than the one asked about',
    server: faxServer((req, res) => {
      if (req.headers['if-none-match']) return void res.writeHead(304, { ETag: '"something-else"' }).end();
      res.setHeader('ETag', '"v1"');
      send(res, 200, RECEIVE_XML);
    }),
    options: { method: 'GET' },
    caughtBy: { check: 'caching', code: 'not_modified_validator_mismatch' },
  },
  {
    name: 'an action URL that 404s',
    server: faxServer((req, res) => (req.url?.startsWith('/fax/done') ? send(res, 404, 'not found\n', 'text/plain') : send(res, 200, '<Response><Receive action="/fax/done"/></Response>'))),
    caughtBy: { check: 'action-callback', code: 'callback_error_status', twilioError: 11200, messageIncludes: 'HTTP 404' },
  },
  {
    name: 'an action handler that crashes on a failed fax (reads NumPages.length)',
    server: () => {
      const app = express();
      app.use(express.urlencoded({ extended: false }));
      app.post('/fax', (_req, res) => void res.type('text/xml').send(RECEIVE_XML));
      app.post('/fax/received', (req, res) => {
        const pages = (req.body as Record<string, string | undefined>).NumPages as string;
        res.type('text/xml').send(`<Response/><!-- ${pages.length} -->`);
      });
      // Express 5's default handler would print the stack to stderr; a 500 is all the test needs.
      app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => void res.status(500).type('text/plain').send('internal error\n'));
      return app;
    },
    caughtBy: { check: 'action-callback', code: 'callback_error_status', twilioError: 11200, messageIncludes: 'FaxStatus=failed' },
  },
  {
    name: 'an action handler that answers broken XML',
    server: faxServer((req, res) => send(res, 200, req.url?.startsWith('/fax/received') ? '<Response><Ok></Response>' : RECEIVE_XML)),
    caughtBy: { check: 'action-callback', code: 'callback_reply_malformed', twilioError: 12100, severity: 'warning' },
  },
  {
    name: 'a 500 on a duplicate FaxSid',
    server: () => {
      const seen = new Set<string>();
      return faxServer((_req, res, params) => {
        const sid = params.get('FaxSid') ?? '';
        if (seen.has(sid)) return send(res, 500, 'duplicate key value violates unique constraint "faxes_pkey"\n', 'text/plain');
        seen.add(sid);
        send(res, 200, RECEIVE_XML);
      })();
    },
    // A number whose fallback URL is its fax URL: the one documented way the same fax comes twice.
    options: { endpoint: 'fallback' },
    caughtBy: { check: 'idempotency', code: 'retry_fails', twilioError: 11200, severity: 'error' },
  },
  {
    name: 'an action URL behind other HTTP credentials than the webhook',
    server: () => (req, res) => {
      const [user, password] = req.url?.startsWith('/fax/received') ? ['admin', 'other-secret'] : ['fax', 'secret'];
      if (!requiresBasicAuth(req, res, user, password)) return;
      void readParams(req).then(() => send(res, 200, req.url?.startsWith('/fax/received') ? ACCEPTED : RECEIVE_XML));
    },
    userInfo: 'fax:secret',
    caughtBy: { check: 'action-callback', code: 'callback_error_status', twilioError: 11200, messageIncludes: 'HTTP 401' },
  },
  {
    name: 'an action handler that needs a session cookie the webhook never set',
    server: faxServer((req, res) => {
      if (!req.url?.startsWith('/fax/received')) return send(res, 200, RECEIVE_XML);
      send(res, req.headers.cookie ? 200 : 500, req.headers.cookie ? ACCEPTED : 'no session\n', req.headers.cookie ? 'text/xml' : 'text/plain');
    }),
    caughtBy: { check: 'action-callback', code: 'callback_error_status', twilioError: 11200, messageIncludes: 'HTTP 500' },
  },
];
