import { credentialsOf } from './url-credentials.js';

/** What the user gave the kit that may hold a secret. */
export interface SecretSources {
  /** The auth token (`--auth-token`, `TWILIO_AUTH_TOKEN`). */
  readonly authToken?: string | undefined;
  /** URLs that may carry `user:password@` (the webhook URL, `--media-url`, `--wait-for`). */
  readonly urls?: ReadonlyArray<string | undefined>;
}

/**
 * The secrets no output of the kit may show: the auth token, and for each URL with credentials its password (as
 * decoded and as written), and `user:password` (what Basic auth encodes). A user name alone, with no password, is
 * a secret too: some services put an API key there.
 * @example secretsOf({ authToken, urls: ['https://fax:s3cret@example.com/fax'] }) // [authToken, 's3cret', 'fax:s3cret']
 */
export function secretsOf(sources: SecretSources): string[] {
  const secrets: string[] = [];
  if (sources.authToken) secrets.push(sources.authToken);
  for (const url of sources.urls ?? []) {
    if (url === undefined) continue;
    const credentials = credentialsOf(url);
    if (!credentials) continue;
    const written = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(url)?.[1] ?? '';
    if (credentials.password === '') {
      secrets.push(credentials.username, written);
      continue;
    }
    secrets.push(credentials.password, `${credentials.username}:${credentials.password}`, written, written.slice(written.indexOf(':') + 1));
  }
  return [...new Set(secrets.filter((secret) => secret !== ''))];
}
