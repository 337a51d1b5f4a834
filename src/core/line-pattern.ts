/**
 * A whole-record regular expression built from a layout: a line it matches passes every generic
 * field check of every field (required, length, code list, digits, format, printable ASCII, no
 * surrounding spaces, no quotes) except that dates must still be real dates. It is the fast path
 * for the great majority of records, which are clean: one native regex match instead of a split
 * into 16 strings and 16 checks. Fields the format's own rules need are captured. A line that
 * does not match goes the slow way, which says what is wrong; both ways are tested to agree.
 */
import type { FieldSpec } from './field-spec.js';
import type { RecordLayout } from './format.js';

export interface LinePattern {
  regex: RegExp;
  /** Captured fields: layout index of the n-th capture group (group n + 1). Arrays, not a Map: read per record. */
  captured: readonly number[];
  /** Capture groups of the date fields, checked to be real dates after the match. */
  dateGroups: readonly number[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Inside a character class only these are special. */
const classEscape = (s: string) => s.replace(/[\\\]^-]/g, '\\$&');

function fieldSource(spec: FieldSpec, delimiter: string): string | null {
  // Printable ASCII but the delimiter and the double quote; `edge` also without the space.
  const excluded = delimiter === '\t' ? '"' : '",';
  const chars = [...Array(95)].map((_, i) => String.fromCharCode(32 + i)).filter((c) => !excluded.includes(c));
  const inner = `[${chars.map(classEscape).join('')}]`;
  const edge = `[${chars.filter((c) => c !== ' ').map(classEscape).join('')}]`;
  let body: string;
  switch (spec.kind) {
    case 'code':
      body = `(?:${spec.codes!.map(escapeRegExp).join('|')})`;
      break;
    case 'date':
      body = '\\d\\d/\\d\\d/\\d{4}';
      break;
    case 'digits':
      body = spec.digits !== undefined ? `\\d{${spec.digits}}` : `\\d{1,${spec.maxLength}}`;
      break;
    case 'pattern': {
      const source = spec.pattern!.source;
      if (!source.startsWith('^') || !source.endsWith('$') || spec.pattern!.flags) return null;
      body = `(?:${source.slice(1, -1)})`;
      break;
    }
    default:
      body = spec.maxLength === 1 ? edge : `${edge}(?:${inner}{0,${spec.maxLength - 2}}${edge})?`;
  }
  return spec.required ? body : `(?:${body})?`;
}

/** The pattern for `layout`'s records in `delimiter`, capturing the fields named in `capture`. */
export function linePattern(layout: RecordLayout, delimiter: string, capture: ReadonlySet<string>): LinePattern | null {
  const captured: number[] = [];
  const dateGroups: number[] = [];
  const parts: string[] = [];
  for (const [i, spec] of layout.fields.entries()) {
    const source = fieldSource(spec, delimiter);
    if (source === null) return null;
    if (capture.has(spec.name) || spec.kind === 'date') {
      captured.push(i);
      if (spec.kind === 'date') dateGroups.push(captured.length);
      parts.push(`(${source})`);
    } else {
      parts.push(source);
    }
  }
  return { regex: new RegExp(`^${parts.join(escapeRegExp(delimiter))}$`), captured, dateGroups };
}
