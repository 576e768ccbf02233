import { createRequire } from 'node:module';
import type Ajv from 'ajv';

// ajv's draft 2020-12 class is a CommonJS default export: required, so its constructor type survives NodeNext.
const Ajv2020 = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof Ajv.default;

type Schema = boolean | { readonly [keyword: string]: unknown };

/**
 * Every way `value` breaks `schema` (JSON Schema draft 2020-12, ajv in strict mode), as `path: what`; none when it is
 * valid.
 */
export function schemaErrors(schema: Schema, value: unknown): string[] {
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}
