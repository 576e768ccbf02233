import { getResponse, type RequestHandler } from 'msw';

/**
 * A fetch handler that answers with the first of msw's request handlers matching the request, or `undefined` when
 * none does (the in-process transport then reports the request as refused). It resolves the handlers with msw's
 * `getResponse`, which intercepts nothing, so a suite that already describes its server as msw handlers can be checked
 * as is, with the user's own msw 2 or 3.
 * @example await checkServer({ handler: fetchHandlerOf([http.post('https://app.example/fax', resolver)]), url: 'https://app.example/fax' });
 */
export function fetchHandlerOf(handlers: readonly RequestHandler[]): (request: Request) => Promise<Response | undefined> {
  return async (request) => getResponse([...handlers], request);
}
