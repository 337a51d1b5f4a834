/**
 * The SACE files checked together, in the seed's import order (students, teachers, classes,
 * SACE enrolments, VET enrolments, CEA), for what the real import warns about across files: a
 * student in two students files, an enrolment, VET or CEA record whose student is in no loaded
 * students file, a class whose teacher is in no loaded teachers file, an enrolment whose class
 * does not exist, a CEA category not in the loaded CEA reference export (CEARExp.dat).
 * A check is made only when the file it looks in is loaded: otherwise nothing can be said.
 */
import { basename } from 'node:path';
import type { CheckOptions, RecordLayout } from '../../src/core/format.js';
import type { InputInfo } from '../../src/io/line-reader.js';
import type { CrossFileIssue, LoadedFile } from '../../src/core/format-registry.js';
import { readAllLines } from '../../src/io/whole-file.js';
import { linesIn } from '../../src/io/quoted-records.js';
import { splitRecord } from '../../src/io/delimited.js';
import { SACE_FILES } from './layouts.js';
import { saceRecordModel } from './record-model.js';
import { studentKey } from './rules.js';

interface Row {
  file: string;
  line: number;
  at: (name: string) => string;
}

function rowsOf(loaded: LoadedFile, options: CheckOptions): Row[] {
  const file = SACE_FILES.find((f) => f.id === loaded.formatId)!;
  const lines = readAllLines(loaded.input);
  const model = saceRecordModel(file, loaded.input, options, lines);
  const rows: Row[] = [];
  let line = 1; // a record's line is its first: one over several lines moves the next on by them all
  for (const text of lines) {
    const at = line;
    line += linesIn(text, loaded.input.eol);
    const parsed = model.parse(text, at);
    if (parsed?.layout.kind !== 'detail') continue;
    const { layout, fields } = parsed as { layout: RecordLayout; fields: string[] };
    rows.push({ file: loaded.path, line: at, at: (name) => (fields[layout.fields.findIndex((f) => f.name === name)] ?? '').trim() });
  }
  return rows;
}

/** CEARExp.dat: Code Type, Code, Description. */
export function isCeaReference(path: string): boolean {
  return /^CEARExp\.dat$/i.test(basename(path));
}

export function readCeaReference(input: InputInfo): Set<string> {
  return new Set(readAllLines(input).filter((l) => l.trim()).map((l) => splitRecord(l, ',').fields).map((f) => `${(f[0] ?? '').trim().toUpperCase()}|${(f[1] ?? '').trim().toUpperCase()}`));
}

const classKey = (r: Row, year: string) => [r.at(year), r.at('Stage'), r.at('SACE Code').toUpperCase(), r.at('Class Number').padStart(2, '0')].join('|');

export function saceCrossFile(files: readonly LoadedFile[], options: CheckOptions, ceaReference: Set<string> | null): CrossFileIssue[] {
  const by = new Map<string, Row[]>();
  for (const f of files) if (f.formatId.startsWith('sace-')) by.set(f.formatId, [...(by.get(f.formatId) ?? []), ...rowsOf(f, options)]);
  if (by.size === 0) return [];
  const out: CrossFileIssue[] = [];
  const warn = (code: string, r: Row, field: string | null, message: string, other?: Row): void => void out.push({ code, severity: code === 'sace/duplicate-student' ? 'error' : 'warning', scope: field ? 'field' : 'record', line: r.line, field, message, repair: null, file: r.file, ...(other ? { other: { file: other.file, line: other.line } } : {}) });
  const name = (r: Row) => `${basename(r.file)} line ${r.line}`;

  const students = by.get('sace-students');
  const codes = new Map<string, Row>();
  const registrations = new Map<string, Row>();
  if (students) {
    const seen = new Map<string, Row>();
    for (const s of students) {
      const key = studentKey(s.at);
      const first = key ? seen.get(key) : undefined;
      // Within one file the file's own check says it; across files only here.
      if (first && first.file !== s.file) warn('sace/duplicate-student', s, null, `The same student as ${name(first)}: the students import would fail`, first);
      else if (key && !first) seen.set(key, s);
      codes.set(s.at('Student Code'), codes.get(s.at('Student Code')) ?? s);
      if (s.at('Registration Number')) registrations.set(s.at('Registration Number').toUpperCase(), s);
    }
  }
  const studentKnown = (r: Row) => codes.has(r.at('Student Code')) || (r.at('Registration Number') !== '' && registrations.has(r.at('Registration Number').toUpperCase()));
  if (students) {
    for (const id of ['sace-enrolments', 'sace-vet', 'sace-cea']) {
      for (const r of by.get(id) ?? []) if (!studentKnown(r)) warn('sace/student-not-loaded', r, 'Student Code', `Student Code ${r.at('Student Code')}${r.at('Registration Number') ? ` (registration ${r.at('Registration Number')})` : ''} is in no loaded students file`);
    }
  }
  const teachers = by.get('sace-teachers');
  if (teachers) {
    const known = new Set(teachers.map((t) => t.at('Teacher Code').toUpperCase()));
    for (const c of by.get('sace-classes') ?? []) if (!known.has(c.at('Teacher Code').toUpperCase())) warn('sace/teacher-not-loaded', c, 'Teacher Code', `Teacher Code ${c.at('Teacher Code')} is in no loaded teachers file`);
  }
  const classes = by.get('sace-classes');
  if (classes) {
    const known = new Set(classes.map((c) => classKey(c, 'Year')));
    for (const e of by.get('sace-enrolments') ?? []) {
      if (!known.has(classKey(e, 'Year'))) warn('sace/class-not-loaded', e, 'Class Number', `No loaded class is ${e.at('Year')} stage ${e.at('Stage')} ${e.at('SACE Code')} class ${e.at('Class Number')}`);
    }
  }
  if (ceaReference) {
    for (const r of by.get('sace-cea') ?? []) {
      if (!ceaReference.has(`${r.at('CEA Type').toUpperCase()}|${r.at('CEA Category').toUpperCase()}`)) warn('sace/cea-category', r, 'CEA Category', `CEA Type ${r.at('CEA Type')} has no category ${r.at('CEA Category')} in the CEA reference export`);
    }
  }
  return out;
}
