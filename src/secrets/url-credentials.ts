import type { UrlCredentials } from '../model/exchange.js';

// Works on the string, not on `new URL().href`, so it removes the user-info and changes nothing else: the spelling
// of the URL is the caller's (the sender passes the URL as requested, see requested-url.ts).
const USER_INFO = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^/?#]*)@/;

/** The URL without `user:pass@`. */
export function stripCredentials(url: string): string {
  return url.replace(USER_INFO, '$1');
}

/** The credentials in a URL's user-info, or undefined when there are none. */
export function credentialsOf(url: string): UrlCredentials | undefined {
  const userInfo = USER_INFO.exec(url)?.[2];
  if (userInfo === undefined || userInfo === '') return undefined;
  const colon = userInfo.indexOf(':');
  const [user, pass] = colon === -1 ? [userInfo, ''] : [userInfo.slice(0, colon), userInfo.slice(colon + 1)];
  return { username: safeDecode(user), password: safeDecode(pass) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
