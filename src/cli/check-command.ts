import { oneLine, writeErr, writeOut } from './terminal.js';
import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import type { CheckOptions } from '../core/format.js';
import { checkFileSet, isFolder, type FileSetResult } from '../core/file-set.js';
import { InputError } from '../io/input-error.js';
import { registry } from '../../formats/registry.js';
import { checkFile, type Report } from '../core/engine.js';
import { EXIT } from './exit-codes.js';
import { outcomeOf } from '../core/outcome.js';
import { CHECK_FLAGS, CHECK_FLAGS_HELP, checkOptions } from './check-options.js';
import { jsonChunks, reportJson, safeJson, textChunks, writeChunks } from './report-text.js';
import { UsageError } from './usage-error.js';
import { withKept } from '../session/memory-store.js';

/** The formats imported in a set, in their order, as the help names them. */
function importOrder(): string {
  const set = registry.formats.filter((f) => f.importOrder !== undefined).sort((a, b) => a.importOrder! - b.importOrder!);
  return set.map((f) => f.title).join(', ').replace(/(.{1,88})(, |$)/g, (_, text: string, comma: string) => `${text}${comma.trim()}\n`).trim();
}

export const CHECK_HELP = `Usage: rollfix check FILE [options]
       rollfix check FILE... | FOLDER [options]

Checks a batch file as the receiving system would and reports every problem. Several files
(or a folder) are checked in the order they are imported, then across files:
${importOrder()}.
  --json             one JSON object on stdout (see README, "check --json")
${CHECK_FLAGS_HELP}

Exit: 0 clean (warnings allowed), 1 errors to fix (in records or the file), 2 the file would be rejected,
      64 usage error, 65 format not recognised, 66 input unreadable.
`;

/** 0 if and only if the file has no error and no rejection (test/exit-invariant.test.ts). */
export function exitCodeFor(report: Report): number {
  return { rejected: EXIT.rejected, flagged: EXIT.flagged, clean: EXIT.clean }[outcomeOf(report)];
}

/** Several files: each report in import order, then the issues across them; the worst exit code. */
async function checkSet(paths: string[], options: CheckOptions, formatId: string | undefined, json: boolean): Promise<number> {
  const set = await checkFileSet(registry, paths, options, formatId);
  const codes = [...set.reports.map(exitCodeFor), ...set.failures.map((f) => f.exitCode)];
  for (const f of set.failures) writeErr(`rollfix: not checked: ${oneLine(f.message)}\n`);
  if (json) {
    const files = set.reports.map(reportJson);
    writeOut(safeJson(JSON.stringify({ files, failures: set.failures, acrossFiles: set.across }, null, 2)) + '\n');
  } else {
    for (const r of set.reports) writeChunks(textChunks(r)), writeOut('\n');
    if (set.reports.length > 1) writeOut(acrossText(set));
  }
  return Math.max(EXIT.clean, ...codes);
}

function acrossText(set: FileSetResult): string {
  const order = set.reports.map((r) => basename(r.file)).join(', ');
  const lines = [`ACROSS FILES (in import order: ${order}${set.references.length ? `; reference: ${set.references.map((r) => basename(r.path)).join(', ')}` : ''})`];
  if (set.across.length === 0) lines.push('  nothing: every record the files name is in the files loaded');
  for (const i of set.across) {
    lines.push(`  ${basename(i.file)} line ${i.line}  ${i.code}${i.field ? `  [${i.field}]` : ''}`);
    lines.push(`             ${oneLine(i.message)}`);
  }
  return lines.join('\n') + '\n';
}

export async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...CHECK_FLAGS, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return writeOut(CHECK_HELP), EXIT.clean;
  if (positionals.length === 0) throw new UsageError('check needs a FILE');
  if (positionals.length > 1 || isFolder(positionals[0])) return checkSet(positionals, checkOptions(values), values.format, Boolean(values.json));
  if (registry.isReferenceFile(positionals[0])) throw new InputError(registry.referenceFileMessage(positionals[0]), 65);
  // A file rollfix wrote is checked with the keeps made in it (memory-store.ts: by its content).
  const report = withKept(await checkFile(registry, positionals[0], checkOptions(values), values.format));
  writeChunks(values.json ? jsonChunks(report) : textChunks(report));
  return exitCodeFor(report);
}
