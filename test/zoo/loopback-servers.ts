import { afterAll } from 'vitest';
import { RECEIVE_XML, send, serve, type RunningServer } from './serve.js';

/** The loopback servers of one test file: each is closed once the file's tests are done. */
export interface LoopbackServers {
  /** Serves `listener` on 127.0.0.1 and returns its URL. */
  started(listener: Parameters<typeof serve>[0]): Promise<string>;
  /** A conforming server that counts the requests it gets (a refused command must send none). */
  counting(): Promise<{ readonly url: string; readonly requests: () => number }>;
  /** Keeps a server the file started itself, to close it with the others. */
  track(server: RunningServer): RunningServer;
}

/** Call at the top of a test file: registers the `afterAll` that closes what the file started. */
export function loopbackServers(): LoopbackServers {
  const running: RunningServer[] = [];
  afterAll(() => Promise.all(running.map((server) => server.close())));
  const track = (server: RunningServer): RunningServer => {
    running.push(server);
    return server;
  };
  return {
    track,
    started: async (listener) => track(await serve(listener)).url(),
    async counting() {
      let requests = 0;
      const server = track(
        await serve((req, res) => {
          requests += 1;
          req.resume();
          req.on('end', () => send(res, 200, RECEIVE_XML));
        }),
      );
      return { url: server.url(), requests: () => requests };
    },
  };
}
