import type { OutputStream } from '../model/io.js';

/**
 * Whether to colour what goes to `stream`: an explicit `--color`/`--no-color` wins, then `FORCE_COLOR`
 * (`0`/`false` turn colour off), then `NO_COLOR` (any non-empty value, per no-color.org), then a TTY that is not
 * `TERM=dumb`.
 */
export function shouldUseColor(
  stream: OutputStream,
  env: Readonly<Record<string, string | undefined>>,
  explicit?: boolean,
): boolean {
  if (explicit !== undefined) return explicit;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR']) return false;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}
