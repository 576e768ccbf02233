import { HttpResponse } from 'msw';

/**
 * Twilio REST API errors in the shape its API answered them: a JSON body with `code`, `message`, `more_info`,
 * `status`. These are REST errors (what a fax app sees when it calls Twilio), not the webhook errors of
 * src/protocol/twilio-errors.ts (what Twilio saw when it called the app).
 */
export const TWILIO_REST_ERRORS = {
  /** No or wrong HTTP Basic credentials. */
  20003: 'Authentication Error',
  /** Unknown resource. */
  20404: 'Not Found',
} as const;

/** The JSON error body Twilio's REST API sends. */
export interface TwilioRestErrorBody {
  readonly code: keyof typeof TWILIO_REST_ERRORS;
  readonly message: string;
  readonly more_info: string;
  readonly status: number;
}

/** A 404 for a resource the fake API does not know, worded as Twilio words it. */
export function notFound(path: string): Response {
  const body: TwilioRestErrorBody = {
    code: 20404,
    message: `The requested resource ${path} was not found`,
    more_info: 'https://www.twilio.com/docs/errors/20404',
    status: 404,
  };
  return HttpResponse.json(body, { status: 404 });
}

/** A 401 with Twilio's Basic challenge; Twilio said "Authenticate" when no credentials came at all. */
export function unauthorized(request: Request): Response {
  const body: TwilioRestErrorBody = {
    code: 20003,
    message: request.headers.has('authorization') ? 'Authentication Error - invalid username/password' : 'Authenticate',
    more_info: 'https://www.twilio.com/docs/errors/20003',
    status: 401,
  };
  return HttpResponse.json(body, { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="Twilio API"' } });
}

/** HTTP Basic credentials: an account sid (or API key sid) and its auth token (or API key secret). */
export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * Whether `request` carries HTTP Basic credentials Twilio would accept: exactly `expected` when given, otherwise
 * any non-empty username and password (the fake cannot know the real token, but an app that sends none is wrong).
 */
export function hasAcceptedCredentials(request: Request, expected?: BasicCredentials): boolean {
  const match = /^Basic\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  if (!match?.[1]) return false;
  let decoded: string;
  try {
    // atob, not Buffer: the handlers also run in a browser under msw's setupWorker.
    decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]), (c) => c.charCodeAt(0)));
  } catch {
    return false;
  }
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return false;
  if (!expected) return true;
  return decoded.slice(0, colon) === expected.username && decoded.slice(colon + 1) === expected.password;
}
