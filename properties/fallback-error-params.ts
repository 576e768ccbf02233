import fc from 'fast-check';
import { TWILIO_PROFILE, type FaxProfile } from '../src/protocol/profile.js';

/** What a fallback request adds to the fax URL's parameters: the error of the fax URL's failure and where it occurred. */
export interface FallbackErrorParams {
  /** A Twilio error code after which the fallback is requested (`11205`, `12100`, ...), as a string. */
  ErrorCode: string;
  /** The fax URL that failed, as a number is configured with it. */
  ErrorUrl: string;
}

/** Options of {@link fallbackErrorParams}. */
export interface FallbackErrorParamsOptions {
  /** The service whose fallback to draw (its error codes); Twilio's by default. */
  readonly profile?: Pick<FaxProfile, 'fallback'>;
}

// Fax URLs as numbers are configured with them: https, a path, sometimes a query the app routes on.
const failedFaxUrl = fc
  .record({
    host: fc.constantFrom('fax.example.com', 'app.example.org', 'api.example.net:8443', 'example.com'),
    path: fc.constantFrom('/fax', '/twilio/fax', '/webhooks/fax/incoming', '/fax/receive', '/'),
    query: fc.constantFrom('', '?tenant=42', '?source=twilio&v=2'),
  })
  .map(({ host, path, query }) => `https://${host}${path}${query}`);

/**
 * The `ErrorCode` and `ErrorUrl` of a fallback request: a failure of a primary fax URL after which the service
 * requests the fallback (the profile's `fallback.requestedAfter`, shrinking towards the first: 11200, a 4xx or 5xx),
 * and the fax URL it occurred on.
 * @example fc.sample(fallbackErrorParams(), 1) // [{ ErrorCode: '11205', ErrorUrl: 'https://fax.example.com/fax' }]
 */
export function fallbackErrorParams(options: FallbackErrorParamsOptions = {}): fc.Arbitrary<FallbackErrorParams> {
  const { fallback } = options.profile ?? TWILIO_PROFILE;
  return fc.record({
    ErrorCode: fc.constantFrom(...fallback.requestedAfter).map(String),
    ErrorUrl: failedFaxUrl,
  });
}
