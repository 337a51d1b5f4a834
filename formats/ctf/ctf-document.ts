/**
 * A CTF as records: the Header, and one record per Pupil, each keyed by the line its start tag
 * is on (the workstation's records are lines), with the elements of its fields by path.
 */
import { child, parseXml, type XmlDocument, type XmlElement } from './xml-document.js';
import { HEADER_PATHS, PUPIL_PATHS, SEX_ELEMENT } from './fields.js';

export interface CtfRecord {
  kind: 'header' | 'pupil';
  element: XmlElement;
  line: number;
  /** The line of its end tag. */
  endLine: number;
  /** The element behind each field, by path; null when absent. */
  elements: ReadonlyMap<string, XmlElement | null>;
}

export interface CtfDocument {
  text: string;
  xml: XmlDocument;
  header: CtfRecord | null;
  pupils: CtfRecord[];
  /** Offset of the first character of each line (1-based line n at lineStarts[n - 1]). */
  lineStarts: number[];
  /** Records by the line they start on (the first, when a line holds several). */
  byLine: ReadonlyMap<number, CtfRecord>;
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function find(record: XmlElement, path: string): XmlElement | null {
  const parts = path.split('/');
  let at: XmlElement | null = record;
  for (const part of parts) at = child(at, part);
  // Older CTF versions call the sex element Gender.
  if (!at && path === 'Sex') at = child(record, 'Gender');
  return at;
}

function record(kind: CtfRecord['kind'], element: XmlElement, paths: readonly string[], lineStarts: number[]): CtfRecord {
  return { kind, element, line: element.line, endLine: lineOf(lineStarts, Math.max(element.start, element.end - 1)), elements: new Map(paths.map((p) => [p, find(element, p)])) };
}

/** `lines` as the line reader gives them (no line endings). */
export function readCtf(lines: readonly string[]): CtfDocument {
  const text = lines.join('\n');
  const lineStarts = [0];
  for (let i = 0; i < lines.length - 1; i++) lineStarts.push(lineStarts[i] + lines[i].length + 1);
  const xml = parseXml(text);
  const root = xml.root;
  const headerElement = child(root, 'Header');
  const header = headerElement ? record('header', headerElement, HEADER_PATHS, lineStarts) : null;
  const pupils = (child(root, 'CTFpupilData')?.children ?? []).filter((c) => c.name === 'Pupil').map((p) => record('pupil', p, PUPIL_PATHS, lineStarts));
  const byLine = new Map<number, CtfRecord>();
  for (const r of [...(header ? [header] : []), ...pupils]) if (!byLine.has(r.line)) byLine.set(r.line, r);
  return { text, xml, header, pupils, lineStarts, byLine };
}

/** The value of a field: the element's text, trimmed of the layout's whitespace. */
export function fieldValue(r: CtfRecord, path: string): string {
  if (path === SEX_ELEMENT) return r.elements.get('Sex')?.name ?? '';
  return r.elements.get(path)?.text.trim() ?? '';
}
