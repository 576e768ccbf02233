/**
 * Validates a value against docs/report.schema.json. With ajv installed (a dev dependency to add: `ajv`, whose
 * `ajv/dist/2020` validates draft 2020-12), ajv does it. Until then, a small validator of exactly the keywords that
 * schema uses does; it refuses any other keyword, so it can never pass a value by ignoring a rule.
 */
type Schema = boolean | { readonly [keyword: string]: unknown };

const KNOWN = new Set(['$schema', 'title', 'description', '$defs', '$ref', 'oneOf', 'type', 'const', 'enum', 'properties', 'required', 'additionalProperties', 'items', 'minimum', 'maximum', 'pattern']);

/** Every way `value` breaks `schema`, as `path: what`; none when it is valid. */
export async function schemaErrors(schema: Schema, value: unknown): Promise<string[]> {
  const ajv = await loadAjv();
  if (ajv) {
    const validate = new ajv({ allErrors: true, strict: true }).compile(schema);
    return validate(value) ? [] : (validate.errors ?? []).map((e: { instancePath: string; message?: string }) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
  }
  return subsetErrors(schema, schema, value, '');
}

/** Which validator `schemaErrors` uses here. */
export async function schemaValidator(): Promise<'ajv' | 'subset'> {
  return (await loadAjv()) ? 'ajv' : 'subset';
}

async function loadAjv(): Promise<(new (options: object) => { compile(schema: Schema): ((value: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null } }) | undefined> {
  const specifier = 'ajv/dist/2020.js';
  try {
    const module = (await import(/* @vite-ignore */ specifier)) as { default: never };
    return module.default;
  } catch {
    return undefined;
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

function subsetErrors(root: Schema, schema: Schema, value: unknown, path: string): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path || '/'}: not allowed`];
  const unknown = Object.keys(schema).filter((keyword) => !KNOWN.has(keyword));
  if (unknown.length > 0) throw new Error(`the subset validator does not know ${unknown.join(', ')}: install ajv`);
  const errors: string[] = [];
  const at = path || '/';
  if (typeof schema.$ref === 'string') {
    const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name === undefined ? undefined : (root as { $defs?: Record<string, Schema> }).$defs?.[name];
    if (target === undefined) throw new Error(`unresolved $ref ${schema.$ref}`);
    errors.push(...subsetErrors(root, target, value, path));
  }
  if (Array.isArray(schema.oneOf)) {
    const matching = (schema.oneOf as Schema[]).filter((branch) => subsetErrors(root, branch, value, path).length === 0).length;
    if (matching !== 1) errors.push(`${at}: matches ${matching} of oneOf's ${schema.oneOf.length} schemas`);
  }
  if (schema.type !== undefined) {
    const actual = typeOf(value);
    const allowed = ([] as unknown[]).concat(schema.type);
    if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) errors.push(`${at}: is ${actual}, not ${allowed.join(' or ')}`);
  }
  if ('const' in schema && value !== schema.const) errors.push(`${at}: is not ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${at}: is below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${at}: is above ${schema.maximum}`);
  }
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${at}: does not match ${schema.pattern}`);
  if (Array.isArray(value) && schema.items !== undefined) value.forEach((item, index) => errors.push(...subsetErrors(root, schema.items as Schema, item, `${path}/${index}`)));
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[]) if (!(name in object)) errors.push(`${at}: lacks ${name}`);
    for (const [name, item] of Object.entries(object)) {
      const rule = properties[name] ?? (schema.additionalProperties as Schema | undefined);
      if (rule !== undefined) errors.push(...subsetErrors(root, rule, item, `${path}/${name}`));
    }
  }
  return errors;
}
