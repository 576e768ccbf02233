/**
 * The source of a Node module hook that appends the URL of every module resolved to the file `data.out` (given to
 * `register`): tests of what an entry or a command loads write it beside a `register` call and read the file.
 */
export const RECORD_HOOKS_SOURCE = [
  "import { appendFileSync } from 'node:fs';",
  'let out;',
  'export function initialize(data) { out = data.out; }',
  'export async function resolve(specifier, context, next) {',
  '  const result = await next(specifier, context);',
  "  appendFileSync(out, result.url + '\\n');",
  '  return result;',
  '}',
].join('\n');
