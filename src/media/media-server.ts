import { createServer, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../loopback/loopback-server.js';
import { minimalPdf } from './minimal-pdf.js';
import { minimalTiff } from './minimal-tiff.js';
import { formatOfMediaKey, mediaQueryMatches, parseMediaPath } from '../protocol/media-url.js';
import { TWILIO_PROFILE, type FaxProfile } from '../protocol/profile.js';
import { refusedPresignedRequest, s3Error, type S3ErrorCode } from './s3-errors.js';

/** The kit's loopback media server, up for one run. */
export interface MediaServer {
  /** What stands for the profile's media origin (`https://media.twiliocdn.com`) in `MediaUrl`s, e.g. `http://127.0.0.1:40123`. */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * Serves a small, valid one-page fax on 127.0.0.1 so that a server which downloads `MediaUrl` works offline, at the
 * URLs `mediaUrlFor` makes in the shape of `profile.media`, and behaves as the pre-signed URL Twilio sent did:
 * `GET /fax/{AccountSid}/{key}?X-Amz-…` answers the PDF or TIFF its key stands for; an `Authorization` header is refused (400, one auth mechanism only),
 * a query changed on the way (decoded, re-encoded) is refused (403 SignatureDoesNotMatch), any other key is 404.
 * Stateless.
 * @example const media = await startMediaServer(profile); … await media.close();
 */
export async function startMediaServer(profile: Pick<FaxProfile, 'media' | 'parameters'> = TWILIO_PROFILE): Promise<MediaServer> {
  const pdf = minimalPdf();
  const tiff = minimalTiff();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://media');
    const refused = refusedPresignedRequest(req.method ?? 'GET', req.headers.authorization !== undefined);
    if (refused) return sendError(res, refused);
    const path = parseMediaPath(url.pathname, profile.media, profile.parameters);
    const format = path && formatOfMediaKey(path.key);
    if (!path || !format) return sendError(res, 'NoSuchKey');
    if (!mediaQueryMatches(path.key, url.search, profile.media)) return sendError(res, 'SignatureDoesNotMatch');
    const body = format === 'image/tiff' ? tiff : pdf;
    res.writeHead(200, { 'Content-Type': format, 'Content-Length': String(body.byteLength) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  // A run's last download must not keep the process alive once the run is over.
  server.keepAliveTimeout = 1_000;
  const listening = await listenOnLoopback(server);
  return { baseUrl: listening.origin, close: listening.close };
}

function sendError(res: ServerResponse, code: S3ErrorCode): void {
  const { status, body } = s3Error(code);
  res.writeHead(status, { 'Content-Type': 'application/xml' }).end(body);
}
