/**
 * Comma-delimited EIS records: which layout the file is (its first row of field names, its
 * name, or its field count), each record's values and their quoting, and the record written
 * back as EIS Collection writes it: text in double quotes, dates bare.
 */
import { basename } from 'node:path';
import type { RecordModel } from '../../../src/core/format.js';
import { issueAt, type Issue } from '../../../src/core/issue.js';
import type { InputInfo } from '../../../src/io/line-reader.js';
import { lineBreakIssues } from '../../../src/core/line-breaks.js';
import { checkField } from '../../../src/core/record-check.js';
import { doubleQuoteIssue, metNumberIssue } from '../ascii.js';
import { layoutOfCount, layoutOfFile, layoutOfNames, withCustom, type DelimitedLayout } from './layouts.js';
import { quote, splitQuoted, type Token } from './split.js';
import { fieldIdentity } from '../../../src/core/record-identity.js';

/** A student is their MET number, else their school student number; staff their PSP number. */
const IDENTITY = fieldIdentity({ keyTitle: 'MET Student Number, else School Student Number; PSP Number for staff', alternatives: [['MET Student Number'], ['School Student Number'], ['PSP Number']], scopeTitle: 'the School Attended (or School Employed) of the first record that has one', scopeFields: ['School Attended'] });

export const REWRITE = new Set(['eis/field-count', 'eis/quoting']);

/** The file's layout and whether its first line is a row of field names. */
export function fileLayout(input: InputInfo): { layout: DelimitedLayout | null; namesRow: string[] | null } {
  const first = splitQuoted(input.sample.find((l) => l.trim() !== '') ?? '').tokens.map((t) => t.value);
  const byNames = layoutOfNames(first);
  if (byNames) return { layout: byNames, namesRow: first };
  return { layout: layoutOfFile(basename(input.path)) ?? layoutOfCount(first.length), namesRow: null };
}

function fieldIssues(layout: DelimitedLayout, fields: readonly string[], line: number): Issue[] {
  const issues: Issue[] = lineBreakIssues('eis/line-break', layout, fields, line);
  layout.fields.forEach((spec, i) => {
    const value = fields[i] ?? '';
    if (value.includes('"')) return void issues.push(doubleQuoteIssue(spec, value, line));
    if (spec.name === 'Semester' && value.trim() === '') {
      return void issues.push(issueAt('field/required', 'error', line, spec.name, 'Semester is empty; a course that is not semestered is entered as 0 (zero)', { confidence: 'review', reason: 'not semestered: 0', values: { Semester: '0' } }));
    }
    const found = checkField(spec, value, line);
    if (found) issues.push(found);
  });
  const met = metNumberIssue('MET Student Number', fields[layout.fields.findIndex((f) => f.name === 'MET Student Number')] ?? '', line);
  if (met) issues.push(met);
  return issues;
}

/** Quoting and field count, which only the line as read shows. */
export function layoutIssues(layout: DelimitedLayout, tokens: readonly Token[], line: number): Issue[] {
  if (layout.kind === 'header') return [];
  const issues: Issue[] = [];
  if (tokens.length < layout.base) {
    issues.push({ code: 'eis/field-count', severity: 'error', scope: 'record', line, field: null, message: `The record has ${tokens.length} fields; ${layout.file} has ${layout.base}`, repair: null });
  }
  const quotedDates = layout.fields.filter((f, i) => layout.dates.has(f.name) && tokens[i]?.quoted).map((f) => f.name);
  const bareText = layout.fields.filter((f, i) => !layout.dates.has(f.name) && tokens[i] && !tokens[i].quoted && tokens[i].value !== '').map((f) => f.name);
  if (quotedDates.length + bareText.length > 0) {
    const parts = [quotedDates.length ? `dates in quotes (${quotedDates.join(', ')})` : '', bareText.length ? `text without quotes (${bareText.join(', ')})` : ''].filter(Boolean);
    issues.push({ code: 'eis/quoting', severity: 'warning', scope: 'record', line, field: null, message: `Quoted the wrong way: ${parts.join('; ')}`, repair: { confidence: 'safe', reason: 'write the record with text in quotes and dates bare', action: 'rewrite-record' } });
  }
  return issues;
}

/** The error table's columns: the person's names and number where the layout has them. */
function keysOf(layout: DelimitedLayout | null): { keyFields: string[]; keyTitles: string[] } {
  const names = layout?.fields.map((f) => f.name) ?? [];
  const id = names.includes('MET Student Number') ? 'MET Student Number' : 'PSP Number';
  const keyFields = names.includes('Surname') ? ['Surname', 'Given Name(s)', id] : names.slice(0, 3);
  return { keyFields, keyTitles: keyFields.map((k) => k.replace('MET Student Number', 'MET Number').replace('Given Name(s)', 'Given names')) };
}

export function delimitedRecordModel(input: InputInfo): RecordModel & { tokens(text: string): Token[] } {
  const { layout: base, namesRow } = fileLayout(input);
  const cache = new Map<string, DelimitedLayout>();
  const layoutFor = (count: number, kind: string): DelimitedLayout | null => {
    if (!base) return null;
    const extra = Math.max(0, count - base.base);
    const key = `${kind} ${extra}`;
    let layout = cache.get(key);
    if (!layout) {
      const custom = Array.from({ length: extra }, (_, i) => namesRow?.[base.base + i] || `Custom Field Text ${i + 1}`);
      cache.set(key, (layout = withCustom(base, custom, kind)));
    }
    return layout;
  };
  const tokens = (text: string) => splitQuoted(text).tokens;
  return {
    tokens,
    crossRecordCodes: new Set(),
    rewriteCodes: REWRITE,
    sharedKeys: [],
    identity: IDENTITY,
    ...keysOf(base),
    parse(text, line) {
      if (text.trim() === '') return null;
      const values = tokens(text).map((t) => t.value);
      const layout = layoutFor(values.length, line === 1 && namesRow ? 'header' : 'detail');
      if (!layout) return null;
      return { layout, fields: layout.fields.map((_, i) => values[i] ?? '') };
    },
    serialise(layout, fields) {
      const l = layout as DelimitedLayout;
      return l.fields.map((f, i) => (l.dates.has(f.name) && l.kind !== 'header' ? fields[i] : quote(fields[i] ?? ''))).join(',');
    },
    check: (layout, fields, line) => (layout.kind === 'header' ? [] : fieldIssues(layout as DelimitedLayout, fields, line)),
    fileIssues: (checked) => [...checked],
    trailerFor: () => null,
  };
}
