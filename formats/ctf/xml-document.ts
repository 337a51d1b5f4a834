/**
 * A Common Transfer File read with saxes (a maintained streaming XML parser): every element
 * with its local name (the cbds namespace or none), line, and the character offsets of its
 * tags and text, so an edit replaces exactly one element's text and nothing else moves.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  line: number;
  /** Offsets in the text: `<` of the start tag, just after the end tag. */
  start: number;
  end: number;
  /** The raw text between the tags (entities not decoded); for `<a/>` both are `end`. */
  textStart: number;
  textEnd: number;
  selfClosing: boolean;
  /** The decoded text directly inside the element. */
  text: string;
  children: XmlElement[];
}

export interface XmlDocument {
  root: XmlElement | null;
  /** The first well-formedness error, with its place. */
  error: { line: number; column: number; message: string } | null;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

export function parseXml(text: string): XmlDocument {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let error: XmlDocument['error'] = null;
  parser.on('error', (e) => {
    if (error) return;
    const m = /^(\d+):(\d+): (.*)$/s.exec(e.message);
    error = m ? { line: Number(m[1]), column: Number(m[2]), message: m[3] } : { line: parser.line, column: parser.column, message: e.message };
  });
  parser.on('opentag', (tag) => {
    const end = parser.position;
    const start = text.lastIndexOf('<', end - 1);
    const element: XmlElement = { name: local(tag.name), line: parser.line, start, end, textStart: end, textEnd: end, selfClosing: tag.isSelfClosing, text: '', children: [] };
    // The line of the `<`, not of the `>` (attributes may span lines).
    element.line -= (text.slice(start, end).match(/\n/g) ?? []).length;
    stack.at(-1)?.children.push(element);
    if (!root) root = element;
    stack.push(element);
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    const element = stack.pop();
    if (!element) return;
    if (!element.selfClosing) {
      element.textEnd = text.lastIndexOf('</', parser.position - 1);
      element.end = parser.position;
    }
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (!error) error = { line: parser.line, column: parser.column, message: (e as Error).message };
  }
  return { root, error: error && (bareAmpersand(text, error) ?? error) };
}

/**
 * saxes reads a bare `&` ("Smith & Jones", the commonest hand edit) as the start of an entity
 * and reports the error only at the end of the file; point at the `&` itself instead.
 */
function bareAmpersand(text: string, reported: { line: number }): XmlDocument['error'] {
  const m = /&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9a-fA-F]+);)/.exec(text);
  if (!m) return null;
  const before = text.slice(0, m.index);
  const line = (before.match(/\n/g) ?? []).length + 1;
  if (line > reported.line) return null;
  return { line, column: m.index - before.lastIndexOf('\n'), message: 'an & that starts no entity (write &amp; for the character &)' };
}

export function child(element: XmlElement | null | undefined, name: string): XmlElement | null {
  return element?.children.find((c) => c.name === name) ?? null;
}

/** An element's text as an XML value: the characters that would end it escaped. */
export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
