// Types for the three files of undici the network transport imports directly (network-transport.ts says why): each
// is a CommonJS module whose `module.exports` is what undici's index re-exports under the same name.
declare module 'undici/lib/dispatcher/client.js' {
  import type { Client } from 'undici';
  const UndiciClient: typeof Client;
  export default UndiciClient;
}

declare module 'undici/lib/core/connect.js' {
  import type { buildConnector } from 'undici';
  const buildUndiciConnector: typeof buildConnector;
  export default buildUndiciConnector;
}

declare module 'undici/lib/api/api-request.js' {
  import type { Client, Dispatcher } from 'undici';
  /** undici's `Dispatcher.prototype.request`, called on a client. */
  function undiciRequest(this: Client, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>;
  export default undiciRequest;
}

declare module 'undici/lib/core/errors.js' {
  import type { errors } from 'undici';
  export const ClientDestroyedError: typeof errors.ClientDestroyedError;
}
