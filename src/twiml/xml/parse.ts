import type { PositionIndex } from '../positions.js';
import { clipName, excerpt, quote } from '../quote.js';
import { attributeValue, findBadReference, firstIllegalChar, firstNonBlank, isBlank, isXmlWhitespace, readName } from './syntax.js';

// Why a hand-written parser rather than fast-xml-parser: its XMLValidator accepts two root elements and DOCTYPEs
// with entity declarations, and a valid document comes back without positions, while every TwiML diagnostic must
// point at a tag or attribute. This parser is one forward pass with an explicit stack (100 000 nested elements
// cost an array, not the call stack); every search is bounded by the region it consumes, so time is linear.
// It refuses any DOCTYPE on sight: nothing is declared, expanded or fetched.

/** An attribute as written, its value normalised and with references replaced. Offsets index the decoded text. */
export interface XmlAttribute {
  readonly name: string;
  readonly value: string;
  readonly offset: number;
  readonly valueOffset: number;
}

/** The first content found inside an element: a child element or non-whitespace text. */
export interface XmlContent {
  readonly kind: 'element' | 'text';
  readonly offset: number;
  /** The element's name, or the text (trimmed). */
  readonly text: string;
}

/** An element of the root or directly in it; deeper elements are checked for well-formedness only. */
export interface XmlElement {
  readonly name: string;
  readonly offset: number;
  readonly attributes: readonly XmlAttribute[];
  /** For elements directly in the root: the first thing inside them, if any. */
  readonly firstContent?: XmlContent;
}

/** The part of a well-formed reply that TwiML gives meaning to. */
export interface XmlDocument {
  readonly root: XmlElement;
  /** The root's child elements, in document order. */
  readonly children: readonly XmlElement[];
  /** Runs of non-whitespace text (or CDATA) directly in the root. */
  readonly texts: readonly XmlContent[];
}

/** Why the reply is not well-formed XML: a stable snake_case code and where. */
export interface XmlSyntaxError {
  readonly code: string;
  readonly offset: number;
  readonly message: string;
  readonly hint: string;
}

export type XmlParseResult = { readonly ok: true; readonly document: XmlDocument } | { readonly ok: false; readonly error: XmlSyntaxError };

interface MutableElement {
  name: string;
  offset: number;
  attributes: XmlAttribute[];
  firstContent?: XmlContent;
}

const DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>$/;

const ESCAPE_HINT = 'escape it: write & as &amp; and < as &lt;';

/**
 * Parses a decoded reply as XML 1.0 and returns its root and the root's children, or the first well-formedness
 * error. Never throws and never recurses.
 */
export function parseXml(text: string, positions: PositionIndex): XmlParseResult {
  const illegal = firstIllegalChar(text);
  if (illegal !== -1) {
    const code = text.codePointAt(illegal) ?? 0;
    return fail('illegal_character', illegal, `the character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`, 'remove it (a NUL or control character usually means binary data or a wrong encoding)');
  }
  if (isBlank(text)) return fail('empty_body', 0, text === '' ? 'the body is empty' : 'the body holds only whitespace', 'reply with TwiML, e.g. <Response><Receive/></Response>');
  return new ReplyParser(text, positions).parse();
}

function fail(code: string, offset: number, message: string, hint: string): XmlParseResult {
  return { ok: false, error: { code, offset, message, hint } };
}

/**
 * One pass over one reply. A class rather than closures in `parseXml`: a parse then allocates no functions, which
 * is a fair share of the time on a one-line reply.
 */
class ReplyParser {
  private readonly text: string;
  private readonly positions: PositionIndex;
  private readonly n: number;
  /** The open elements; an element's own record, so that opening one allocates nothing more. */
  private readonly stack: MutableElement[] = [];
  private readonly children: MutableElement[] = [];
  private readonly texts: XmlContent[] = [];
  private root: MutableElement | undefined;
  private rootClosed = false;
  private seenMarkup = false;
  /** The attribute names of the start tag being read: one set per parse, emptied per tag, made at the first attribute. */
  private seen: Set<string> | undefined;

  constructor(text: string, positions: PositionIndex) {
    this.text = text;
    this.positions = positions;
    this.n = text.length;
  }

