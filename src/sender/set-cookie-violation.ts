/**
 * Why a `Set-Cookie` value is one Twilio refuses with 11206, or undefined when it is acceptable. Twilio's 11206 page
 * names "an invalid cookie character such as `\t`, `\r`, `\n`, `\v`, or `\f`" and "a cookie with an empty name"
 * (docs/protocol.md, "Replies the kit refuses"): every C0 control, tab included, and DEL.
 */
export function setCookieViolation(setCookie: string): string | undefined {
  const control = /[\u0000-\u001F\u007F]/.exec(setCookie)?.[0];
  if (control !== undefined) {
    const shown = control === '\t' ? 'a tab' : `the control character U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return `a Set-Cookie header contains ${shown}: ${JSON.stringify(setCookie)}`;
  }
  const pair = setCookie.split(';', 1)[0] ?? '';
  const equals = pair.indexOf('=');
  const name = equals === -1 ? '' : pair.slice(0, equals).trim();
  if (name === '') return `a Set-Cookie header has an empty cookie name: ${JSON.stringify(setCookie)}`;
  return undefined;
}
