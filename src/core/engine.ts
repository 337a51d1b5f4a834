/**
 * The two passes behind the commands: `checkFile` streams a file through its format's Validator
 * and returns a report; `fixFile` streams it through the format's Fixer into a new file, writes
 * the change report, then checks what it wrote so the clerk is told what is really left.
 */
import { mask } from './printable.js';
import { basename } from 'node:path';
import { readAs, type Change, type CheckOptions, type Format, type ValidationResult } from './format.js';
import type { Issue } from './issue.js';
import { EncodingChanged, inspectInput, readMemoryLines, scanLines, type InputInfo, type Progress, type ReadStats } from '../io/line-reader.js';
import { checkInParts, checkWhileWriting, type WhileWriting } from './parallel-check.js';
import { InputError } from '../io/input-error.js';
import { sanitise } from './printable.js';
import { commitTogether, SafeWriter } from '../io/safe-write.js';
import type { FormatRegistry } from './format-registry.js';
import { inspectAny, withSheet } from './workbook-input.js';
import { fixWorkbook, sheetOutputName } from './workbook-fix.js';

export interface Report extends ValidationResult {
  file: string;
  format: Format;
  input: InputInfo;
  rejected: boolean;
  limits: { maxErrors: number; maxRecords: number };
}

/** The format named by `formatId`, else the one `registry` detects from the file's first lines. */
export async function resolveFormat(registry: FormatRegistry, input: InputInfo, formatId?: string): Promise<Format> {
  if (formatId) {
    const format = registry.byId(formatId);
    if (!format) throw new InputError(`unknown format "${formatId}"; known formats: ${registry.formats.map((f) => f.id).join(', ')}`, 64);
    notLike(registry, format, input);
    return format;
  }
  if (input.size === 0) throw new InputError(`${input.path} is empty (0 bytes): there is nothing to check`);
  const format = registry.detect(input.sample, basename(input.path));
  if (!format) {
    throw new InputError(`${input.path} does not look like any format rollfix knows (${registry.formats.map((f) => f.id).join(', ')}); if you know its format, name it with --format`, 65);
  }
  return format;
}

/** "a FORMAT-ID file (its title)", as --format named it. */
const named = (format: Format) => `${/^[aeiou]/i.test(format.id) ? 'an' : 'a'} ${format.id} file (${format.title})`;

/**
 * A format named with --format that the file's content does not fit at all, while another
 * format fits it: checking it as the named one would only list nonsense, so say what it looks like.
 */
function notLike(registry: FormatRegistry, format: Format, input: InputInfo): void {
  if (input.size === 0 || format.detect(input.sample, basename(input.path)) > 0) return;
  const other = registry.detect(input.sample, basename(input.path));
  if (!other || other === format) return;
  throw new InputError(`${input.path} does not look like ${named(format)}: its content fits ${other.title} (${other.id}) instead; check it with --format ${other.id}, or without --format`, 65);
}

/** A format named with --format whose layouts none of the file's lines fits: there is nothing of that format in it. */
function noneOfItsLayouts(format: Format, input: InputInfo, result: ValidationResult): void {
  if (result.records > 0) return;
  const layouts = [...new Set(format.layouts.map((l) => l.title))].slice(0, 3).join('; ');
  throw new InputError(`${input.path} does not look like ${named(format)}: none of its lines is one of its records (${layouts}); check it without --format to have its format found`, 65);
}

/**
 * A file with no student records has nothing to upload: an error, unless a rejection or a
 * file-wide error already says why. The workstation's live check asks the same (src/session/live.ts).
 */
export function noRecordsIssues(result: { records: number; detailRecords: number; issues: Iterable<Issue> }): Issue[] {
  if (result.detailRecords > 0) return [];
  for (const i of result.issues) if (i.severity === 'reject' || (i.severity === 'error' && i.line === null)) return [];
  return [{ code: 'file/no-records', severity: 'error', scope: 'file', line: null, field: null, message: `The file holds no student records (${result.records} record${result.records === 1 ? '' : 's'} in all, none of them a student's): there is nothing to upload`, repair: null }];
}
const noRecords = noRecordsIssues;

function summarise(file: string, format: Format, input: InputInfo, checked: ValidationResult, options: CheckOptions): Report {
  const none = noRecords(checked);
  const result = none.length ? { ...checked, issues: [...none, ...checked.issues] } : checked;
  return {
    ...result,
    issues: withSheet(result.issues, input),
    file,
    format,
    input,
    rejected: result.issues.some((i) => i.severity === 'reject'),

    limits: { maxErrors: options.maxErrors, maxRecords: options.maxRecords },
  };
}

export async function checkFile(registry: FormatRegistry, path: string, options: CheckOptions, formatId?: string, progress?: Progress): Promise<Report> {
  const first = await inspectAny(registry, path, options, formatId);
  const format = await resolveFormat(registry, first, formatId);
  return checkAs(format, path, first, options, Boolean(formatId), progress);
}