  parse(): XmlParseResult {
    const { text, n } = this;
    let i = 0;
    if (/^<\?xml[ \t\r\n?]/.test(text)) {
      const end = text.indexOf('?>');
      if (end === -1) return fail('malformed_declaration', 0, 'the XML declaration is never closed with "?>"', 'write <?xml version="1.0" encoding="UTF-8"?>');
      if (!DECLARATION.test(text.slice(0, end + 2))) {
        return fail('malformed_declaration', 0, `the XML declaration ${quote(text.slice(0, end + 2), 60)} is malformed`, 'write <?xml version="1.0" encoding="UTF-8"?> or leave it out');
      }
      i = end + 2;
      this.seenMarkup = true;
    }

    while (i < n) {
      const lt = text.indexOf('<', i);
      const end = lt === -1 ? n : lt;
      if (end > i) {
        const problem = this.checkText(i, end);
        if (problem) return problem;
      }
      if (lt === -1) break;
      const step = this.readMarkup(lt);
      if (typeof step !== 'number') return step;
      i = step;
      this.seenMarkup = true;
    }

    const open = this.stack.at(-1);
    if (open) return fail('unclosed_tag', open.offset, `<${clipName(open.name)}> is never closed`, `add </${clipName(open.name)}>, or write <${clipName(open.name)}/> if it is empty`);
    if (!this.root) return fail('no_root_element', 0, 'the body has no element', 'reply with TwiML, e.g. <Response><Receive/></Response>');
    return { ok: true, document: { root: this.root, children: this.children, texts: this.texts } };
  }

  /** Reads the markup at `lt` (a `<`): the offset just after it, or why it is not well-formed. */
  private readMarkup(lt: number): number | XmlParseResult {
    const { text } = this;
    const next = text.charCodeAt(lt + 1);
    // `/` and `!` and `?` cannot start a name: a start tag is told apart by one character, the rest by prefixes.
    if (next === 0x2f) return this.readEndTag(lt);
    if (next === 0x3f) return this.readInstruction(lt);
    if (next !== 0x21) return this.readStartTag(lt);
    if (text.startsWith('<!--', lt)) return this.readComment(lt);
    if (text.startsWith('<![CDATA[', lt)) return this.readCdata(lt);
    if (/^<!doctype/i.test(text.slice(lt, lt + 9))) return this.refuseDoctype(lt);
    return fail('malformed_markup', lt, `${quote(excerpt(text, lt, 12, 2))} is not XML markup`, 'remove it; only comments and CDATA may start with "<!"');
  }

  private where(offset: number): string {
    const p = this.positions.at(offset);
    return `${p.line}:${p.column}`;
  }

  private checkText(from: number, to: number): XmlParseResult | undefined {
    const { text } = this;
    if (this.stack.length === 0) {
      const at = firstNonBlank(text, from, to);
      if (at === -1) return undefined;
      const sample = quote(text.slice(at, to).trimEnd(), 40);
      if (this.rootClosed) return fail('text_after_root', at, `text ${sample} follows the root element`, 'remove it: nothing but comments may follow </Response>');
      if (!this.seenMarkup) {
        // `curl -i ... | twiml-fax-kit validate` hands over the status line and headers too.
        const hint = /^HTTP\/[0-9]/.test(text.slice(at)) ? 'this is a whole HTTP response, headers included: validate the body alone (curl -s, not curl -i)' : 'reply with TwiML, e.g. <Response><Receive/></Response>';
        return fail('not_xml', at, `the body is not XML: it starts with ${sample}`, hint);
      }
      return fail('text_outside_root', at, `text ${sample} comes before the root element`, 'remove it: only the XML declaration and comments may precede <Response>');
    }
    const segment = text.slice(from, to);
    const bad = findBadReference(segment, from);
    if (bad) return referenceFailure(bad.code, bad.offset, bad.text);
    const cdataEnd = segment.indexOf(']]>');
    if (cdataEnd !== -1) return fail('cdata_end_in_text', from + cdataEnd, '"]]>" is not allowed in text', 'write ]]&gt; instead');
    this.noteText(from, to, segment);
    return undefined;
  }

  private noteText(from: number, to: number, segment: string): void {
    const at = firstNonBlank(this.text, from, to);
    if (at === -1) return;
    const content: XmlContent = { kind: 'text', offset: at, text: segment.trim() };
    if (this.stack.length === 1) this.texts.push(content);
    else if (this.stack.length === 2) {
      const verb = this.children.at(-1);
      if (verb && !verb.firstContent) verb.firstContent = content;
    }
  }

