import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A request exactly as a test server received it. */
export interface ReceivedRequest {
  readonly method: string;
  /** The request target: path and query as sent. */
  readonly target: string;
  readonly headers: IncomingHttpHeaders;
  /** Header names as sent, in order. */
  readonly headerNames: readonly string[];
  readonly body: Buffer;
}

/** A running test server on 127.0.0.1 and a record of what it received. */
export interface TestServer {
  readonly origin: string;
  readonly port: number;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

export type TestHandler = (request: ReceivedRequest, response: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

/** Starts a node:http server on a free loopback port; each request's body is read before the handler runs. */
export async function startHttpServer(handler: TestHandler): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer(async (raw, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of raw) chunks.push(chunk as Buffer);
    const request: ReceivedRequest = {
      method: raw.method ?? '',
      target: raw.url ?? '',
      headers: raw.headers,
      headerNames: raw.rawHeaders.filter((_, index) => index % 2 === 0),
      body: Buffer.concat(chunks),
    };
    requests.push(request);
    await handler(request, response, raw);
  });
  return listen(server, 'http', requests);
}

/** Starts a raw TCP server that does whatever `onConnection` does with each socket (garbage, silence, ...). */
export async function startRawServer(onConnection: (socket: Socket) => void): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  const started = await listen(server, 'http', []);
  return {
    ...started,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await started.close();
    },
  };
}

/** Listens on 127.0.0.1:0 and returns the origin; `close()` also ends open connections. */
export async function listen(server: Server | NetServer, scheme: 'http' | 'https', requests: ReceivedRequest[]): Promise<TestServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const started = await listen(createNetServer(), 'http', []);
  await started.close();
  return started.port;
}

/** Serves a fetch-style handler (e.g. Hono's `app.fetch`) over node:http, for comparing with the in-process path. */
export async function startFetchServer(handler: (request: Request) => Response | Promise<Response>): Promise<TestServer> {
  return startHttpServer(async (received, response) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(received.headers)) {
      if (value !== undefined) headers.set(name, [value].flat().join(', '));
    }
    const request = new Request(`http://127.0.0.1${received.target}`, {
      method: received.method,
      headers,
      ...(received.method !== 'GET' && { body: new Uint8Array(received.body) }),
    });
    const reply = await handler(request);
    const outgoing: Record<string, string | string[]> = {};
    reply.headers.forEach((value, name) => {
      if (name !== 'set-cookie') outgoing[name] = value;
    });
    const cookies = reply.headers.getSetCookie();
    if (cookies.length > 0) outgoing['set-cookie'] = cookies;
    response.writeHead(reply.status, outgoing);
    response.end(Buffer.from(await reply.arrayBuffer()));
  });
}

/** A minimal valid fax TwiML reply. */
export const RECEIVE_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Receive/></Response>';

/** Replies `RECEIVE_TWIML` as text/xml. */
export function replyTwiml(_request: ReceivedRequest, response: ServerResponse): void {
  response.writeHead(200, { 'Content-Type': 'text/xml' });
  response.end(RECEIVE_TWIML);
}
