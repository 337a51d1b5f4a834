/**
 * `rollfix fix FILE --auto --recipe REPORT.csv | --remembered`: the decisions of an earlier change
 * report (or the remembered ones) applied to this file where, and only where, they apply
 * (decisions.ts), then every safe repair, as `fix --auto` does; one change report for both.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Change, CheckOptions, DecisionKind } from '../core/format.js';
import { changeReportCsv, checkFile, fixFile, outputOf, sensitiveFields, type FixResult } from '../core/engine.js';
import { registry } from '../../formats/registry.js';
import { SafeWriter, writeFileSafely } from '../io/safe-write.js';
import { InputError } from '../io/input-error.js';
import { openDoc } from './document.js';
import { keyIndex, matchDecisions, whoIs, withDecisions, type Decision, type Skip } from './decisions.js';
import { commit, initialLive } from './live.js';
import { writtenInput, writtenRecords } from './written.js';
import { changesOf, keptAsWritten } from './write-file.js';
import { remember, rememberedFor, rememberKept, withKept } from './memory-store.js';

const KINDS: ReadonlySet<string> = new Set<DecisionKind>(['repair', 'edit', 'delete', 'keep']);

/** A cell as the change report wrote it, back: the apostrophe that kept a formula text taken off. */
const cell = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/** The decisions of a change report; an older report (no key and decision columns) is refused. */
export function readRecipe(path: string): { decisions: Decision[]; masked: number } {
  let rows: string[][];
  try {
    rows = parse(readFileSync(path, 'utf8'), { relax_column_count: true, bom: true });
  } catch (error) {
    throw new InputError(`${path} cannot be read as a change report (${(error as Error).message.split('\n')[0]})`, 66);
  }
  const head = rows[0] ?? [];
  const at = (name: string) => head.indexOf(name);
  if (['line', 'field', 'before', 'after', 'code'].some((c) => at(c) < 0)) throw new InputError(`${path} is not a rollfix change report (its first row should be line,field,before,after,code,...)`, 64);
  if (at('key') < 0 || at('decision') < 0) {
    throw new InputError(`${path} is a change report from before rollfix remembered decisions: it has no key and decision columns, so its changes cannot be put on their students. Fix this month's file in the workstation (or with fix --auto) to get a report that can be replayed`, 64);
  }
  let masked = 0;
  const decisions: Decision[] = [];
  for (const r of rows.slice(1)) {
    const key = r[at('key')] ?? '';
    const kind = r[at('decision')] ?? '';
    if (!key || !KINDS.has(kind)) continue;
    const before = cell(r[at('before')] ?? '');
    const after = cell(r[at('after')] ?? '');
    if (kind !== 'delete' && (before === 'masked' || after === 'masked')) {
      masked++;
      continue;
    }
    const record = at('record') >= 0 ? r[at('record')] : '';
    const reason = at('reason') >= 0 ? r[at('reason')] : '';
    decisions.push({ key, field: r[at('field')] ?? '', kind: kind as DecisionKind, before, after, code: r[at('code')] ?? '', date: 'report', ...(record ? { record } : {}), ...(reason ? { reason } : {}) });
  }
  return { decisions, masked };
}

export interface RecipeResult extends FixResult {
  applied: number;
  skipped: Skip[];
  masked: number;
}

export async function fixWithDecisions(input: string, output: string, report: string, options: CheckOptions, formatId: string | undefined, from: { recipe?: string }, unmasked: boolean): Promise<RecipeResult> {
  const doc = await openDoc(input, options, formatId);
  const recipe = from.recipe ? readRecipe(from.recipe) : { decisions: rememberedFor(doc), masked: 0 };
  const index = keyIndex(doc);
  const start = initialLive(doc);
  const { offered, skipped } = matchDecisions(doc, start, recipe.decisions, index);
  const live = offered.length ? commit(doc, start, { label: 'decisions', edits: offered.map((o) => o.edit) }) : start;
  // The file with the decisions in it, then the safe repairs on it, as fix --auto makes them.
  const dir = mkdtempSync(join(tmpdir(), 'rollfix-decided-'));
  try {
    const decided = join(dir, doc.name);
    const { eol, bom } = outputOf(doc.format, doc.report.input);
    const writer = new SafeWriter(decided, doc.report.input.encoding, bom);
    let n = 0;
    for (const r of writtenRecords(doc, live)) writer.write((n++ === 0 ? '' : eol) + r.text.replaceAll('\n', eol));
    if (doc.endsWithNewline && n > 0) writer.write(eol);
    writer.commit();
    const fixed = await fixFile(registry, decided, output, report, options, doc.format.id, unmasked);
    const kept = keptAsWritten(doc, live);
    const keptLines = new Set(kept.map((k) => k.line));
    // A record with a value kept as real is written as decided: no safe repair overrides the keep.
    if (fixed.changes.some((c) => keptLines.has(c.line))) {
      const decidedLines = readFileSync(decided, doc.report.input.encoding === 'utf-8' ? 'utf8' : 'latin1').split(eol);
      const outLines = readFileSync(output, doc.report.input.encoding === 'utf-8' ? 'utf8' : 'latin1').split(eol);
      for (const n of keptLines) if (n <= outLines.length) outLines[n - 1] = decidedLines[n - 1];
      const again = new SafeWriter(output, doc.report.input.encoding, false);
      again.write(outLines.join(eol));
      again.commit();
      fixed.changes = fixed.changes.filter((c) => !keptLines.has(c.line));
    }
    const { origin } = writtenInput(doc, live, output);
    const decidedChanges = withDecisions(doc, live, changesOf(doc, live));
    const touched = new Set(decidedChanges.map((c) => `${c.line}\t${c.field}`));
    const safe = fixed.changes.flatMap((c): Change[] => {
      const line = c.line > 0 ? (origin[c.line - 1] ?? c.line) : 0;
      if (touched.has(`${line}\t${c.field}`)) return [];
      const who = line > 0 && line <= doc.store.count ? whoIs(doc, index, line) : { key: '' };
      return [{ ...c, line, ...who, ...(who.key ? { decision: 'repair' as const } : {}) }];
    });
    const changes = [...decidedChanges, ...safe].sort((a, b) => a.line - b.line);
    writeFileSafely(report, changeReportCsv(changes, unmasked ? new Set() : sensitiveFields(doc.format), undefined, unmasked ? undefined : doc.format.isSensitiveValue));
    remember(doc, changes);
    rememberKept(output, doc.format.id, kept);
    const after = withKept(await checkFile(registry, output, options, doc.format.id));
    return { ...fixed, changes, after, applied: offered.length, skipped, masked: recipe.masked };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
