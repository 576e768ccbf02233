import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseAst } from 'rolldown/parseAst';

/** What kind of declaration an export is, as `docs/api.md` names it. */
export type DeclarationKind = 'function' | 'const' | 'class' | 'interface' | 'type';

/** One name an entry exports, and where it is declared. */
export interface PublicExport {
  /** The name users import. */
  readonly name: string;
  /** The file that declares it (absolute), and its name there. */
  readonly file: string;
  readonly local: string;
  /** `value` for functions, constants and classes; `type` for interfaces and type aliases. */
  readonly kind: 'value' | 'type';
  readonly declarationKind: DeclarationKind;
  /** True when a TSDoc comment (`/** … *\/`) stands right before the declaration. */
  readonly documented: boolean;
  /** The TSDoc comment's text without its `*` margins and `@` tags; empty when there is none. */
  readonly doc: string;
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

// Right before it: a file's opening comment, a blank line away, documents the file, not the declaration.
const DOC_COMMENT_BEFORE = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/[ \t]*\n?[ \t]*$/;

/** The text of the TSDoc comment that ends right before `start`, or undefined when there is none. */
function docCommentBefore(code: string, start: number): string | undefined {
  const body = DOC_COMMENT_BEFORE.exec(code.slice(0, start))?.[1];
  return body === undefined ? undefined : commentText(body);
}

/** A comment's lines without their ` * ` margin, up to the first `@` tag. */
function commentText(body: string): string {
  const lines = body.split('\n').map((line) => line.replace(/^\s*\* ?/, '').trimEnd());
  const tag = lines.findIndex((line) => line.startsWith('@'));
  return (tag === -1 ? lines : lines.slice(0, tag))
    .join('\n')
    .replace(/\{@link\s+([^}\s]+)\s*\}/g, '`$1`')
    .replaceAll('*\\/', '*/')
    .trim();
}

function kindOf(type: string): DeclarationKind {
  if (type === 'TSInterfaceDeclaration') return 'interface';
  if (type === 'TSTypeAliasDeclaration') return 'type';
  if (type === 'ClassDeclaration') return 'class';
  if (type === 'FunctionDeclaration' || type === 'TSDeclareFunction') return 'function';
  // A variable: the package exports constants only (no `export let`).
  return 'const';
}

/** The declaration of `local` in `file`, followed through re-exports. */
function declaration(file: string, local: string): Omit<PublicExport, 'name'> {
  const { code, program } = parse(file);
  for (const node of program.body) {
    if (node.type === 'ExportNamedDeclaration' && node.declaration) {
      const declared = node.declaration as Node & { id?: unknown; declarations?: Array<{ id: unknown }> };
      const names = declared.declarations ? declared.declarations.map((d) => nameOf(d.id)) : [nameOf(declared.id)];
      if (names.includes(local)) {
        const declarationKind = kindOf(declared.type);
        const doc = docCommentBefore(code, node.start);
        return { file, local, kind: declarationKind === 'interface' || declarationKind === 'type' ? 'type' : 'value', declarationKind, documented: doc !== undefined, doc: doc ?? '' };
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

/** Every name `entry` exports, each with its declaration and TSDoc. */
export function publicExports(entry: string): PublicExport[] {
  return exportedNames(entry).map((name) => ({ name, ...declaration(entry, name) }));
}

/** The opening TSDoc comment of `entry` (what the module is), or an empty string. */
export function moduleDoc(entry: string): string {
  const { code, program } = parse(entry);
  const first = program.body[0];
  const opening = /^\s*\/\*\*((?:(?!\*\/)[\s\S])*)\*\//.exec(code.slice(0, first?.start ?? code.length))?.[1];
  return opening === undefined ? '' : commentText(opening);
}
