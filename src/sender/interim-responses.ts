import { Duplex } from 'node:stream';
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
 */
export function withoutInterimResponses(socket: Socket, maxHeadBytes: number): Socket {
  return new InterimResponseFilter(socket, maxHeadBytes) as unknown as Socket;
}

class InterimResponseFilter extends Duplex {
  // Until the final response's status line: the one response this connection carries.
  private awaitingHead = true;
  private pending: Buffer = Buffer.alloc(0);

  constructor(
    private readonly socket: Socket,
    private readonly maxHeadBytes: number,
  ) {
    super();
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('end', () => {
      this.flush();
      this.push(null);
    });
    socket.on('error', (error) => this.destroy(error));
    socket.on('close', () => {
      if (!this.destroyed) this.destroy();
    });
  }

  // What undici reads off a socket for its messages and timers.
  get localAddress() {
    return this.socket.localAddress;
  }
  get localPort() {
    return this.socket.localPort;
  }
  get remoteAddress() {
    return this.socket.remoteAddress;
  }
  get remotePort() {
    return this.socket.remotePort;
  }
  get remoteFamily() {
    return this.socket.remoteFamily;
  }
  get bytesRead() {
    return this.socket.bytesRead;
  }
  get bytesWritten() {
    return this.socket.bytesWritten;
  }
  ref(): this {
    this.socket.ref();
    return this;
  }
  unref(): this {
    this.socket.unref();
    return this;
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.socket.write(chunk, encoding, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.socket.end(callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy(error ?? undefined);
    callback(error);
  }

  private receive(chunk: Buffer): void {
    if (!this.awaitingHead) {
      this.forward(chunk);
      return;
    }
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    while (this.awaitingHead) {
      const start = this.pending.subarray(0, STATUS_LINE_PREFIX).toString('latin1');
      const complete = this.pending.length >= STATUS_LINE_PREFIX || start.includes('\n');
      if (!complete) return;
      if (!INTERIM_STATUS.test(start)) {
        this.awaitingHead = false;
        break;
      }
      const end = HEAD_END.exec(this.pending.subarray(0, this.maxHeadBytes).toString('latin1'));
      if (!end) {
        if (this.pending.length < this.maxHeadBytes) return;
        this.awaitingHead = false;
        break;
      }
      this.pending = this.pending.subarray(end.index + end[0].length);
    }
    this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const held = this.pending;
    this.pending = Buffer.alloc(0);
    this.forward(held);
  }

  private forward(chunk: Buffer): void {
    if (!this.push(chunk)) this.socket.pause();
  }
}
