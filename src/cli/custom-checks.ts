import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeCheckProblem } from '../checks/check-api/define-check.js';
import type { Check } from '../checks/check-api/types.js';
import { withCustomChecks } from '../checks/registry.js';

/** The checks `--custom-checks` files export, or one line saying why they cannot be used. */
export type LoadedChecks = { readonly ok: true; readonly checks: readonly Check[] } | { readonly ok: false; readonly message: string };

/**
 * Imports each `--custom-checks` file (relative to `cwd`) and takes every export that is a check made with
 * `defineCheck`, or an array of them, in export order. A file that cannot be imported, that exports no check, or
 * whose checks clash with the built-in ones or each other, is one line naming the file.
 * @example await loadCustomChecks(['fax-checks.mjs'], io.cwd)
 */
export async function loadCustomChecks(files: readonly string[], cwd: string): Promise<LoadedChecks> {
  const checks: Check[] = [];
  for (const file of files) {
    let exports: Record<string, unknown>;
    const path = resolve(cwd, file);
    try {
      exports = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    } catch (error) {
      return { ok: false, message: `--custom-checks ${file}: ${describeImportError(error, path)}` };
    }
    const found = Object.values(exports).flatMap((value) => (isCheck(value) ? [value] : Array.isArray(value) && value.length > 0 && value.every(isCheck) ? value : []));
    if (found.length === 0) {
      return { ok: false, message: `--custom-checks ${file} exports no check; export the checks made with defineCheck from 'twiml-fax-kit/harness'` };
    }
    const all = withCustomChecks([...checks, ...found]);
    if (!all.ok) return { ok: false, message: `--custom-checks ${file}: ${all.message}` };
    checks.push(...found.filter((check) => !checks.includes(check)));
  }
  return { ok: true, checks };
}

function isCheck(value: unknown): value is Check {
  return describeCheckProblem(value) === undefined;
}

function describeImportError(error: unknown, path: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  // The file itself is missing; a module it imports that is missing is the file's own error, told as it is below.
  if ((message.includes(`'${path}'`) || message.includes(`'${pathToFileURL(path).href}'`)) && (code === 'ERR_MODULE_NOT_FOUND' || /cannot find|does not exist|failed to load/i.test(message))) {
    return `no such file ${path} (check the path)`;
  }
  if (code === 'ERR_UNKNOWN_FILE_EXTENSION') {
    return 'Node cannot import this kind of file by itself; compile the checks to JavaScript (.js or .mjs), or run the kit through a TypeScript loader (e.g. npx tsx node_modules/twiml-fax-kit/dist/src/bin.js check ...)';
  }
  return `importing it failed: ${error instanceof Error ? `${error.name}: ${message}` : message}`;
}
