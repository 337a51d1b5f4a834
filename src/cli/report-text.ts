/**
 * The readable report of `rollfix check`: the verdict and the whole-file rejection reasons first,
 * in plain words with their fix, then the flagged records, then warnings and counts by code.
 * Written only through writeChunks, the terminal guard (terminal.ts); sensitive values are masked.
 */
import { count } from '../core/count.js';
import { masker, sensitiveFields, type Report } from '../core/engine.js';
import { severityRank, type Issue, type Repair } from '../core/issue.js';
import { oneLine, writeOut } from './terminal.js';
import { fileErrors, outcomeOf } from '../core/outcome.js';

type Masker = ReturnType<typeof masker>;

const n = count;

function repairText(report: Report, repair: Repair): string[] {
  const shown = masker(report.format);
  const values = Object.entries(repair.values ?? {}).map(([field, value]) => `${field} "${shown.value(field, value)}"`);
  const what = values.length > 0 && !repair.action ? values.join(', ') : shown.message(repair.reason);
  const lines = [`fix (${repair.confidence}): ${what}`];
  if (repair.confidence === 'review' && what !== repair.reason) lines.push(`  why: ${shown.message(repair.reason)}`);
  return lines;
}

function issueLines(report: Report, issue: Issue): string[] {
  const where = issue.line === null ? 'file' : `line ${issue.line}${issue.cell ? ` ${issue.cell}` : ''}`;
  const lines = [`  ${where.padEnd(10)} ${issue.code}${issue.field ? `  [${issue.field}]` : ''}`, `             ${masker(report.format).message(issue.message)}`];
  if (issue.kept) lines.push(`             kept as real: ${issue.kept.reason}${issue.severity === 'warning' ? ' (resolved)' : ' (still counts: the receiving system would still refuse it)'}`);
  else if (issue.repair) lines.push(...repairText(report, issue.repair).map((l) => `             ${l}`));
  return lines;
}

/** The readable report, a few lines at a time (see jsonChunks for why). */
export function* textChunks(report: Report): Generator<string> {
  const out: string[] = [];
  const flush = function* () {
    if (out.length) yield out.join('\n') + '\n';
    out.length = 0;
  };
  const { input, issues } = report;
  const eol = { '\n': 'LF', '\r\n': 'CRLF', '\r': 'CR' }[input.eol];
  out.push(oneLine(report.file));
  out.push(`  format   ${report.format.id}: ${report.format.title}`);
  if (input.workbook) out.push(`  sheet    "${input.workbook.sheet.name}" of an Excel workbook (${input.workbook.book.sheets.length} sheet${input.workbook.book.sheets.length === 1 ? '' : 's'}); line N is row N`);
  else out.push(`  file     ${input.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}${input.bom ? ' with BOM' : ''}, ${eol} line endings, ${report.facts.shape ?? `${report.facts.delimiter ?? ''}-delimited records`}`);
  out.push(`  records  ${n(report.records)} in all, ${n(report.detailRecords)} detail record${report.detailRecords === 1 ? '' : 's'}, ${n(report.flaggedRecords)} flagged`);
  if (report.facts.layout) out.push(`  layout   ${report.facts.layout}`);
  if (report.facts.limits) out.push(`  limits   ${report.facts.limits} (--max-errors, --max-records)`);
  const rejects = issues.filter((i) => i.severity === 'reject');
  const errors = issues.filter((i) => i.severity === 'error');
  // A kept warning is resolved: listed apart, with its reason.
  const warnings = issues.filter((i) => i.severity === 'warning' && !i.kept);
  const keptWarnings = issues.filter((i) => i.severity === 'warning' && i.kept);
  if (rejects.length > 0) {
    out.push('', `WOULD BE REJECTED: the receiving system would refuse the whole file (${rejects.length} reason${rejects.length === 1 ? '' : 's'})`);
    for (const issue of rejects) {
      out.push(...issueLines(report, issue));
      if (out.length > 500) yield* flush();
    }
  }
  if (errors.length > 0) {
    const wide = fileErrors(report);
    const heading = report.flaggedRecords > 0 || wide < errors.length ? `FLAGGED RECORDS: ${n(report.flaggedRecords)} record${report.flaggedRecords === 1 ? '' : 's'} to fix` : 'ERRORS IN THE FILE';
    out.push('', `${heading} (${n(errors.length)} error${errors.length === 1 ? '' : 's'})`);
    for (const issue of errors) {
      out.push(...issueLines(report, issue));
      if (out.length > 500) yield* flush();
    }
  }
  if (warnings.length > 0) {
    out.push('', `WARNINGS: ${n(warnings.length)}`);
    for (const issue of warnings) {
      out.push(...issueLines(report, issue));
      if (out.length > 500) yield* flush();
    }
  }
  if (keptWarnings.length > 0) {
    out.push('', `KEPT AS REAL: ${n(keptWarnings.length)} warning${keptWarnings.length === 1 ? '' : 's'} resolved by the clerk's reason`);
    for (const issue of keptWarnings) out.push(...issueLines(report, issue));
  }
  if (issues.length > 0) {
    const counts = new Map<string, { severity: Issue['severity']; count: number }>();
    for (const i of issues) counts.set(i.code, { severity: i.severity, count: (counts.get(i.code)?.count ?? 0) + 1 });
    out.push('', 'BY CODE (rollfix explain CODE tells more)');
    const sorted = [...counts].sort(([, a], [, b]) => severityRank[a.severity] - severityRank[b.severity] || b.count - a.count);
    for (const [code, { severity, count }] of sorted) out.push(`  ${severity.padEnd(8)} ${code.padEnd(34)} ${n(count).padStart(8)}`);
  }
  const safe = issues.filter((i) => i.repair?.confidence === 'safe').length;
  const review = issues.filter((i) => i.repair?.confidence === 'review').length;
  const manual = issues.filter((i) => i.severity !== 'warning' && !i.repair).length;
  out.push('', verdict(report));
  if (safe + review + manual > 0) {
    out.push(`  ${n(safe)} safe repair${safe === 1 ? '' : 's'} (rollfix fix FILE --auto applies them), ${n(review)} to review, ${n(manual)} without a proposal`);
  }
  yield* flush();
}

