/** A fax TwiML reply as a small tree plus formatting choices, so generators and mutations can edit structure. */

/** One attribute; `raw` values go into the XML unescaped (for mutations that break escaping on purpose). */
export interface XmlAttribute {
  readonly name: string;
  readonly value: string;
  readonly raw?: boolean;
}

/** An element of the reply; `text` (escaped on output) makes it `<Name>text</Name>`. */
export interface XmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: readonly XmlAttribute[];
  readonly text?: string;
}

/** A comment; its text must not contain `--` nor end with `-`. */
export interface XmlComment {
  readonly kind: 'comment';
  readonly text: string;
}

/** Text written as is, for mutations that need markup no tree can express (a DOCTYPE, an unclosed tag). */
export interface XmlRaw {
  readonly kind: 'raw';
  readonly text: string;
}

export type XmlNode = XmlElement | XmlComment | XmlRaw;

/** The legal formatting choices of a reply: none of them changes what it means. */
export interface ReplyLayout {
  /** The XML declaration, or `''` for none. */
  readonly declaration: string;
  /** `''`: everything on one line. */
  readonly newline: string;
  readonly indent: string;
  /** The quote of each attribute, reused cyclically. */
  readonly quotes: readonly ('"' | "'")[];
  /** How an element without content closes. */
  readonly emptyElement: '/>' | ' />' | 'pair';
  /** Blank space before the root; only legal without a declaration. */
  readonly leadingSpace: string;
  readonly trailingNewline: boolean;
}

/** The whole reply. */
export interface TwimlDocument {
  readonly layout: ReplyLayout;
  readonly root: XmlElement;
  readonly children: readonly XmlNode[];
  /** Nodes between the declaration and the root (comments, or a second root for mutations). */
  readonly prolog: readonly XmlNode[];
  /** Nodes after the root element. */
  readonly epilog: readonly XmlNode[];
}

/** Writes the document as XML text. */
export function renderTwiml(document: TwimlDocument): string {
  const { layout } = document;
  const nl = layout.newline;
  const lines: string[] = [];
  if (layout.declaration) lines.push(layout.declaration);
  for (const node of document.prolog) lines.push(renderNode(node, layout, ''));
  const rootOpen = `<${document.root.name}${renderAttributes(document.root.attributes, layout)}`;
  if (document.children.length === 0) {
    lines.push(rootOpen + closeEmpty(document.root.name, layout));
  } else {
    lines.push(rootOpen + '>');
    const indent = nl === '' ? '' : layout.indent;
    for (const node of document.children) lines.push(renderNode(node, layout, indent));
    lines.push(`</${document.root.name}>`);
  }
  for (const node of document.epilog) lines.push(renderNode(node, layout, ''));
  const lead = layout.declaration ? '' : layout.leadingSpace;
  return lead + lines.join(nl) + (layout.trailingNewline ? nl || '\n' : '');
}

function renderNode(node: XmlNode, layout: ReplyLayout, indent: string): string {
  if (node.kind === 'comment') return `${indent}<!--${node.text}-->`;
  if (node.kind === 'raw') return indent + node.text;
  const open = `${indent}<${node.name}${renderAttributes(node.attributes, layout)}`;
  if (node.text !== undefined) return `${open}>${escapeText(node.text)}</${node.name}>`;
  return open + closeEmpty(node.name, layout);
}

function closeEmpty(name: string, layout: ReplyLayout): string {
  return layout.emptyElement === 'pair' ? `></${name}>` : layout.emptyElement;
}

function renderAttributes(attributes: readonly XmlAttribute[], layout: ReplyLayout): string {
  return attributes
    .map((attribute, index) => {
      const quote = layout.quotes[index % layout.quotes.length] ?? '"';
      const value = attribute.raw ? attribute.value : escapeAttribute(attribute.value, quote);
      return ` ${attribute.name}=${quote}${value}${quote}`;
    })
    .join('');
}

/** Escapes an attribute value for the given quote character. */
export function escapeAttribute(value: string, quote: '"' | "'"): string {
  const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return quote === '"' ? escaped.replace(/"/g, '&quot;') : escaped.replace(/'/g, '&apos;');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A copy of the document whose fax verb (the first element child) is replaced by `replace(verb)`. */
export function mapFirstVerb(document: TwimlDocument, replace: (verb: XmlElement) => readonly XmlNode[]): TwimlDocument {
  const index = document.children.findIndex((node) => node.kind === 'element');
  if (index === -1) return document;
  const verb = document.children[index] as XmlElement;
  return { ...document, children: [...document.children.slice(0, index), ...replace(verb), ...document.children.slice(index + 1)] };
}
