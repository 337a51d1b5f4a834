/**
 * A field's kind in a workbook, derived from its spec: a date field reads date cells in its
 * layout, a T/F flag reads TRUE and FALSE as its letters, a whole-number field is written back
 * as a number, anything else as text (so a UPN or a post code keeps its zeros).
 */
import type { FieldSpec } from './field-spec.js';
import type { CellKind } from '../io/sheet-text.js';

/** `dateFormat`: the layout when the field is a date the spec does not lay out (a format's setting chooses it). */
export function cellKindOf(spec: FieldSpec, dateFormat?: string): CellKind {
  if (dateFormat) return { kind: 'date', format: dateFormat };
  if (spec.kind === 'date' && spec.dateFormat) return { kind: 'date', format: spec.dateFormat };
  const codes = spec.codes ?? [];
  if (spec.kind === 'code' && codes.length === 2 && codes.includes('T') && codes.includes('F')) return { kind: 'flag', yes: 'T', no: 'F' };
  if (spec.kind === 'pattern' && spec.pattern && /^\^(-\?)?\\d\+\$$/.test(spec.pattern.source)) return { kind: 'number' };
  return { kind: 'text' };
}
