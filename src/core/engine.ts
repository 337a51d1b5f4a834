/**
 * The two passes behind the commands: `checkFile` streams a file through its format's Validator
 * and returns a report; `fixFile` streams it through the format's Fixer into a new file, writes
 * the change report, then checks what it wrote so the clerk is told what is really left.
 */
import { mask } from './printable.js';
import { basename } from 'node:path';
import type { Change, CheckOptions, Format, ValidationResult } from './format.js';
import type { Issue } from './issue.js';
import { EncodingChanged, inspectInput, readMemoryLines, scanLines, type InputInfo, type Progress, type ReadStats } from '../io/line-reader.js';
import { checkInParts, checkWhileWriting, type WhileWriting } from './parallel-check.js';
import { InputError } from '../io/input-error.js';
import { sanitise } from './printable.js';
import { commitTogether, SafeWriter } from '../io/safe-write.js';
import type { FormatRegistry } from './format-registry.js';

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
    return format;
  }
  if (input.size === 0) throw new InputError(`${input.path} is empty (0 bytes): there is nothing to check`);
  const format = registry.detect(input.sample, basename(input.path));
  if (!format) {
    throw new InputError(`${input.path} does not look like any format rollfix knows (${registry.formats.map((f) => f.id).join(', ')}); if you know its format, name it with --format`, 65);
  }
  return format;
}

function summarise(file: string, format: Format, input: InputInfo, result: ValidationResult, options: CheckOptions): Report {
  return {
    ...result,
    file,
    format,
    input,
    rejected: result.issues.some((i) => i.severity === 'reject'),
    limits: { maxErrors: options.maxErrors, maxRecords: options.maxRecords },
  };
}

export async function checkFile(registry: FormatRegistry, path: string, options: CheckOptions, formatId?: string, progress?: Progress): Promise<Report> {
  const first = await inspectInput(path);
  const format = await resolveFormat(registry, first, formatId);
  try {
    const result = await checkInParts(format, first, options, progress);
    if (result) return summarise(path, format, first, result, options);
  } catch (error) {
    if (!(error instanceof EncodingChanged)) throw error; // then check again on one thread, below
  }
  const { result, input } = await scanLines(first, (input) => {
    const validator = format.validator(options, input);
    return { line: (text, line, offset) => validator.line(text, line, offset), finish: (stats) => validator.finish(stats) };
  }, progress);
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
type Masker = { value: (field: string | null, value: string) => string; message: (text: string) => string };
const maskers = new WeakMap<Format, Masker>();

/** One per format, kept: the text report asks for it at every issue. */
export function masker(format: Format): Masker {
  let made = maskers.get(format);
  if (!made) maskers.set(format, (made = makeMasker(format)));
  return made;
}

function makeMasker(format: Format): Masker {
  const fields = sensitiveFields(format);
  const isSensitive = format.isSensitiveValue;
  const hide = (field: string | null, value: string) => value !== '' && ((field !== null && fields.has(field)) || Boolean(isSensitive?.(value.trim())));
  return {
    value: (field, value) => (hide(field, value) ? mask(value) : value),
    message: (text) => (isSensitive ? text.replace(/"([^"]*)"/g, (quoted, value: string) => (hide(null, value) ? `"${mask(value)}"` : quoted)) : text),
  };
}

/** Fields a format marks sensitive (national IDs): written as "masked" in change reports unless asked. */
export function sensitiveFields(format: Format): ReadonlySet<string> {
  let fields = sensitiveByFormat.get(format);
  if (!fields) sensitiveByFormat.set(format, (fields = new Set(format.layouts.flatMap((l) => l.fields).filter((f) => f.sensitive).map((f) => f.name))));
  return fields;
}
const sensitiveByFormat = new WeakMap<Format, ReadonlySet<string>>();

export function changeReportCsv(changes: readonly Change[], masked: ReadonlySet<string> = new Set(), eol = '\n', sensitiveValue?: (value: string) => boolean): string {
  const show = (c: Change, value: string) => ((masked.has(c.field) || sensitiveValue?.(value.trim())) && value !== '' ? 'masked' : value);
  // key, decision, reason and record come last, so a reader of the first five columns reads on as before.
  const rows = [['line', 'field', 'before', 'after', 'code', 'key', 'decision', 'reason', 'record'], ...changes.map((c) => [c.line === 0 ? '' : c.line, c.field, show(c, c.before), show(c, c.after), c.code, c.key ?? '', c.decision ?? '', c.reason ?? '', c.record ?? ''])];
  return rows.map((r) => r.map(csvCell).join(',')).join(eol) + eol;
}

/** How a format's output is written: the input's line ending and BOM unless the format decides (a required CR LF, never a BOM). */
export function outputOf(format: Format, input: InputInfo): { eol: string; bom: boolean } {
  return { eol: format.outputEol?.(input) ?? input.eol, bom: format.outputBom?.(input) ?? input.bom };
}

export async function fixFile(registry: FormatRegistry, path: string, output: string, changeReport: string, options: CheckOptions, formatId?: string, unmaskedReport = false): Promise<FixResult> {
  const first = await inspectInput(path);
  const format = await resolveFormat(registry, first, formatId);
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
    commitTogether(writer!, changeReport, changeReportCsv(result, unmaskedReport ? new Set() : sensitiveFields(format), undefined, unmaskedReport ? undefined : format.isSensitiveValue));
    const after = await checkWritten(registry, output, options, format, checking);
    return { output, changeReport, changes: result, after };
  } catch (error) {
    (writer as SafeWriter | null)?.abort();
    (checking as WhileWriting | null)?.abort();
    throw error;
  }
}

/** The check of a file just written: the one made while it was written if it holds, else checkFile's. */
async function checkWritten(registry: FormatRegistry, path: string, options: CheckOptions, format: Format, checking: WhileWriting | null): Promise<Report> {
  if (checking) {
    const written = await inspectInput(path);
    const result = await checking.finish(written, options);
    if (result) return summarise(path, format, written, result, options);
  }
  return checkFile(registry, path, options, format.id);
}

export type { Issue };
