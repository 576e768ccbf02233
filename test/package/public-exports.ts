import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseAst } from 'rolldown/parseAst';

/** One name an entry exports, and where it is declared. */
export interface PublicExport {
  /** The name users import. */
  readonly name: string;
  /** The file that declares it (absolute), and its name there. */
  readonly file: string;
  readonly local: string;
  /** `value` for functions, constants and classes; `type` for interfaces and type aliases. */
  readonly kind: 'value' | 'type';
  /** True when a TSDoc comment (`/** … *\/`) stands right before the declaration. */
  readonly documented: boolean;
}

interface Node {
  readonly type: string;
  readonly start: number;
  readonly [key: string]: unknown;
}

type Program = { readonly body: readonly Node[] };

const parsed = new Map<string, { code: string; program: Program }>();

function parse(file: string): { code: string; program: Program } {
  let result = parsed.get(file);
  if (!result) {
    const code = readFileSync(file, 'utf8');
    result = { code, program: parseAst(code, { lang: 'ts', sourceType: 'module' }, file) as unknown as Program };
    parsed.set(file, result);
  }
  return result;
}

const nameOf = (node: unknown): string => {
  const n = node as { name?: string; value?: string };
  return n.name ?? n.value ?? '';
};
const moduleFile = (from: string, specifier: string): string => resolve(dirname(from), specifier).replace(/\.js$/, '.ts');

function hasDocComment(code: string, start: number): boolean {
  // Right before it: a file's opening comment, a blank line away, documents the file, not the declaration.
  return /\/\*\*(?:(?!\*\/)[\s\S])*\*\/[ \t]*\n?[ \t]*$/.test(code.slice(0, start));
}

/** The declaration of `local` in `file`, followed through re-exports. */
function declaration(file: string, local: string): Omit<PublicExport, 'name'> {
  const { code, program } = parse(file);
  for (const node of program.body) {
    if (node.type === 'ExportNamedDeclaration' && node.declaration) {
      const declared = node.declaration as Node & { id?: unknown; declarations?: Array<{ id: unknown }> };
      const names = declared.declarations ? declared.declarations.map((d) => nameOf(d.id)) : [nameOf(declared.id)];
      if (names.includes(local)) {
        const kind = declared.type === 'TSInterfaceDeclaration' || declared.type === 'TSTypeAliasDeclaration' ? 'type' : 'value';
        return { file, local, kind, documented: hasDocComment(code, node.start) };
      }
    }
    if (node.type === 'ExportNamedDeclaration' && node.source) {
      for (const spec of node.specifiers as Array<{ exported: unknown; local: unknown }>) {
        if (nameOf(spec.exported) === local) return declaration(moduleFile(file, nameOf(node.source)), nameOf(spec.local));
      }
    }
  }
  for (const node of program.body) {
    if (node.type === 'ExportAllDeclaration' && !node.exported) {
      const inner = moduleFile(file, nameOf(node.source));
      if (exportedNames(inner).includes(local)) return declaration(inner, local);
    }
  }
  throw new Error(`${file} does not export ${local}`);
}

/** The names a module exports (own declarations, named re-exports and `export *`). */
function exportedNames(file: string): string[] {
  const names: string[] = [];
  for (const node of parse(file).program.body) {
    if (node.type === 'ExportNamedDeclaration') {
      const declared = node.declaration as (Node & { id?: unknown; declarations?: Array<{ id: unknown }> }) | null;
      if (declared) names.push(...(declared.declarations ? declared.declarations.map((d) => nameOf(d.id)) : [nameOf(declared.id)]));
      for (const spec of (node.specifiers as Array<{ exported: unknown }> | undefined) ?? []) names.push(nameOf(spec.exported));
    }
    if (node.type === 'ExportAllDeclaration' && !node.exported) names.push(...exportedNames(moduleFile(file, nameOf(node.source))));
  }
  return names;
}

/** Every name `entry` exports, each with its declaration. */
export function publicExports(entry: string): PublicExport[] {
  return exportedNames(entry).map((name) => ({ name, ...declaration(entry, name) }));
}
