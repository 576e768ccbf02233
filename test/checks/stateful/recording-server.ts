import { afterEach } from 'vitest';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { readParams, serve, type RunningServer } from '../../zoo/serve.js';

/** One request as the server received it. */
export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly params: URLSearchParams;
}

/** A loopback server that records every request and answers with `reply`. */
export async function recordingServer(
  reply: (req: IncomingMessage, res: ServerResponse, params: URLSearchParams) => void,
): Promise<RunningServer & { readonly requests: Recorded[] }> {
  const requests: Recorded[] = [];
  const server = await serve((req, res) => {
    void readParams(req).then((params) => {
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, params });
      reply(req, res, params);
    });
  });
  return Object.assign(server, { requests });
}

/**
 * Call at the top of a test file: `record(reply)` starts a recording server, closed after each test of the file.
 * @example const record = recordingServers(); const server = await record((req, res) => send(res, 200, RECEIVE_XML));
 */
export function recordingServers(): (reply: Parameters<typeof recordingServer>[0]) => ReturnType<typeof recordingServer> {
  const closing: RunningServer[] = [];
  afterEach(async () => {
    await Promise.all(closing.splice(0).map((server) => server.close()));
  });
  return async (reply) => {
    const server = await recordingServer(reply);
    closing.push(server);
    return server;
  };
}
