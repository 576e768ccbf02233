import { messageOf } from './message-of.js';
import { TransportFailureError, type Transport, type TransportError, type TransportReply, type TransportRequest } from './transport.js';

/**
 * A fetch-style server: Hono's `app.fetch`, a Next.js route handler, a Cloudflare/Deno/Bun handler. It may answer
 * `undefined` for a request it does not serve (an msw handler list adapted by `fetchHandlerOf` of
 * `twiml-fax-kit/msw`), which the transport reports as refused.
 */
export type FetchHandler = (request: Request) => Response | undefined | Promise<Response | undefined>;

/** Options of the in-process transport. */
export interface InProcessTransportOptions {
  /**
   * The origins (`https://app.example`) the handler serves; requests to any other origin (a redirect elsewhere)
   * fail as refused. Absent: the handler answers every URL.
   */
  readonly origins?: readonly string[];
}

/**
 * Delivers the kit's requests to a fetch-style handler in the same process: no port, no socket. Redirects, signing,
 * timeouts and the body limit are the sender's, exactly as over the network.
 *
 * The handler is called directly with a web-standard `Request`: nothing global is patched (unrelated `fetch` and
 * `node:http` calls in the user's process are never touched), and no msw is needed. msw request handlers are checked
 * through `fetchHandlerOf(handlers)` of `twiml-fax-kit/msw`, which resolves them with the user's own msw.
 */
export function inProcessTransport(target: FetchHandler, options: InProcessTransportOptions = {}): Transport {
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
        // Called from a microtask, never inside the caller's own synchronous code: a request arrives later, as over
        // a network (and a handler that throws synchronously becomes a rejection, answered below).
        response = (await Promise.resolve().then(() => target(toFetchRequest(request)))) ?? undefined;
      } catch (error) {
        // Served over the network, every framework answers a handler that throws with a 500: so does this transport,
        // with the error and its stack as the body, which the report shows as the reply.
        response = thrownReply(error);
      }
      if (!response) return { kind: 'refused', message: `no in-process handler for ${request.method} ${request.url}` };
      return toTransportReply(response);
    },
    async close(): Promise<void> {
      closed = true;
    },
  };
}

/** The 500 a framework would send for a handler that threw `error`. */
function thrownReply(error: unknown): Response {
  // An Error's stack starts with its name and message; anything else thrown is shown as it converts to a string.
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : messageOf(error);
  return new Response(`the handler threw ${detail}\n`, { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

// `new Request` WHATWG-parses the URL (a `'` in the query becomes `%27`): exactly what a fetch-style server adapter
// (Hono's node-server, Next.js) does with the raw request target it receives, so the handler sees the same URL both ways.
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
