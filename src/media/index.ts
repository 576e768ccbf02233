/** The kit's loopback media server and Twilio's `MediaUrl` shape: a valid fax PDF or TIFF behind every `MediaUrl` of a run. */
export { startMediaServer, type MediaServer } from './media-server.js';
export { formatOfMediaKey, mediaUrlFor, parseMediaPath, presignedQueryMatches, TWILIO_MEDIA_ORIGIN, type FaxMediaFormat, type FaxMediaRef } from './media-url.js';
