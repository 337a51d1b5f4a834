/**
 * Checking and fixing a CTF: the lines are gathered and the document parsed once at the end
 * (a CTF is one school's leavers: small), then each record is checked like any other format's.
 */
import { basename } from 'node:path';
import type { Change, CheckOptions, Fixer, ValidationResult, Validator } from '../../src/core/format.js';
import { issueAt, type Issue } from '../../src/core/issue.js';
import type { InputInfo } from '../../src/io/line-reader.js';
import { InputError } from '../../src/io/input-error.js';
import { applySafeRepairs } from '../../src/core/repair-engine.js';
import { readCtf, fieldValue, type CtfDocument, type CtfRecord } from './ctf-document.js';
import { HEADER_LAYOUT, PUPIL_LAYOUT } from './fields.js';
import { checkName } from './rules.js';
import { apply, changes, ctfChecks } from './record-model.js';
import { parseXml } from './xml-document.js';
import { doctypeIssue, removeDoctype } from './doctype.js';

/** The document cannot be read as a CTF: the whole file is refused. */
const refused = (code: string, message: string, line: number | null = null): Issue => issueAt(code, 'reject', line, null, message);

/** The sender and destination as the file name writes them, from the header. */
export function schools(doc: CtfDocument): { source: string | null; destination: string | null } {
  if (!doc.header) return { source: null, destination: null };
  const v = (p: string) => fieldValue(doc.header!, p);
  const source = /^\d{3}$/.test(v('SourceSchool/LEA')) && /^(\d{4}|LLLL)$/.test(v('SourceSchool/Estab')) ? v('SourceSchool/LEA') + v('SourceSchool/Estab') : null;
  const dest = v('DestSchool/LEA') + v('DestSchool/Estab');
  const destination = /^(\d{3}(\d{4}|LLLL)|XXXXXXX|MMMMMMM)$/.test(dest) ? dest : null;
  return { source, destination };
}

const layoutOf = (r: CtfRecord) => (r.kind === 'header' ? HEADER_LAYOUT : PUPIL_LAYOUT);
const fieldsOf = (r: CtfRecord) => layoutOf(r).fields.map((f) => fieldValue(r, f.name));

/** Whole-document problems that stop the records being read. */
function structure(doc: CtfDocument): Issue[] {
  const { error, root } = doc.xml;
  if (error) return [refused('ctf/not-well-formed', `The XML is not well-formed at line ${error.line}, column ${error.column}: ${error.message}`, error.line)];
  if (root?.name !== 'CTfile') return [refused('ctf/root', `The root element is <${root?.name ?? 'none'}>, not <CTfile>: this is not a Common Transfer File`)];
  const out: Issue[] = [];
  if (!doc.header) out.push(refused('ctf/no-header', 'The file has no Header element'));
  if (doc.pupils.length === 0) out.push(refused('ctf/no-pupils', 'The file has no Pupil in CTFpupilData'));
  return out;
}

function checkCtf(lines: readonly string[], input: InputInfo, options: CheckOptions): ValidationResult {
  const doc = readCtf(lines);
  const issues = structure(doc);
  const base = { records: 0, detailRecords: 0, flaggedRecords: 0, facts: { shape: 'XML, one record per pupil' } };
  // Said even when the XML cannot be read: an entity the DTD declares is an error to a reader without it.
  const doctype = doctypeIssue(doc.text);
  if (doc.xml.error || issues.some((i) => i.code === 'ctf/root')) return { ...base, issues: doctype ? [doctype, ...issues] : issues };
  const check = ctfChecks(doc, options);
  const byUpn = new Map<string, { line: number; flagged: boolean }>();
  const flagged = new Set<number>();
  for (const r of [...(doc.header ? [doc.header] : []), ...doc.pupils]) {
    const own = check(r, layoutOf(r), fieldsOf(r), r.line);
    const upn = r.kind === 'pupil' ? fieldValue(r, 'UPN').toUpperCase() : '';
    if (upn) {
      const first = byUpn.get(upn);
      const duplicate = (line: number, other: number) => issueAt('ctf/duplicate-upn', 'error', line, 'UPN', `The same UPN as the pupil on line ${other} (census error 1520)`);
      if (first === undefined) byUpn.set(upn, { line: r.line, flagged: false });
      else {
        // The first pupil with the UPN is flagged too, once (as GTID and the record passes do).
        if (!first.flagged) {
          first.flagged = true;
          issues.push(duplicate(first.line, r.line));
          flagged.add(first.line);
        }
        own.push(duplicate(r.line, first.line));
      }
    }
    if (r.kind === 'pupil' && own.some((i) => i.severity !== 'warning')) flagged.add(r.line);
    issues.push(...own);
  }
  // The first pupil's duplicate issue was added at its repeat: put the records' issues in line order.
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const { source, destination } = schools(doc);
  issues.unshift(...checkName({ fileName: basename(input.path), source, destination, pupils: doc.pupils.length }));
  if (doctype) issues.unshift(doctype);
  const version = doc.header ? fieldValue(doc.header, 'CTFversion') : '?';
  return { ...base, issues, records: doc.pupils.length + (doc.header ? 1 : 0), detailRecords: doc.pupils.length, flaggedRecords: flagged.size, facts: { ...base.facts, layout: `CTF ${version}, from ${source ?? '?'} to ${destination ?? '?'}` } };
}

export function ctfValidator(options: CheckOptions, input: InputInfo): Validator {
  const lines: string[] = [];
  return { line: (text) => void lines.push(text), finish: () => checkCtf(lines, input, options) };
}

/** The safe repairs, made in the text of the elements they change; the result must parse. */
export function ctfFixer(options: CheckOptions, _input: InputInfo): Fixer {
  const lines: string[] = [];
  const made: Change[] = [];
  return {
    changes: made,
    line(text) {
      lines.push(text);
      return [];
    },
    finish() {
      const doc = readCtf(lines);
      if (doc.xml.error) return lines;
      const check = ctfChecks(doc, options);
      const replacements = [];
      for (const r of [...(doc.header ? [doc.header] : []), ...doc.pupils]) {
        const layout = layoutOf(r);
        const repaired = applySafeRepairs(layout, fieldsOf(r), r.line, (fields) => check(r, layout, fields, r.line));
        if (repaired.changes.length === 0) continue;
        const found = changes(doc, r, layout, repaired.fields);
        if (typeof found === 'string') continue;
        replacements.push(...found);
        made.push(...repaired.changes);
      }
      const applied = apply(doc.text, replacements);
      // Removed after the records' replacements, whose offsets are in the text as read.
      const text = removeDoctype(applied);
      if (text !== applied) made.push({ line: doctypeIssue(applied)!.line ?? 1, field: '', before: 'DOCTYPE', after: '', code: 'ctf/doctype' });
      const { error } = parseXml(text);
      if (error) throw new InputError(`the repaired XML would not be well-formed (line ${error.line}, column ${error.column}: ${error.message}); nothing was written`, 70);
      return text.split('\n');
    },
  };
}
