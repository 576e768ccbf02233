/** The kit's loopback media server: a valid fax PDF or TIFF behind every `MediaUrl` of a run. */
export { startMediaServer, type MediaServer } from './media-server.js';
export { mediaUrlFor, type FaxMediaFormat } from './media-url.js';
