import { createServer, Server, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A server of the zoo, listening on 127.0.0.1 on a port of its own. */
export interface RunningServer {
  /** The server's URL for `path` (default `/fax`). */
  url(path?: string): string;
  close(): Promise<void>;
}

/** Starts `listener` (or a ready http.Server) on 127.0.0.1:0; `close()` also drops open connections. */
export async function serve(listener: RequestListener | Server): Promise<RunningServer> {
  const server = listener instanceof Server ? listener : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/fax') => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A TCP server that answers every connection with bytes that are not HTTP, then hangs up. */
export async function serveGarbage(): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server: NetServer = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    socket.end('SSH-2.0-OpenSSH_9.6\r\nthis is not HTTP\r\n\r\n', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/fax') => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A URL on which nothing listens: a port that was just free. */
export async function refusedUrl(): Promise<string> {
  const running = await serve(() => {});
  const url = running.url();
  await running.close();
  return url;
}

/** The webhook parameters of a request: the query for GET, the form body for POST (decoded correctly). */
export async function readParams(req: IncomingMessage): Promise<URLSearchParams> {
  const url = new URL(req.url ?? '/', 'http://zoo');
  if (req.method !== 'POST') return url.searchParams;
  return new URLSearchParams(await readText(req));
}

/** The raw request body as text. */
export async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes a reply with the given Content-Type (`null`: none at all). */
export function send(res: ServerResponse, status: number, body: string, contentType: string | null = 'text/xml'): void {
  if (contentType !== null) res.setHeader('Content-Type', contentType);
  res.statusCode = status;
  res.end(body);
}

/** The reply of a conforming fax server. */
export const RECEIVE_XML = '<?xml version="1.0" encoding="UTF-8"?><Response><Receive action="/fax/received" method="POST"/></Response>';
export const REJECT_XML = '<?xml version="1.0" encoding="UTF-8"?><Response><Reject/></Response>';
