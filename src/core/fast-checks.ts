/**
 * The hot path of validation: for each field of a layout, one small predicate that says "this
 * value is certainly fine" using only lengths, character codes and a Set, built once from the
 * FieldSpec. Only a value that fails it goes through the full checks in field-checks.ts, which
 * say what is wrong. A million records of 16 fields is 16 million values; almost all are fine.
 * The predicates are only valid for lines that are plain printable ASCII (see profileLine).
 */
import type { FieldSpec } from './field-spec.js';
import type { RecordLayout } from './format.js';
import { dateProblem } from './dates.js';

export type FastCheck = (value: string) => boolean;

function noEdgeSpace(v: string): boolean {
  return v.charCodeAt(0) !== 32 && v.charCodeAt(v.length - 1) !== 32;
}

function allDigits(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function compile(spec: FieldSpec): FastCheck {
  const { maxLength, required } = spec;
  const empty = !required;
  switch (spec.kind) {
    case 'code': {
      const codes = new Set(spec.codes);
      return (v) => codes.has(v) || (empty && v.length === 0);
    }
    case 'date': {
      const format = spec.dateFormat ?? 'mm/dd/yyyy';
      if (format !== 'mm/dd/yyyy' && format !== 'dd/mm/yyyy') return (v) => (v.length === 0 ? empty : v.length <= maxLength && dateProblem(v, format) === null);
      return (v) => (v.length === 10 ? dateProblem(v, format) === null : empty && v.length === 0);
    }
    case 'digits': {
      const want = spec.digits;
      return (v) => (v.length === 0 ? empty : v.length <= maxLength && (want === undefined || v.length === want) && allDigits(v));
    }
    case 'pattern': {
      const pattern = spec.pattern!;
      return (v) => (v.length === 0 ? empty : v.length <= maxLength && pattern.test(v));
    }
    default:
      return (v) => (v.length === 0 ? empty : v.length <= maxLength && noEdgeSpace(v));
  }
}

const compiled = new WeakMap<RecordLayout, FastCheck[]>();

export function fastChecks(layout: RecordLayout): FastCheck[] {
  let checks = compiled.get(layout);
  if (!checks) compiled.set(layout, (checks = layout.fields.map(compile)));
  return checks;
}
