import type { RequestListener } from 'node:http';
import { RestClient } from '@signalwire/compatibility-api';
import { idPattern } from '../../src/protocol/ids.js';
import { readText, send } from '../zoo/serve.js';

const UUID = idPattern({ kind: 'uuid' });

/**
 * A fax app written for SignalWire, as its Webhook Security guide shows: it validates `X-SignalWire-Signature` with
 * SignalWire's own `RestClient.validateRequest` (from `@signalwire/compatibility-api`) and the project's signing key, and
 * answers 403 without a valid one; it wants SignalWire's UUID ids (400 otherwise); it receives every fax with an
 * action callback, which it answers 200.
 */
export function signalWireApp(signingKey: string): RequestListener {
  return (req, res) =>
    void (async () => {
      const url = `http://${req.headers.host}${req.url}`;
      const body = req.method === 'POST' ? new URLSearchParams(await readText(req)) : new URLSearchParams();
      // GET parameters are part of the URL, which is what SignalWire signs; a POST's are signed after it.
      const params = new URL(url).searchParams.size > 0 && req.method !== 'POST' ? new URL(url).searchParams : body;
      const signature = req.headers['x-signalwire-signature'];
      if (typeof signature !== 'string' || !RestClient.validateRequest(signingKey, signature, url, Object.fromEntries(body))) {
        return send(res, 403, 'invalid X-SignalWire-Signature\n', 'text/plain');
      }
      if (!UUID.test(params.get('FaxSid') ?? '') || !UUID.test(params.get('AccountSid') ?? '')) {
        return send(res, 400, 'FaxSid and AccountSid must be SignalWire ids (UUIDs)\n', 'text/plain');
      }
      const path = new URL(url).pathname;
      if (path === '/fax') return send(res, 200, '<?xml version="1.0" encoding="UTF-8"?><Response><Receive action="/fax/received"/></Response>');
      if (path === '/fax/received') return send(res, 200, '<Response/>');
      return send(res, 404, 'no such route\n', 'text/plain');
    })();
}