  private readInstruction(at: number): number | XmlParseResult {
    const { text } = this;
    const target = readName(text, at + 2);
    const end = text.indexOf('?>', at + 2);
    if (target === undefined || end === -1) return fail('malformed_processing_instruction', at, `${quote(excerpt(text, at, 20, 2))} is not a valid processing instruction`, 'remove it');
    if (target.toLowerCase() === 'xml') {
      // `<?XML` is no declaration: the name is reserved and case-sensitive, so it is an error wherever it stands.
      if (target !== 'xml') return fail('malformed_declaration', at, `<?${target} is not an XML declaration: it must be written <?xml, in lowercase`, 'write <?xml version="1.0" encoding="UTF-8"?> or leave it out');
      if (!this.seenMarkup && isBlank(text.slice(0, at))) {
        return fail('whitespace_before_declaration', 0, `whitespace (${quote(text.slice(0, at), 20)}) comes before the XML declaration at ${this.where(at)}`, 'remove everything before <?xml (often a blank line printed before the TwiML), or leave the declaration out');
      }
      return fail('misplaced_declaration', at, `an XML declaration at ${this.where(at)} is not at the very start of the body`, 'remove it: the declaration may only open the body');
    }
    const after = text.charCodeAt(at + 2 + target.length);
    if (at + 2 + target.length !== end && !isXmlWhitespace(after)) return fail('malformed_processing_instruction', at, `${quote(excerpt(text, at, 20, 2))} is not a valid processing instruction`, 'remove it');
    return end + 2;
  }

  private readComment(at: number): number | XmlParseResult {
    const dashes = this.text.indexOf('--', at + 4);
    if (dashes === -1) return fail('unclosed_comment', at, 'the comment is never closed with "-->"', 'end the comment with -->');
    if (this.text.charCodeAt(dashes + 2) !== 0x3e) return fail('double_hyphen_in_comment', dashes, '"--" is not allowed inside a comment', 'remove the "--" or end the comment with -->');
    return dashes + 3;
  }

  private readCdata(at: number): number | XmlParseResult {
    if (this.stack.length === 0) return fail('text_outside_root', at, 'a CDATA section is outside the root element', 'remove it');
    const end = this.text.indexOf(']]>', at + 9);
    if (end === -1) return fail('unclosed_cdata', at, 'the CDATA section is never closed with "]]>"', 'end it with ]]>');
    this.noteText(at + 9, end, this.text.slice(at + 9, end));
    return end + 3;
  }

  private refuseDoctype(at: number): XmlParseResult {
    const html = /^<!DOCTYPE[ \t\r\n]+html/i.test(this.text.slice(at, at + 20));
    return html
      ? fail('doctype_refused', at, 'the body is an HTML page (it has <!DOCTYPE html>), not TwiML', 'reply with TwiML, e.g. <Response><Receive/></Response>; an HTML page usually means an error page or the wrong route')
      : fail('doctype_refused', at, 'the body has a DOCTYPE; TwiML allows none and the kit refuses it without reading it', 'remove the <!DOCTYPE ...> declaration');
  }

  private readEndTag(at: number): number | XmlParseResult {
    const { text, stack } = this;
    const name = readName(text, at + 2);
    if (name === undefined) return fail('malformed_end_tag', at, `${quote(excerpt(text, at, 12, 2))} is not a valid end tag`, 'write </Name> with no space after "</"');
    let j = at + 2 + name.length;
    while (isXmlWhitespace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 0x3e) return fail('malformed_end_tag', at, `the end tag </${clipName(name)} is not closed with ">"`, `write </${clipName(name)}>`);
    const open = stack.pop();
    if (!open) return fail('unexpected_end_tag', at, `</${clipName(name)}> closes nothing`, `remove </${clipName(name)}>`);
    if (open.name !== name) return fail('mismatched_tag', at, `</${clipName(name)}> closes <${clipName(open.name)}> opened at ${this.where(open.offset)}`, `write </${clipName(open.name)}> here, or close the tags in the order they were opened`);
    if (stack.length === 0) this.rootClosed = true;
    return j + 1;
  }

