import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server of the kit's own, listening on 127.0.0.1 for one run. */
export interface LoopbackServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  readonly origin: string;
  /** Stops listening and drops open connections, so a keep-alive client cannot hold the run open. */
  close(): Promise<void>;
}

/**
 * Starts `server` on 127.0.0.1 on a free port. The media server, the signing proxy and the state server of
 * `pact verify` listen this way: loopback only, nothing reachable from outside the machine.
 */
export async function listenOnLoopback(server: Server): Promise<LoopbackServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
