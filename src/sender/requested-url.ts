/** The URL exactly as the sender requests it (kept here for the modules that import it from this path). */
export { requestedUrl } from './raw-url.js';
