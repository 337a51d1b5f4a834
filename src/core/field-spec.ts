import type { Confidence } from './issue.js';
import type { DateFormat } from './dates.js';

/** A value a repair proposes for one field, with how sure it is. */
export interface Proposal {
  value: string;
  confidence: Confidence;
  reason: string;
}

export type FieldKind = 'text' | 'code' | 'date' | 'digits' | 'pattern';

/**
 * A field of a record layout, as data (DESIGN.md section 1). Generic checks and repairs in
 * `src/core` are driven by it; only what a spec cannot say lives in a format's rules.ts.
 */
export interface FieldSpec {
  /** Exactly as the specification writes it: it is what `check --json` reports. */
  name: string;
  required: boolean;
  maxLength: number;
  kind: FieldKind;
  /** Allowed values for `code` fields, case-sensitive. */
  codes?: readonly string[];
  /** Other spellings clerks' systems export, upper-cased, mapped to a code (`MALE` → `M`). */
  aliases?: Readonly<Record<string, string>>;
  /** The one layout `date` fields must have. */
  dateFormat?: DateFormat;
  /** For `digits`: the exact number of digits required. */
  digits?: number;
  /** For `pattern`: the regular expression and how to say it to a clerk. */
  pattern?: RegExp;
  patternText?: string;
  /** A format's own normaliser, tried after the generic repairs (grade words, year ranges). */
  normalise?: (value: string) => Proposal | null;
  /** National IDs: masked on screen (see the privacy issue). */
  sensitive?: boolean;
  /** Fixed-length records: the field's first column (1-based); its width is `maxLength`. */
  position?: number;
}