  private readStartTag(at: number): number | XmlParseResult {
    const { text, n, stack } = this;
    const name = readName(text, at + 1);
    if (name === undefined) return fail('unescaped_less_than', at, `"<" is not followed by a tag name in ${quote(excerpt(text, at, 12, 1))}`, ESCAPE_HINT);
    if (stack.length === 0 && this.root) return fail('multiple_roots', at, `<${clipName(name)}> is a second root element after <${clipName(this.root.name)}>`, `move it inside <${clipName(this.root.name)}>: XML has exactly one root`);
    const depth = stack.length;
    const element: MutableElement = { name, offset: at, attributes: [] };
    this.seen?.clear();
    let j = at + 1 + name.length;
    let selfClosing = false;
    for (;;) {
      const gap = j;
      while (isXmlWhitespace(text.charCodeAt(j))) j++;
      if (j >= n) return fail('unclosed_tag', at, `the start tag <${clipName(name)} is never closed with ">"`, `end it with > or />`);
      const c = text.charCodeAt(j);
      if (c === 0x3e) {
        j++;
        break;
      }
      if (c === 0x2f && text.charCodeAt(j + 1) === 0x3e) {
        j += 2;
        selfClosing = true;
        break;
      }
      const attribute = readName(text, j);
      if (attribute === undefined) return fail('malformed_tag', j, `unexpected ${quote(text.slice(j, j + 1))} in the start tag <${clipName(name)}>`, 'write attributes as name="value" and end the tag with > or />');
      if (j === gap) return fail('malformed_tag', j, `attribute ${clipName(attribute)} of <${clipName(name)}> is not separated from what precedes it by a space`, `add a space before ${clipName(attribute)}`);
      const attributeOffset = j;
      j += attribute.length;
      while (isXmlWhitespace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x3d) return fail('malformed_attribute', attributeOffset, `attribute ${clipName(attribute)} of <${clipName(name)}> has no value`, `write ${clipName(attribute)}="..."`);
      j++;
      while (isXmlWhitespace(text.charCodeAt(j))) j++;
      const q = text[j];
      if (q !== '"' && q !== "'") return fail('malformed_attribute', attributeOffset, `the value of ${clipName(attribute)} on <${clipName(name)}> is not quoted`, `write ${clipName(attribute)}="..."`);
      const close = text.indexOf(q, j + 1);
      if (close === -1) return fail('malformed_attribute', j, `the value of ${clipName(attribute)} on <${clipName(name)}> is never closed with ${q}`, `add the closing ${q}`);
      const raw = text.slice(j + 1, close);
      const lessThan = raw.indexOf('<');
      if (lessThan !== -1) return fail('unescaped_less_than', j + 1 + lessThan, `"<" is not escaped in the value of ${clipName(attribute)} on <${clipName(name)}>`, ESCAPE_HINT);
      const bad = findBadReference(raw, j + 1);
      if (bad) return referenceFailure(bad.code, bad.offset, bad.text);
      const seen = (this.seen ??= new Set());
      if (seen.has(attribute)) return fail('duplicate_attribute', attributeOffset, `attribute ${clipName(attribute)} appears twice on <${clipName(name)}>`, `keep one ${clipName(attribute)}`);
      seen.add(attribute);
      if (depth <= 1) element.attributes.push({ name: attribute, value: attributeValue(raw), offset: attributeOffset, valueOffset: j + 1 });
      j = close + 1;
    }
    if (depth === 0) this.root = element;
    else if (depth === 1) this.children.push(element);
    else if (depth === 2) {
      const verb = this.children.at(-1);
      if (verb && !verb.firstContent) verb.firstContent = { kind: 'element', offset: at, text: name };
    }
    if (!selfClosing) stack.push(element);
    else if (depth === 0) this.rootClosed = true;
    return j;
  }
}

function referenceFailure(code: string, offset: number, written: string): XmlParseResult {
  if (code === 'undefined_entity') return fail(code, offset, `the entity ${quote(written)} is not defined`, 'only &lt; &gt; &amp; &apos; &quot; exist in TwiML; write the character itself');
  if (code === 'invalid_character_reference') return fail(code, offset, `${quote(written)} refers to a character XML does not allow`, 'remove the reference');
  return fail(code, offset, `"&" is not escaped in ${quote(written)}`, ESCAPE_HINT);
}
