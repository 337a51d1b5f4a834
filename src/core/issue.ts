/**
 * The issue model (DESIGN.md section 2). An issue is one thing wrong with a file, a record or a
 * field; its `code` is a public contract (scripts filter on it), so codes are never renamed.
 */
export type Severity = 'reject' | 'error' | 'warning';
export type Scope = 'file' | 'record' | 'field';
export type Confidence = 'safe' | 'review';

/** A proposed fix. `safe` ones are applied by `fix --auto`; `review` ones wait for the clerk. */
export interface Repair {
  confidence: Confidence;
  /** One short sentence a clerk reads before accepting. */
  reason: string;
  /** New values for fields of the issue's record, by field name (suffix parsing sets two). */
  values?: Record<string, string>;
  /**
   * A whole-record or whole-file action instead of (or beside) field values. How a repair is carried out beyond setting `values`. Opaque to core but for the generic ones
   * (delete-record, drop-empty-extra-fields, add-trailer, rewrite-record, split-file: the file written as several, `fix --split`); a format may name its own.
   */
  action?: string;
}

export interface Issue {
  code: string;
  severity: Severity;
  scope: Scope;
  /** 1-based physical line of the input file; null for file-wide issues. */
  line: number | null;
  /** The field's name exactly as the specification writes it; null when not about one field. */
  field: string | null;
  message: string;
  repair: Repair | null;
  /**
   * The clerk said the value is real (k, with a reason): shown as kept everywhere. A kept
   * rejection or error still counts (the receiving system would still refuse it); a kept warning
   * is resolved. Absent when not kept (check --json writes it only then).
   */
  kept?: { reason: string };
  /** Of a workbook only: the sheet read, and the issue's cell ("D5"; null when it is not about one cell). */
  sheet?: string;
  cell?: string | null;
}

/** An issue whose scope follows from where it is: on a field, on a record (a line), or on the file. */
export function issueAt(code: string, severity: Severity, line: number | null, field: string | null, message: string, repair: Repair | null = null): Issue {
  return { code, severity, scope: field ? 'field' : line !== null ? 'record' : 'file', line, field, message, repair };
}

export const severityRank: Record<Severity, number> = { reject: 0, error: 1, warning: 2 };

/** Orders issues as a clerk reads them: file-wide first, then by line, then by severity. */
export function compareIssues(a: Issue, b: Issue): number {
  const la = a.line ?? 0;
  const lb = b.line ?? 0;
  return la - lb || severityRank[a.severity] - severityRank[b.severity];
}

/** A copy of a string that shares no memory with the larger string it may be a slice of. */
export function detach(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * The issue with every string copied. Values and messages are built from slices of a 1 MB chunk
 * of the file; an issue kept until the end of a check would keep its whole chunk alive
 * (measured: +120 MB on a million records with 2% flagged).
 */
export function detachIssue(issue: Issue): Issue {
  const { repair } = issue;
  return {
    ...issue,
    message: detach(issue.message),
    repair: repair && {
      ...repair,
      reason: detach(repair.reason),
      ...(repair.values ? { values: Object.fromEntries(Object.entries(repair.values).map(([k, v]) => [k, detach(v)])) } : {}),
    },
  };
}
