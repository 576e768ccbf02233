import { createServer } from 'node:net';

/** A port nobody listens on right now, for a server a test starts (and the kit must stop). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return port;
}

/** Whether something answers HTTP on 127.0.0.1:`port` (any status): after a run, the started server must not. */
export async function isListening(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/health`).then(() => true, () => false);
}
