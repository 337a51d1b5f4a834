/**
 * The file open in the workstation: everything that does not change while the clerk works, read
 * once. Lines come from the LineStore on demand; issues from the whole check, by line.
 */
import { statSync, type Stats } from 'node:fs';
import { basename, resolve } from 'node:path';
import { contentHash, Journal } from './journal.js';
import type { CheckOptions, Format, RecordModel } from '../core/format.js';
import type { Issue } from '../core/issue.js';
import { checkFile, type Report } from '../core/engine.js';
import { registry } from '../../formats/registry.js';
import { LineStore } from '../io/line-store.js';
import { describeFsError, InputError } from '../io/input-error.js';
import type { Progress } from '../io/line-reader.js';
import type { Keep } from './keeps.js';

export interface Doc {
  path: string;
  name: string;
  report: Report;
  format: Format;
  options: CheckOptions;
  store: LineStore;
  model: RecordModel;
  /** Issues of the whole check, by line. */
  checked: ReadonlyMap<number, readonly Issue[]>;
  checkedFileIssues: readonly Issue[];
  /** Lines the whole check flagged, in file order: the rows of the error table. */
  flaggedLines: readonly number[];
  /** The line of the trailer (last record, if it is one), or 0. */
  trailerLine: number;
  /**
   * The line of the file's header record (a header record or a row of field names: 1; an XML header
   * element further down), or 0 when it has none. It is not a student, and the summary's f fixes it.
   */
  headerLine: number;
  /** Whether the file ends with a line break (kept when writing). */
  endsWithNewline: boolean;
  /** Where every edit is recorded before it shows (none in tests of the model alone). */
  journal: Journal | null;
  /**
   * The input as it was on disk when opened (stat before its bytes were read), so a write can
   * tell it changed since (input-on-disk.ts); null when built from bytes alone.
   */
  opened: OpenedAs | null;
  /** Issues kept in this very file when rollfix wrote it (the remembered keeps of its content). */
  keptAtOpen?: readonly Keep[];
}

export interface OpenedAs {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
  /** The SHA-256 of the bytes held (store.raw), computed once, when first needed. */
  hash: () => string;
}

function openedAs({ size, mtimeMs, ctimeMs, ino, dev }: Stats, store: LineStore, journal: Journal | null): OpenedAs {
  let hash: string | null = journal?.hash ?? null;
  return { size, mtimeMs, ctimeMs, ino, dev, hash: () => (hash ??= contentHash(store.raw)) };
}

/** The first record, if it is a header (looked for past a few lines that are no records: an XML prologue). */
function findHeader(store: LineStore, model: RecordModel): number {
  for (let n = 1; n <= Math.min(store.count, 50); n++) {
    const parsed = model.parse(store.line(n), n);
    if (parsed) return parsed.layout.kind === 'header' ? n : 0;
  }
  return 0;
}

export function buildDoc(path: string, report: Report, store: LineStore, options: CheckOptions, journal: Journal | null = null, opened: OpenedAs | null = null): Doc {
  const checked = new Map<number, Issue[]>();
  const checkedFileIssues: Issue[] = [];
  for (const issue of report.issues) {
    if (issue.line === null) checkedFileIssues.push(issue);
    else checked.set(issue.line, [...(checked.get(issue.line) ?? []), issue]);
  }
  const model = report.format.records(options, report.input);
  let last = store.count;
  while (last > 0 && store.line(last).trim() === '') last--;
  const trailerLine = last > 1 && model.parse(store.line(last), last)?.layout.kind === 'trailer' ? last : 0;
  return {
    path,
    name: basename(path),
    report,
    format: report.format,
    options,
    store,
    model,
    checked,
    checkedFileIssues,
    flaggedLines: [...checked.keys()].sort((a, b) => a - b),
    trailerLine,
    headerLine: findHeader(store, model),
    endsWithNewline: store.count === 0 || report.input.size === 0 ? true : store.endsWithNewline,
    journal,
    opened,
  };
}

function statInput(path: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    throw describeFsError(path, error);
  }
}

/** The same file, unchanged, as far as stat can tell: size, times and inode (any write changes ctime). */
export function sameStat(a: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino' | 'dev'>, b: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino' | 'dev'>): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino && a.dev === b.dev;
}

/**
 * Checks the file and reads it for editing; `progress` gets the fraction done. The file is read
 * twice (the check, then the copy held), so it is stat'ed before the first read and after the
 * second: a file another program writes meanwhile would give a report of other bytes than those
 * edited. Then it is read again once; a file that keeps changing is refused with a clear message.
 */
export async function openDoc(path: string, options: CheckOptions, formatId?: string, progress?: Progress, journaled = false): Promise<Doc> {
  for (let attempt = 1; ; attempt++) {
    const before = statInput(path);
    const report = await checkFile(registry, path, options, formatId, progress);
    const { input } = report;
    // A workbook's sheet is held as its text; its bytes are kept for the content hash.
    const store = input.workbook && input.lines ? LineStore.fromLines(input.lines, input.workbook.book.bytes) : await LineStore.load(input);
    if (!sameStat(before, statInput(report.input.path)) || store.raw.length !== before.size) {
      if (attempt < 2) continue;
      throw new InputError(`${path} changed while it was being read (is another program still writing it?); open it again when it has finished`);
    }
    const journal = journaled ? Journal.for(resolve(path), store.raw) : null;
    return buildDoc(path, report, store, options, journal, openedAs(before, store, journal));
  }
}
