/**
 * Why a `Set-Cookie` value is one Twilio refuses with 11206 (protocol.md §4: control characters or an empty name),
 * or undefined when it is acceptable.
 */
export function setCookieViolation(setCookie: string): string | undefined {
  // Tab is allowed inside header values; every other C0 control and DEL is not.
  if (/[\u0000-\u0008\u000A-\u001F\u007F]/.test(setCookie)) return 'a Set-Cookie header contains control characters';
  const pair = setCookie.split(';', 1)[0] ?? '';
  const equals = pair.indexOf('=');
  const name = equals === -1 ? '' : pair.slice(0, equals).trim();
  if (name === '') return `a Set-Cookie header has an empty cookie name: ${JSON.stringify(setCookie)}`;
  return undefined;
}
