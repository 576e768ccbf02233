import { createServer } from 'node:http';
import { listenOnLoopback } from '../loopback-server.js';
import { minimalPdf } from '../msw/minimal-pdf.js';
import { minimalTiff } from '../msw/minimal-tiff.js';

/** The kit's loopback media server, up for one run. */
export interface MediaServer {
  /** Where `MediaUrl`s point, e.g. `http://127.0.0.1:40123/media`. */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * Serves a small, valid one-page fax on 127.0.0.1 so that a server which downloads `MediaUrl` works offline:
 * `GET /media/<anything>.pdf` a PDF, `.tif`/`.tiff` a TIFF, anything else 404. Stateless, no credentials needed.
 * @example const media = await startMediaServer(); … await media.close();
 */
export async function startMediaServer(): Promise<MediaServer> {
  const pdf = minimalPdf();
  const tiff = minimalTiff();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://media').pathname;
    const body = !path.startsWith('/media/') ? undefined : /\.pdf$/i.test(path) ? pdf : /\.tiff?$/i.test(path) ? tiff : undefined;
    if (!body || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(body ? 405 : 404, { 'Content-Type': 'text/plain' }).end(body ? 'use GET\n' : 'no such fax media\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': /\.pdf$/i.test(path) ? 'application/pdf' : 'image/tiff', 'Content-Length': String(body.byteLength) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  // A run's last download must not keep the process alive once the run is over.
  server.keepAliveTimeout = 1_000;
  const listening = await listenOnLoopback(server);
  return { baseUrl: `${listening.origin}/media`, close: listening.close };
}