export function verdict(report: Report): string {
  const outcome = outcomeOf(report);
  if (outcome === 'rejected') return 'RESULT: would be rejected (exit 2)';
  const wide = fileErrors(report);
  const fileText = `${n(wide)} error${wide === 1 ? '' : 's'} in the file itself`;
  if (report.flaggedRecords > 0) return `RESULT: accepted, with ${n(report.flaggedRecords)} flagged record${report.flaggedRecords === 1 ? '' : 's'} for the Fix Errors stage${wide ? ` and ${fileText}` : ''} (exit 1)`;
  if (outcome === 'flagged') return `RESULT: not ready to upload: ${wide ? fileText : 'errors'} to fix first (exit 1)`;
  return 'RESULT: clean, ready to upload (exit 0)';
}

/**
 * `check --json`: the public shape scripts rely on. Extend it; never rename or remove a key.
 * Written in pieces, one issue at a time, so a file with a million issues never becomes one
 * string; the bytes are exactly those of JSON.stringify(report, null, 2).
 */
/** The report's keys of `check --json` except its issues (streamed one by one by jsonChunks). */
function reportHead(report: Report) {
  return {
    format: report.format.id,
    rejected: report.rejected,
    records: report.records,
    detailRecords: report.detailRecords,
    flaggedRecords: report.flaggedRecords,
    encoding: report.input.encoding,
    lineEnding: { '\n': 'LF', '\r\n': 'CRLF', '\r': 'CR' }[report.input.eol],
    limits: report.limits,
    facts: report.facts,
  };
}

/** A workbook's issues add `sheet` and `cell` after the others; a kept one `kept`. */
const issueJson = (i: Report['issues'][number]) => ({ code: i.code, severity: i.severity, line: i.line, field: i.field, message: i.message, repair: i.repair, ...(i.sheet !== undefined ? { sheet: i.sheet, cell: i.cell ?? null } : {}), ...(i.kept ? { kept: i.kept } : {}) });

/** The issue with sensitive values (SSN fields, SSN-shaped values anywhere) masked, as on screen. */
export function maskedRepair(i: Issue, shown: Masker): Issue {
  const values = i.repair?.values;
  const message = shown.message(i.message);
  if (!values) return message === i.message ? i : { ...i, message };
  const masked = Object.fromEntries(Object.entries(values).map(([field, value]) => [field, shown.value(field, value)]));
  return { ...i, message, repair: { ...i.repair!, reason: shown.message(i.repair!.reason), values: masked } };
}

/** One report as `check --json` writes it, whole (several files' reports are small). */
export function reportJson(report: Report) {
  const shown = masker(report.format);
  return { ...reportHead(report), issues: report.issues.map((i) => issueJson(maskedRepair(i, shown))) };
}

/**
 * One issue exactly as JSON.stringify(issueJson(i), null, 2) writes it, indented to sit in the
 * report's list; written out by hand because the generic pretty-printer took 0.1 s for the
 * 20,000 issues of a million-record file (test/cli.test.ts compares the two).
 */
export function issueText(i: Issue): string {
  const q = JSON.stringify;
  const repair = i.repair === undefined ? '' : `,\n      "repair": ${i.repair === null ? 'null' : q(i.repair, null, 2).replaceAll('\n', '\n      ')}`;
  const sheet = i.sheet === undefined ? '' : `,\n      "sheet": ${q(i.sheet)},\n      "cell": ${q(i.cell ?? null)}`;
  const kept = i.kept ? `,\n      "kept": {\n        "reason": ${q(i.kept.reason)}\n      }` : '';
  return `    {\n      "code": ${q(i.code)},\n      "severity": ${q(i.severity)},\n      "line": ${q(i.line)},\n      "field": ${q(i.field)},\n      "message": ${q(i.message)}${repair}${sheet}${kept}\n    }`;
}

/**
 * JSON as a terminal may show it: JSON.stringify escapes C0 controls only; DEL, the C1 controls
 * (U+0080–U+009F, which some terminals obey as escape sequences) and the bidirectional controls
 * (U+202A–U+202E, U+2066–U+2069) are written as \\uXXXX too. The JSON means the same.
 */
export function safeJson(text: string): string {
  return text.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function* jsonChunks(report: Report): Generator<string> {
  for (const chunk of rawJsonChunks(report)) yield safeJson(chunk);
}

function* rawJsonChunks(report: Report): Generator<string> {
  const head = JSON.stringify({ ...reportHead(report), issues: [] }, null, 2);
  if (report.issues.length === 0) return yield head + '\n';
  yield head.slice(0, head.lastIndexOf('[]')) + '[';
  let first = true;
  const shown = sensitiveFields(report.format).size || report.format.isSensitiveValue ? masker(report.format) : null;
  for (const i of report.issues) {
    yield (first ? '\n' : ',\n') + issueText(shown ? maskedRepair(i, shown) : i);
    first = false;
  }
  yield '\n  ]\n}\n';
}

/** Writes chunks to stdout in batches of about 64 KB, through the terminal guard. */
export function writeChunks(chunks: Iterable<string>): void {
  let batch = '';
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length > 1 << 16) {
      writeOut(batch);
      batch = '';
    }
  }
  if (batch) writeOut(batch);
}