/** The check of a file rollfix wrote as `format` (its format known, not named by the clerk); with `registry`, a workbook is read as one. */
export async function checkWrittenFile(path: string, options: CheckOptions, format: Format, registry?: FormatRegistry): Promise<Report> {
  return checkAs(format, path, registry ? await inspectAny(registry, path, options, format.id) : await inspectInput(path), options, false);
}

/** The check of a file as `format`; `named`: the format was named (--format), not found from the content. */
async function checkAs(format: Format, path: string, inspected: InputInfo, options: CheckOptions, named: boolean, progress?: Progress): Promise<Report> {
  const first = readAs(format, inspected);
  try {
    const result = await checkInParts(format, first, options, progress);
    if (result && named) noneOfItsLayouts(format, first, result);
    if (result) return summarise(path, format, first, result, options);
  } catch (error) {
    if (!(error instanceof EncodingChanged)) throw error; // then check again on one thread, below
  }
  const { result, input } = await scanLines(first, (input) => {
    const validator = format.validator(options, input);
    return { line: (text, line, offset) => validator.line(text, line, offset), finish: (stats) => validator.finish(stats) };
  }, progress);
  if (named) noneOfItsLayouts(format, input, result);
  return summarise(path, format, input, result, options);
}

/**
 * The check of a text held in memory (`input.lines`), at once and on this thread: the same
 * validator as checkFile's, so the workstation's file as it would be written is judged exactly
 * as `rollfix check` would judge it once written.
 */
export function checkInMemory(format: Format, options: CheckOptions, input: InputInfo): Report {
  const validator = format.validator(options, input);
  const stats = readMemoryLines(input, (text, line, offset) => validator.line(text, line, offset));
  return summarise(input.path, format, input, validator.finish(stats), options);
}

export interface FixResult {
  output: string;
  changeReport: string;
  changes: Change[];
  /** The check of the written file. */
  after: Report;
}

/**
 * One cell of a change report, safe to open in Excel, where clerks open them: control characters
 * shown as `<U+001B>` (as on screen), and a text that Excel would read as a formula (it begins
 * with =, +, -, @, a tab or a CR) kept as text by a leading apostrophe.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const shown = sanitise(value);
  const text = /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * How a format's sensitive values are shown: a sensitive field's value, or any value the format
 * calls sensitive (a national ID under another field's name), masked; quoted values in messages too.
 */
export type Masker = { value: (field: string | null, value: string) => string; message: (text: string) => string };
const maskers = new WeakMap<Format, Masker>();

/** One per format, kept: the text report asks for it at every issue. */
export function masker(format: Format): Masker {
  let made = maskers.get(format);
  if (!made) maskers.set(format, (made = makeMasker(format)));
  return made;
}

function makeMasker(format: Format): Masker {
  const fields = sensitiveFields(format);
  const isSensitive = sensitiveValueTest(format);
  const hide = (field: string | null, value: string) => value !== '' && ((field !== null && fields.has(field)) || Boolean(isSensitive?.(value)));
  return {
    value: (field, value) => (hide(field, value) ? mask(value) : value),
    message: (text) => (isSensitive ? maskWords(maskQuoted(text, isSensitive), isSensitive) : text),
  };
}

/**
 * A format's sensitive-value test, with spaces and quotes around the value set aside: a value
 * shifted into another column may bring its CSV quotes along ("123456789" with its quotes).
 */
