import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { duplexPair, type Duplex } from 'node:stream';
import type { buildConnector } from 'undici';
import { messageOf } from './message-of.js';
import { networkTransport } from './network-transport.js';
import type { Transport } from './transport.js';

/**
 * A Node request listener: an Express app, a Koa `app.callback()`, any `(req, res)` function; or an `http.Server`
 * (unstarted or not; for Fastify, `app.server` after `await app.ready()`). Its `listen()` is never called.
 */
export type NodeListener = ((req: IncomingMessage, res: ServerResponse) => unknown) | Server;

/**
 * Delivers the kit's requests to a Node request listener in the same process: no port, no socket, no network.
 *
 * It is the network transport with one difference, its connector: each connection is an in-memory duplex pair whose
 * server end is handed to an `http.Server`'s `'connection'` event (Node documents that any Duplex may be passed
 * there). So the exact bytes Twilio would send go through undici and Node's own HTTP parser as over TCP: the raw
 * request target, header order and case, `https:` seen as encrypted (Express's `req.protocol`, `twilio.webhook()`),
 * every Set-Cookie, a streamed body; the interim-response filter, limits, redirects and deadline stay the sender's.
 * The same checks therefore give the same findings, hints and curl lines as over HTTP.
 */
export function listenerTransport(target: NodeListener): Transport {
  const server = target instanceof Server ? target : serverOf(target);
  const connector: buildConnector.connector = (options, callback) => {
    const https = options.protocol === 'https:';
    const port = Number(options.port) || (https ? 443 : 80);
    const [client, serverSide] = duplexPair();
    // What Node's HTTP server, Express (req.protocol, req.ip) and undici read off a socket.
    socketLike(serverSide, { remoteAddress: '127.0.0.1', remotePort: 0, remoteFamily: 'IPv4', localAddress: '127.0.0.1', localPort: port, encrypted: https });
    socketLike(client, { remoteAddress: '127.0.0.1', remotePort: port, remoteFamily: 'IPv4', localAddress: '127.0.0.1', localPort: 0 });
    // One end destroyed (the sender's deadline, the server's res.destroy()) ends the other, as a TCP reset would.
    client.on('close', () => serverSide.destroy());
    serverSide.on('close', () => client.destroy());
    server.emit('connection', serverSide);
    // Asynchronously, as a real connection: undici ignores a connect callback made from inside its own dispatch loop
    // (the request is then never sent).
    process.nextTick(callback, null, client as never);
  };
  return networkTransport({ connector });
}

/** The socket properties and no-op socket methods a duplex needs to stand in for a net.Socket. */
function socketLike(stream: Duplex, properties: Record<string, string | number | boolean>): void {
  const self = () => stream;
  Object.assign(stream, properties, { setNoDelay: self, setKeepAlive: self, setTimeout: self, ref: self, unref: self });
}

/**
 * An unstarted server for a plain listener, which catches what the listener throws: over HTTP a framework answers a
 * thrown error with a 500 (or the process dies and the connection resets); in process it would be an uncaught
 * exception in the user's test run. Answered as a framework does (500 with the error), or, once the headers were
 * sent, by destroying the response.
 */
function serverOf(listener: (req: IncomingMessage, res: ServerResponse) => unknown): Server {
  return new Server((req, res) => {
    const fail = (error: unknown) => {
      if (res.headersSent) {
        res.destroy(error instanceof Error ? error : new Error(messageOf(error)));
        return;
      }
      const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : messageOf(error);
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`the handler threw ${detail}\n`);
    };
    try {
      const result = listener(req, res);
      if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') (result as PromiseLike<unknown>).then(undefined, fail);
    } catch (error) {
      fail(error);
    }
  });
}
