/**
 * The bench's server: the example fax server the package ships (`examples/server/fax-server.ts`), in a process of its
 * own so that it gets its own core and the process measured gets the other. It talks to the bench over IPC:
 * - it sends `{ type: 'listening', url }` once it listens;
 * - on `{ type: 'watch-first' }` it sends `{ type: 'first-request' }` when the next request arrives (how the bench
 *   times a `check` from its spawn to its first request without trusting the kit's own clock);
 * - on `{ type: 'record' }` it keeps every request from then on, and on `{ type: 'dump' }` sends them back as
 *   `{ type: 'recorded', requests }` and stops keeping them (the raw client then replays exactly what the kit sent).
 */
import type { AddressInfo } from 'node:net';
import { createFaxServer } from '../examples/server/fax-server.js';
import type { ServerMessage, RecordedRequest } from './server-messages.js';

const send = (message: ServerMessage): void => void process.send?.(message);
const authToken = process.env.BENCH_AUTH_TOKEN;
const server = createFaxServer({ ...(authToken !== undefined && { authToken }), log: () => {} });
let watchingFirst = false;
let recording: RecordedRequest[] | undefined;

server.on('request', (req) => {
  if (watchingFirst) {
    watchingFirst = false;
    send({ type: 'first-request' });
  }
  const kept = recording;
  if (!kept) return;
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    kept.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.rawHeaders, body: Buffer.concat(chunks).toString('latin1') });
  });
});

process.on('message', (message: { type: string }) => {
  if (message.type === 'watch-first') watchingFirst = true;
  else if (message.type === 'record') recording = [];
  else if (message.type === 'dump') {
    send({ type: 'recorded', requests: recording ?? [] });
    recording = undefined;
  }
});
// The bench going away (even killed) ends the server: it must not outlive the run.
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => {
  send({ type: 'listening', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fax` });
});
