/**
 * A line break inside a value: a quoted CSV value may hold one (Excel writes Alt+Enter in a cell
 * as one), and the readers keep the record whole. A receiving system that takes one value per
 * line (an import that reads names and codes) does not take one; a format that says so flags it
 * with its own code (declared in its issue types) and this repair: each break becomes one space.
 */
import type { RecordLayout } from './format.js';
import { issueAt, type Issue } from './issue.js';

const BREAK = /[\r\n]/;
/** A run of breaks (CR LF, LF or CR; an empty line between), with the spaces and tabs around it, is one space. */
const BREAKS = /[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)+/g;

export function hasLineBreak(value: string): boolean {
  return BREAK.test(value);
}

/** The value with each line break replaced by one space; one that begins or ends it leaves none. */
export function withoutLineBreaks(value: string): string {
  const joined = value.replace(BREAKS, ' ');
  const lead = /^[ \t]*[\r\n]/.test(value) && joined.startsWith(' ');
  const trail = /[\r\n][ \t]*$/.test(value) && joined.endsWith(' ');
  return joined.slice(lead ? 1 : 0, trail ? Math.max(lead ? 1 : 0, joined.length - 1) : joined.length);
}

/** An issue, code `code`, for each field of the record whose value holds a line break. */
export function lineBreakIssues(code: string, layout: RecordLayout, fields: readonly string[], line: number): Issue[] {
  const out: Issue[] = [];
  const n = Math.min(layout.fields.length, fields.length);
  for (let i = 0; i < n; i++) {
    const value = fields[i];
    if (!hasLineBreak(value)) continue;
    const name = layout.fields[i].name;
    const breaks = value.split(/\r\n|\r|\n/).length - 1;
    const repair = { confidence: 'safe' as const, reason: breaks === 1 ? 'the line break becomes a space' : `the ${breaks} line breaks become spaces`, values: { [name]: withoutLineBreaks(value) } };
    out.push(issueAt(code, 'error', line, name, `${name} holds ${breaks === 1 ? 'a line break' : `${breaks} line breaks`} (Alt+Enter in a spreadsheet cell)`, repair));
  }
  return out;
}
