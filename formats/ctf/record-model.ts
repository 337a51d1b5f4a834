/**
 * CTF records for the workstation and the fixer: the Header and each Pupil, keyed by the line of
 * its start tag and spanning to its end tag. Writing a record changes only the text of the
 * elements whose values changed (escaped), or adds a missing element after its previous
 * sibling with the same indentation; element order, other elements, comments and the XML
 * declaration stay as they were.
 */
import { issueAt, type Issue } from '../../src/core/issue.js';
import { describeNonPrintable, hasNonPrintable, stripNonPrintable } from '../../src/core/printable.js';
import type { CheckOptions, RecordLayout, RecordModel } from '../../src/core/format.js';
import { laCodes } from '../england/la-codes.js';
import type { InputInfo } from '../../src/io/line-reader.js';
import { readAllLines } from '../../src/io/whole-file.js';
import { readCtf, fieldValue, type CtfDocument, type CtfRecord } from './ctf-document.js';
import { HEADER_LAYOUT, HEADER_PATHS, PUPIL_LAYOUT, PUPIL_PATHS, SEX_ELEMENT } from './fields.js';
import { checkHeader, checkPupil, valuesOf, versionMajor } from './rules.js';
import { child, escapeText, parseXml, type XmlElement } from './xml-document.js';
import { fieldIdentity } from '../../src/core/record-identity.js';

/** A pupil is their UPN. */
const IDENTITY = fieldIdentity({ keyTitle: 'UPN', alternatives: [['UPN']], scopeTitle: 'none read yet: every CTF shares one' });

export const CROSS_RECORD = new Set(['ctf/duplicate-upn']);

interface Replacement {
  from: number;
  to: number;
  text: string;
}

function rawName(text: string, element: XmlElement): string {
  return /^<([^\s/>]+)/.exec(text.slice(element.start))?.[1] ?? element.name;
}

