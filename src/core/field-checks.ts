/**
 * The generic checks every format shares, driven by a FieldSpec: required, too long, code list,
 * date, format, non-printable, surrounding spaces. One finding per field (the one a clerk must
 * deal with first); the repair proposed for it is whatever makes the field pass every check.
 */
import type { FieldSpec, Proposal } from './field-spec.js';
import type { Severity } from './issue.js';
import { dateProblem, repairDate } from './dates.js';
import { describeNonPrintable, hasNonPrintable, stripNonPrintable } from './printable.js';

export interface FieldFinding {
  code: string;
  severity: Severity;
  message: string;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Receiving systems store VarChar2(n) in bytes: a name with accents can overflow in UTF-8. */
function lengthProblem(spec: FieldSpec, value: string, plain: boolean): string | null {
  if (value.length > spec.maxLength) return `is ${value.length} characters long; at most ${spec.maxLength} allowed`;
  if (!plain && value.length * 2 > spec.maxLength && NON_ASCII.test(value)) {
    const bytes = Buffer.byteLength(value, 'utf8');
    if (bytes > spec.maxLength) return `is ${bytes} bytes long in UTF-8; at most ${spec.maxLength} allowed`;
  }
  return null;
}

function shown(spec: FieldSpec, value: string): string {
  return spec.sensitive ? '' : ` "${value}"`;
}

function kindProblem(spec: FieldSpec, value: string): FieldFinding | null {
  switch (spec.kind) {
    case 'code':
      if (inCodes(spec, value)) return null;
      return { code: 'field/code', severity: 'error', message: `${spec.name}${shown(spec, value)} is not one of ${spec.codes!.join(', ')}` };
    case 'date': {
      const problem = dateProblem(value, spec.dateFormat ?? 'mm/dd/yyyy');
      return problem ? { code: 'field/date', severity: 'error', message: `${spec.name}${shown(spec, value)} ${problem}` } : null;
    }
    case 'digits': {
      const ok = /^\d+$/.test(value) && (spec.digits === undefined || value.length === spec.digits);
      const want = spec.digits === undefined ? 'digits only' : `exactly ${spec.digits} digits, no dashes or slashes`;
      return ok ? null : { code: 'field/format', severity: 'error', message: `${spec.name}${shown(spec, value)} must be ${want}` };
    }
    case 'pattern':
      return spec.pattern!.test(value) ? null : { code: 'field/format', severity: 'error', message: `${spec.name}${shown(spec, value)} must be ${spec.patternText}` };
    default:
      return null;
  }
}

function isBlank(value: string): boolean {
  if (value.length === 0) return true;
  const c = value.charCodeAt(0);
  return (c === 32 || c === 9 || c === 160 || c > 0x1000) && value.trim().length === 0;
}

const codeSets = new WeakMap<FieldSpec, Set<string>>();

function inCodes(spec: FieldSpec, value: string): boolean {
  let set = codeSets.get(spec);
  if (!set) codeSets.set(spec, (set = new Set(spec.codes)));
  return set.has(value);
}

/**
 * The first problem with a field's value, or null. `plain`: the whole line is already known to be
 * printable ASCII, so the searches for control characters and multi-byte characters are skipped.
 */
export function fieldFinding(spec: FieldSpec, value: string, plain = false): FieldFinding | null {
  // A line break is the format's own issue (line-breaks.ts), with its own repair: not "invisible".
  if (!plain && hasNonPrintable(value) && hasNonPrintable(value.replace(/[\r\n]/g, ' '))) {
    return { code: 'field/non-printable', severity: 'error', message: `${spec.name} contains invisible or control characters (${describeNonPrintable(value)})` };
  }
  if (isBlank(value)) {
    return spec.required ? { code: 'field/required', severity: 'error', message: `${spec.name} is required but empty` } : null;
  }
  // The kind first: "Grade 3" in a 2-character grade field is a wrong code, not a long one.
  const kind = kindProblem(spec, value);
  if (kind) return kind;
  const tooLong = lengthProblem(spec, value, plain);
  if (tooLong) return { code: 'field/too-long', severity: 'error', message: `${spec.name} ${tooLong}` };
  if (value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32) {
    return { code: 'field/whitespace', severity: 'warning', message: `${spec.name} has spaces before or after the value` };
  }
  return null;
}

function kindRepair(spec: FieldSpec, value: string): Proposal | null {
  switch (spec.kind) {
    case 'code': {
      const upper = value.toUpperCase();
      if (spec.codes!.includes(upper)) return { value: upper, confidence: 'safe', reason: 'code written in capitals' };
      const alias = spec.aliases?.[upper.replace(/\s+/g, ' ')];
      // An alias may be '' where a blank is the code for "no" (seed 004: "blank or Y").
      if (alias !== undefined) return { value: alias, confidence: 'safe', reason: alias ? `"${value}" is the code ${alias}` : `"${value}" is written as a blank` };
      break;
    }
    case 'date':
      return repairDate(value, spec.dateFormat ?? 'mm/dd/yyyy');
    case 'digits': {
      const digits = value.replace(/[\s\-/.]/g, '');
      if (digits !== value && /^\d+$/.test(digits)) return { value: digits, confidence: 'safe', reason: 'dashes, slashes and spaces removed' };
      break;
    }
  }
  return null;
}

/**
 * Proposes a value that passes every generic check, or null. Steps compose (strip invisible
 * characters, trim, then the kind's repair, then the format's normaliser) and the least sure
 * step sets the confidence. Because the result must pass every check, repairing a repaired
 * value proposes nothing: repairs are idempotent by construction.
 */
export function repairField(spec: FieldSpec, original: string): Proposal | null {
  let value = original;
  const reasons: string[] = [];
  let confidence: Proposal['confidence'] = 'safe';
  const step = (p: Proposal | null) => {
    if (!p || p.value === value) return;
    value = p.value;
    reasons.push(p.reason);
    if (p.confidence === 'review') confidence = 'review';
  };
  // Line breaks are kept: they are the format's own issue, with its own repair (line-breaks.ts).
  if (hasNonPrintable(value.replace(/[\r\n]/g, ' '))) step({ value: value.replace(/[^\r\n]+/g, stripNonPrintable), confidence: 'safe', reason: 'invisible characters removed' });
  if (value.trim() !== value) step({ value: value.trim(), confidence: 'safe', reason: 'surrounding spaces removed' });
  if (fieldFinding(spec, value) !== null) step(kindRepair(spec, value));
  if (fieldFinding(spec, value) !== null && spec.normalise) step(spec.normalise(value));
  if (value === original || reasons.length === 0) return null;
  if (fieldFinding(spec, value) !== null || (spec.required && value === '')) return null;
  return { value, confidence, reason: reasons.join('; ') };
}