export function sensitiveValueTest(format: Format): ((value: string) => boolean) | undefined {
  const test = format.isSensitiveValue;
  return test && ((value) => test(value.replace(/^[\s"']+|[\s"']+$/g, '')));
}

/**
 * Every quoted value in a message masked when it is sensitive. Messages quote a value as
 * `"${value}"`, and the value may hold quotes itself, so each quote is tried as the opening with
 * each of the next few as the closing one, the shortest sensitive span first.
 */
function maskQuoted(text: string, isSensitive: (value: string) => boolean): string {
  const quotes: number[] = [];
  for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) quotes.push(at);
  let out = '';
  let from = 0;
  for (let a = 0; a < quotes.length - 1; a++) {
    if (quotes[a] < from) continue;
    for (let b = a + 1; b < Math.min(quotes.length, a + 8); b++) {
      const inside = text.slice(quotes[a] + 1, quotes[b]);
      if (inside === '' || !isSensitive(inside)) continue;
      out += text.slice(from, quotes[a] + 1) + mask(inside);
      from = quotes[b];
      a = b - 1; // the closing quote may open the next value
      break;
    }
  }
  return out + text.slice(from);
}

/**
 * Every word of a message that is sensitive by itself, masked: values some messages give
 * unquoted ("The trailer says 555443333 records", "copy the header's 123456789") and a line
 * shown as read. A word ends at a space, a quote or a delimiter; the punctuation around it is kept.
 */
function maskWords(text: string, isSensitive: (value: string) => boolean): string {
  return text.replace(/[^\s",;|]+/g, (word) => {
    const core = word.replace(/^[([{'.:!?]+|[)\]}'.:!?]+$/g, '');
    return core && isSensitive(core) ? word.replace(core, mask(core)) : word;
  });
}

/** Fields a format marks sensitive (national IDs): written as "masked" in change reports unless asked. */
export function sensitiveFields(format: Format): ReadonlySet<string> {
  let fields = sensitiveByFormat.get(format);
  if (!fields) sensitiveByFormat.set(format, (fields = new Set(format.layouts.flatMap((l) => l.fields).filter((f) => f.sensitive).map((f) => f.name))));
  return fields;
}
const sensitiveByFormat = new WeakMap<Format, ReadonlySet<string>>();

export function changeReportCsv(changes: readonly Change[], masked: ReadonlySet<string> = new Set(), eol = '\n', sensitiveValue?: (value: string) => boolean): string {
  const show = (c: Change, value: string) => ((masked.has(c.field) || sensitiveValue?.(value)) && value !== '' ? 'masked' : value);
  // A workbook's report names each change's cell too; key, decision, reason and record come last,
  // so a reader of the first columns reads on as before.
  const cells = changes.some((c) => c.cell !== undefined);
  const rows = [['line', 'field', 'before', 'after', 'code', ...(cells ? ['cell'] : []), 'key', 'decision', 'reason', 'record'], ...changes.map((c) => [c.line === 0 ? '' : c.line, c.field, show(c, c.before), show(c, c.after), c.code, ...(cells ? [c.cell ?? ''] : []), c.key ?? '', c.decision ?? '', c.reason ?? '', c.record ?? ''])];
  return rows.map((r) => r.map(csvCell).join(',')).join(eol) + eol;
}

/** The output's own name when the format gives one (one naming the sending school, or a workbook's import file NAME.fixed.dat), else null: NAME.fixed.EXT. */
export function outputNameOf(format: Format, input: InputInfo): string | null {
  return format.outputName?.(input) ?? sheetOutputName(format, input);
}

/** The change report of a fix, national IDs masked unless asked. */
function changeReportText(format: Format, changes: readonly Change[], unmasked: boolean): string {
  return changeReportCsv(changes, unmasked ? new Set() : sensitiveFields(format), undefined, unmasked ? undefined : sensitiveValueTest(format));
}

/** How a format's output is written: the input's line ending and BOM unless the format decides (a required CR LF, never a BOM). */
export function outputOf(format: Format, input: InputInfo): { eol: string; bom: boolean } {
  return { eol: format.outputEol?.(input) ?? input.eol, bom: format.outputBom?.(input) ?? input.bom };
}

export async function fixFile(registry: FormatRegistry, path: string, output: string, changeReport: string, options: CheckOptions, formatId?: string, unmaskedReport = false): Promise<FixResult> {
  const inspected = await inspectAny(registry, path, options, formatId);
  const format = await resolveFormat(registry, inspected, formatId);
  const first = readAs(format, inspected);
  if (first.workbook) {
    const changes = fixWorkbook(format, options, first, output, (written) => changeReportText(format, written, unmaskedReport), changeReport);
    return { output, changeReport, changes, after: await checkFile(registry, output, options, format.id) };
  }
  let writer: SafeWriter | null = null;
  let checking: WhileWriting | null = null;
  try {
    const { result } = await scanLines(first, (input) => {
      writer?.abort();
      checking?.abort();
      const { eol, bom } = outputOf(format, input);
      // The written file is checked on another core as it is written (when worth it), not read back after.
      checking = checkWhileWriting(format, options, output, input.size, input.encoding);
      const out = (writer = new SafeWriter(output, input.encoding, bom, checking ? (bytes) => checking!.push(bytes) : undefined));
      const fixer = format.fixer(options, input);
      // Line endings go between lines, and after the last only if the input had one there: a
      // file that ends mid-line may have been cut short, and the output must still say so.
      let written = 0;
      const emit = (lines: string[]) => {
        for (const l of lines) out.write(written++ === 0 ? l : eol + l);
      };
      const finish = (stats: ReadStats) => {
        emit(fixer.finish(stats));
        if (stats.endsWithNewline && written > 0) out.write(eol);
        return fixer.changes;
      };
      return { line: (text, line, offset) => emit(fixer.line(text, line, offset)), finish };
    });
    // The output and its change report together, or neither: "Nothing was written" stays true.
    commitTogether(writer!, changeReport, changeReportText(format, result, unmaskedReport));
    const after = await checkWritten(output, options, format, checking);
    return { output, changeReport, changes: result, after };
  } catch (error) {
    (writer as SafeWriter | null)?.abort();
    (checking as WhileWriting | null)?.abort();
    throw error;
  }
}

/** The check of a file just written: the one made while it was written if it holds, else checkFile's (the file inspected once). */
async function checkWritten(path: string, options: CheckOptions, format: Format, checking: WhileWriting | null): Promise<Report> {
  const written = readAs(format, await inspectInput(path));
  const result = checking && (await checking.finish(written, options));
  return result ? summarise(path, format, written, result, options) : checkAs(format, path, written, options, false);
}

export type { Issue };
