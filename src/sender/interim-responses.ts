import type { Socket } from 'node:net';

// The status line of an interim response: `HTTP/1.1 1xx`. 101 is not interim: it switches protocols.
const INTERIM_STATUS = /^HTTP\/1\.[01] 1(?!01)\d\d[ \r\n]/;
const STATUS_LINE_PREFIX = 13;
const HEAD_END = /\r?\n\r?\n/;

/**
 * A socket that drops interim (1xx) responses before undici's parser sees them. RFC 9110 §15.2: "A client MUST be
 * able to parse one or more 1xx responses received prior to a final response, even if the client does not expect
 * one"; curl and Node's own `http` do. undici's HTTP/1.1 client destroys the connection on any `100 Continue` it did
 * not ask for, which would report a legal reply as a broken connection. Interim responses carry nothing the sender
 * uses, so dropping them here (before the final response's head, and nowhere else) is exactly "ignore them".
 *
 * The network transport sends one request per connection, so the connection carries one response: only its start is
 * inspected, from the first byte, until the first final status line. (Spotting request lines in what undici writes
 * missed a GET whose long query pushed ` HTTP/1.1` out of the bytes looked at, and left its 100 to undici.)
 * `maxHeadBytes` bounds what is held while a head is incomplete; beyond it the bytes pass through and undici's own
 * header limit applies.
 *
 * The socket filters what it hands its readers itself (its `push`, through which Node's socket delivers every chunk
 * it reads, TLS included), until the final status line is seen; then it is a plain socket again. A stream wrapped
 * around the socket did the same, but doubled the stream work of every read, write and teardown: about a fifth of
 * the harness's CPU per request (`npm run bench`). The filter is in place before the socket reads a byte: undici's
 * connector hands the socket over on `connect`, and nothing is read before that.
 */
export function withoutInterimResponses(socket: Socket, maxHeadBytes: number): Socket {
  const push = socket.push;
  const ownPush = Object.hasOwn(socket, 'push');
  // Until the final response's status line: the one response this connection carries.
  let pending: Buffer = Buffer.alloc(0);
  const done = (): void => {
    // Back to the socket's own `push`: no cost per chunk once the head is seen.
    if (ownPush) socket.push = push;
    else delete (socket as { push?: unknown }).push;
  };
  const release = (): boolean => {
    done();
    const held = pending;
    pending = Buffer.alloc(0);
    return held.length === 0 || push.call(socket, held);
  };
  socket.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (chunk === null || chunk === undefined) {
      // The end of the stream: what is held is all there is.
      release();
      return push.call(socket, chunk, encoding);
    }
    // A socket pushes Buffers; anything else is copied into one.
    const bytes = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk as Uint8Array);
    pending = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
    for (;;) {
      const start = pending.subarray(0, STATUS_LINE_PREFIX).toString('latin1');
      const complete = pending.length >= STATUS_LINE_PREFIX || start.includes('\n');
      // Too little to tell yet: hold it and read on.
      if (!complete) return true;
      if (!INTERIM_STATUS.test(start)) return release();
      const end = HEAD_END.exec(pending.subarray(0, maxHeadBytes).toString('latin1'));
      if (!end) {
        if (pending.length < maxHeadBytes) return true;
        return release();
      }
      pending = pending.subarray(end.index + end[0].length);
    }
  };
  return socket;
}
