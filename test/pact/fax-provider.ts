import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type Request, type Response } from 'express';
import twilio from 'twilio';
import { FAX_PACT_STATES } from '../../src/pact/index.js';

/** How a defective provider goes wrong; `undefined` is a conforming provider. */
export type ProviderDefect = 'lowercase-verb' | 'text-plain' | 'json-body' | 'ok-as-xml' | 'signs-public-url' | 'crashes-on-failed-fax' | 'page-size-A4';

/** How a conforming provider may still differ: `text/html`, which Twilio reads as TwiML (a notice). */
export type ProviderStyle = 'text-html';

/** A request as the provider received it, raw body bytes included. */
export interface ReceivedByProvider {
  readonly method: string;
  readonly url: string;
  readonly host: string | undefined;
  readonly contentType: string | undefined;
  readonly rawBody: string;
  readonly signature: string | undefined;
}

export interface RunningFaxProvider {
  readonly baseUrl: string;
  readonly received: ReceivedByProvider[];
  /** What the callback for a received fax got from its MediaUrl: the URL's origin and the first bytes. */
  readonly downloads: Array<{ origin: string; status: number; start: string }>;
  readonly stateChanges: Array<{ state: string; action: string }>;
  close(): Promise<void>;
}

/**
 * A fax webhook as a careful team writes it, on Express: twilio-node's `webhook()` validates every signature
 * against the URL it was requested at, forms are parsed strictly (anything else is a 415), the reply is
 * `FaxResponse().receive({ action })`, the callback for a received fax downloads its `MediaUrl` (and fails when it
 * cannot), and a Pact state endpoint switches between accepting and rejecting faxes (twilio-node has no `reject()`:
 * `<Reject/>` is written by hand).
 */
export async function startFaxProvider(options: { authToken: string; defect?: ProviderDefect; style?: ProviderStyle }): Promise<RunningFaxProvider> {
  const received: ReceivedByProvider[] = [];
  const downloads: RunningFaxProvider['downloads'] = [];
  const stateChanges: Array<{ state: string; action: string }> = [];
  let rejectsFaxes = false;
  const app = express();

  app.post('/_pact/state', express.json(), (req, res) => {
    const { state, action } = req.body as { state: string; action: string };
    stateChanges.push({ state, action });
    if (action === 'setup') rejectsFaxes = state === FAX_PACT_STATES.rejects;
    res.json({});
  });

  // Record the exact bytes before any parser runs.
  app.use(express.raw({ type: () => true }), (req, res, next) => {
    const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    received.push({ method: req.method, url: req.originalUrl, host: req.headers.host, contentType: req.headers['content-type'], rawBody, signature: req.header('x-twilio-signature') });
    if (req.method === 'POST' && !req.is('application/x-www-form-urlencoded')) {
      res.status(415).type('text/plain').send('expected a form body');
      return;
    }
    req.body = Object.fromEntries(new URLSearchParams(rawBody));
    next();
  });
  // A common mistake: validating against the public URL from config, while the request arrived at another one.
  app.use(twilio.webhook(options.authToken, options.defect === 'signs-public-url' ? { url: 'https://fax.example.com/fax' } : { protocol: 'http' }));

  const answerFax = (_req: Request, res: Response): void => {
    if (options.defect === 'json-body') {
      res.json({ receive: { action: '/fax/received' } });
      return;
    }
    if (options.defect === 'ok-as-xml') {
      // A handler that answers a bare "OK", labelled as XML.
      res.type('text/xml').send('OK');
      return;
    }
    const twiml = rejectsFaxes ? rejectTwiml() : receiveTwiml(options.defect === 'page-size-A4' ? 'A4' : undefined);
    const body = options.defect === 'lowercase-verb' ? twiml.replace('<Receive', '<receive').replace('<Reject', '<reject') : twiml;
    res.type(options.defect === 'text-plain' ? 'text/plain' : options.style === 'text-html' ? 'text/html' : 'text/xml').send(body);
  };
  app.post('/fax', answerFax);
  app.get('/fax', answerFax);
  app.post('/fax/received', async (req, res) => {
    const { NumPages, MediaUrl, FaxStatus } = req.body as { NumPages?: string; MediaUrl?: string; FaxStatus?: string };
    // Another common mistake: reading NumPages, which a failed fax's callback does not carry.
    if (options.defect === 'crashes-on-failed-fax') {
      res.json({ pages: NumPages!.trim() });
      return;
    }
    if (FaxStatus === 'received' && MediaUrl !== undefined) {
      // The fax is downloaded exactly as given: a pre-signed URL, no Authorization header.
      const media = await fetch(MediaUrl).catch(() => undefined);
      const start = media ? Buffer.from(await media.arrayBuffer()).subarray(0, 5).toString('latin1') : '';
      downloads.push({ origin: new URL(MediaUrl).origin, status: media?.status ?? 0, start });
      if (!media?.ok) {
        res.status(500).type('text/plain').send('could not download the fax');
        return;
      }
    }
    res.status(204).end();
  });

  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    downloads,
    stateChanges,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function receiveTwiml(pageSize?: string): string {
  const response = new twilio.twiml.FaxResponse();
  response.receive({ action: '/fax/received', ...(pageSize !== undefined && { pageSize: pageSize as 'a4' }) });
  return response.toString();
}

/** twilio-node's FaxResponse has no reject(): the same document, with `<Reject/>` written by hand. */
function rejectTwiml(): string {
  return new twilio.twiml.FaxResponse().toString().replace('<Response/>', '<Response><Reject/></Response>');
}
