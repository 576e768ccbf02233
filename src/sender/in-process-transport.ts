import { getResponse, http, type RequestHandler } from 'msw';
import { messageOf } from './message-of.js';
import { TransportFailureError, type Transport, type TransportError, type TransportReply, type TransportRequest } from './transport.js';

/** A fetch-style server: Hono's `app.fetch`, a Next.js route handler, a Cloudflare/Deno/Bun handler. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/** Options of the in-process transport. */
export interface InProcessTransportOptions {
  /**
   * The origins (`https://app.example`) the handler serves; requests to any other origin (a redirect elsewhere)
   * fail as refused. Absent: the handler answers every URL.
   */
  readonly origins?: readonly string[];
}

/**
 * Delivers the kit's requests to a fetch-style handler, or to msw request handlers, in the same process: no port,
 * no socket. Redirects, signing, timeouts and the body limit are the sender's, exactly as over the network.
 *
 * Why msw: its `getResponse` resolves a web-standard `Request` against request handlers with no interception at all,
 * so nothing global is patched (unrelated `fetch` and `node:http` calls in the user's process are never touched, and
 * a user's own msw `setupServer` keeps working), and a test suite that already describes its server as msw handlers
 * (`http.post('https://app.example/fax', resolver)`) can be checked as is. A plain function is wrapped in one
 * catch-all handler.
 */
export function inProcessTransport(
  target: FetchHandler | readonly RequestHandler[],
  options: InProcessTransportOptions = {},
): Transport {
  const handlers: RequestHandler[] =
    typeof target === 'function' ? [http.all('*', ({ request }) => target(request))] : [...target];
  const origins = options.origins?.map((origin) => new URL(origin).origin);
  let closed = false;

  return {
    async perform(request: TransportRequest): Promise<TransportReply | TransportError> {
      const url = new URL(request.url);
      if (closed) return { kind: 'refused', message: 'the in-process transport is closed' };
      if (origins && !origins.includes(url.origin)) {
        return { kind: 'refused', message: `no in-process server at ${url.origin} (it serves ${origins.join(', ')})` };
      }
      let response: Response | undefined;
      try {
        response = await getResponse(handlers, toFetchRequest(request));
      } catch (error) {
        // Over the network a crashing handler kills the connection, or the framework turns it into a 500; a bare
        // handler has no framework, so the closest truthful outcome is a connection that ends with no reply.
        return { kind: 'reset', message: `the handler threw before replying: ${messageOf(error)}` };
      }
      if (!response) return { kind: 'refused', message: `no in-process handler for ${request.method} ${request.url}` };
      return toTransportReply(response);
    },
    async close(): Promise<void> {
      closed = true;
    },
  };
}

function toFetchRequest(request: TransportRequest): Request {
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body && { body: new Uint8Array(request.body) }),
    signal: request.signal,
  });
}

function toTransportReply(response: Response): TransportReply {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const stream = response.body;
  return {
    status: response.status,
    headers,
    setCookies: response.headers.getSetCookie(),
    body: (async function* () {
      if (!stream) return;
      try {
        for await (const chunk of stream) yield chunk;
      } catch (error) {
        throw new TransportFailureError({ kind: 'reset', message: `the handler's body stream failed: ${messageOf(error)}` });
      }
    })(),
    discard: () => {
      if (stream && !stream.locked) stream.cancel().catch(() => undefined);
    },
  };
}