function indentBefore(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** Where a missing element goes: after the nearest earlier sibling present, else first in its parent. */
function insertion(doc: CtfDocument, r: CtfRecord, path: string, value: string): Replacement | null {
  const paths: readonly string[] = r.kind === 'pupil' ? PUPIL_PATHS : HEADER_PATHS;
  const parentPath = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const parent = parentPath ? parentPath.split('/').reduce<XmlElement | null>((at, part) => child(at, part), r.element) : r.element;
  if (!parent || parent.selfClosing) return null;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const prefix = rawName(doc.text, parent).includes(':') ? rawName(doc.text, parent).split(':')[0] + ':' : '';
  const siblings = paths.slice(0, paths.indexOf(path)).filter((p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') === parentPath);
  const before = siblings.map((p) => r.elements.get(p)).filter((e): e is XmlElement => Boolean(e)).at(-1);
  if (before) return { from: before.end, to: before.end, text: `\n${indentBefore(doc.text, before.start)}<${prefix}${name}>${escapeText(value)}</${prefix}${name}>` };
  const first = parent.children[0];
  const indent = first ? indentBefore(doc.text, first.start) : `${indentBefore(doc.text, parent.start)}  `;
  return { from: parent.textStart, to: parent.textStart, text: `\n${indent}<${prefix}${name}>${escapeText(value)}</${prefix}${name}>` };
}

/** The start and end tags of the pupil's sex element renamed `to` (Sex or Gender), its prefix kept. */
function renameSexElement(doc: CtfDocument, r: CtfRecord, to: string): Replacement[] | string {
  const element = r.elements.get('Sex');
  if (to !== 'Sex' && to !== 'Gender') return 'the element that holds the sex is called Sex (CTF 24 and later) or Gender (older versions)';
  if (!element) return 'this pupil has no Sex or Gender element: type the sex in Sex, and it is added as a Sex element';
  const raw = rawName(doc.text, element);
  const name = raw.includes(':') ? `${raw.split(':')[0]}:${to}` : to;
  const out = [{ from: element.start + 1, to: element.start + 1 + raw.length, text: name }];
  if (!element.selfClosing) {
    const close = doc.text.lastIndexOf(`</${raw}`, element.end);
    out.push({ from: close + 2, to: close + 2 + raw.length, text: name });
  }
  return out;
}

export function changes(doc: CtfDocument, r: CtfRecord, layout: RecordLayout, fields: readonly string[]): Replacement[] | string {
  const out: Replacement[] = [];
  for (const [i, spec] of layout.fields.entries()) {
    const value = fields[i] ?? '';
    if (value === fieldValue(r, spec.name)) continue;
    if (spec.name === SEX_ELEMENT) {
      const renamed = renameSexElement(doc, r, value);
      if (typeof renamed === 'string') return renamed;
      out.push(...renamed);
      continue;
    }
    const element = r.elements.get(spec.name);
    if (!element) {
      const added = insertion(doc, r, spec.name, value);
      if (!added) return `${spec.name.split('/')[0]} is not in this record, so ${spec.name} cannot be added here; add it in the MIS`;
      out.push(added);
    } else if (element.selfClosing) {
      const name = rawName(doc.text, element);
      out.push({ from: element.start, to: element.end, text: `<${name}>${escapeText(value)}</${name}>` });
    } else {
      // Keep the whitespace around the value (a pretty-printed element stays so).
      const raw = doc.text.slice(element.textStart, element.textEnd);
      const lead = /^\s*/.exec(raw)![0];
      const trail = /\s*$/.exec(raw)![0];
      out.push({ from: element.textStart + lead.length, to: element.textEnd - (raw.trim() ? trail.length : 0), text: escapeText(value) });
    }
  }
  return out;
}

/** `text` with the replacements made (offsets relative to `base`), in one pass: a whole-school CTF may take thousands. */
export function apply(text: string, replacements: readonly Replacement[], base = 0): string {
  const parts: string[] = [];
  let at = 0;
  for (const r of [...replacements].sort((a, b) => a.from - b.from)) {
    parts.push(text.slice(at, r.from - base), r.text);
    at = r.to - base;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * The generic rule every other format applies to its values (field/non-printable, with the same
 * safe repair): an element's text is flagged for C1 controls, bidi overrides, zero-width
 * characters and the like. XML whitespace between words (tab, line break) is not flagged.
 */
function nonPrintableIssues(layout: RecordLayout, fields: readonly string[], line: number): Issue[] {
  const out: Issue[] = [];
  layout.fields.forEach((f, i) => {
    const value = fields[i] ?? '';
    if (!hasNonPrintable(value.replace(/[\t\n\r]/g, ' '))) return;
    const repair = { confidence: 'safe' as const, reason: 'invisible characters removed', values: { [f.name]: stripNonPrintable(value.replace(/[\t\n\r]/g, ' ')).trim() } };
    out.push(issueAt('field/non-printable', 'error', line, f.name, `${f.name} contains invisible or control characters (${describeNonPrintable(value)})`, repair));
  });
  return out;
}

export function ctfChecks(doc: CtfDocument, options?: CheckOptions) {
  const las = laCodes(options);
  const version = versionMajor(doc.header ? fieldValue(doc.header, 'CTFversion') : '');
  return (_r: CtfRecord | null, layout: RecordLayout, fields: readonly string[], line: number) => {
    const v = valuesOf(layout, fields);
    const unprintable = nonPrintableIssues(layout, fields, line);
    if (layout.kind === 'header') return [...unprintable, ...checkHeader(v, line)];
    return [...unprintable, ...checkPupil(v, line, version, las)];
  };
}

export function ctfRecordModel(input: InputInfo, options?: CheckOptions): RecordModel & { doc: CtfDocument } {
  const doc = readCtf(readAllLines(input)); // the model needs the whole document
  const check = ctfChecks(doc, options);
  const fieldsOf = (r: CtfRecord, layout: RecordLayout) => layout.fields.map((f) => fieldValue(r, f.name));
  return {
    doc,
    crossRecordCodes: CROSS_RECORD,
    rewriteCodes: new Set(),
    sharedKeys: [],
    identity: IDENTITY,
    keyFields: ['Surname', 'Forename', 'UPN'],
    keyTitles: ['Surname', 'Forename', 'UPN'],
    parse(_text, line) {
      const r = doc.byLine.get(line);
      if (!r) return null;
      const layout = r.kind === 'header' ? HEADER_LAYOUT : PUPIL_LAYOUT;
      return { layout, fields: fieldsOf(r, layout) };
    },
    span: (line) => {
      const r = doc.byLine.get(line);
      return r ? r.endLine - r.line + 1 : 1;
    },
    serialise(layout, fields, original, line) {
      const r = line === undefined ? null : doc.byLine.get(line);
      if (!r) return original;
      const found = changes(doc, r, layout, fields);
      return typeof found === 'string' ? original : apply(original, found, doc.lineStarts[r.line - 1]);
    },
    check: (layout, fields, line) => check(doc.byLine.get(line) ?? null, layout, fields, line),
    fits(layout, index, value, line) {
      const r = line === undefined ? null : doc.byLine.get(line);
      if (!r) return null;
      const fields = layout.fields.map((f, i) => (i === index ? value : fieldValue(r, f.name)));
      const found = changes(doc, r, layout, fields);
      return typeof found === 'string' ? found : null;
    },
    verify(text) {
      const { error } = parseXml(text);
      return error ? `the written XML would not be well-formed (line ${error.line}, column ${error.column}: ${error.message})` : null;
    },
    fileIssues: (checked) => [...checked],
    trailerFor: () => null,
  };
}
