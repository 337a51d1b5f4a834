import { oneLine, writeErr, writeOut } from './terminal.js';
import { existsSync } from 'node:fs';
import { defaultOutput, defaultReportPath, sameFile } from '../io/output-paths.js';
import { parseArgs } from 'node:util';
import { fixFile, outputNameOf, resolveFormat } from '../core/engine.js';
import { registry } from '../../formats/registry.js';
import type { InputInfo } from '../io/line-reader.js';
import { inspectAny } from '../core/workbook-input.js';
import { failedTarget, whyNotWritten } from '../io/safe-write.js';
import { planSplit, writeSplit } from '../core/split-file.js';
import type { Format } from '../core/format.js';
import { UnencodableError } from '../io/cp1252.js';
import { InputError } from '../io/input-error.js';
import { EXIT } from './exit-codes.js';
import { CHECK_FLAGS, CHECK_FLAGS_HELP, checkOptions } from './check-options.js';
import { exitCodeFor } from './check-command.js';
import { textChunks, writeChunks } from './report-text.js';
import { UsageError } from './usage-error.js';
import { loadSettings } from '../session/settings.js';
import { fixWithDecisions } from '../session/recipe.js';

export const FIX_HELP = `Usage: rollfix fix FILE --auto [-o OUT] [options]
       rollfix fix FILE --split [--force]

Applies every safe repair and writes a new file; the input is never changed.
  --auto             apply the safe repairs (those marked "safe" by rollfix check)
${registry.formats.filter((f) => f.splitHelp).map((f) => `  --split            write ${f.splitHelp!.lines.join(`\n${' '.repeat(21)}`)}\n`).join('')}  -o, --output OUT   where to write (default: NAME.fixed.EXT beside the input; a
                     workbook of a format imported as CSV: NAME.fixed.dat, .asc)
  --report PATH      the change report, CSV of line, field, before, after, code
                     (default: the output's name with .changes.csv)
  --recipe REPORT    first apply the decisions of an earlier change report (each on its
                     own student: same key, field and value before; never elsewhere)
  --remembered       first apply the decisions remembered for this school
                     (rollfix memory list shows them)
  --force            replace OUT and the report if they exist
  --unmasked-report  write national IDs in the report in clear (default: "masked";
                     the maskReports setting)
${CHECK_FLAGS_HELP}

Then checks the written file and prints what is left to fix by hand.
Exit: as rollfix check, for the written file; 73 when it cannot be written.
`;

/** `fix --split`: the format's parts, each written safely beside the input; nothing when one exists. */
function splitCommand(input: string, inspected: InputInfo, format: Format, force: boolean): number {
  const plan = planSplit(format, inspected, input);
  if (typeof plan === 'string') {
    if (plan.startsWith('a part would be named')) throw new UsageError(plan);
    throw new InputError(`${input}: nothing to split: ${plan}`, EXIT.usage);
  }
  const { taken, targets } = plan;
  if (taken.length && !force) {
    writeErr(`rollfix: ${taken.map(oneLine).join(', ')} already exist${taken.length === 1 ? 's' : ''}; add --force to replace, nothing was written\n`);
    return EXIT.cannotWrite;
  }
  writeSplit(plan, inspected);
  writeOut(`Wrote ${targets.length} files, one pupil each:\n${targets.map((t) => `  ${oneLine(t)}\n`).join('')}`);
  return EXIT.clean;
}

export async function fixCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { ...CHECK_FLAGS, 'unmasked-report': { type: 'boolean' }, auto: { type: 'boolean' }, split: { type: 'boolean' }, output: { type: 'string', short: 'o' }, report: { type: 'string' }, force: { type: 'boolean' }, recipe: { type: 'string' }, remembered: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return writeOut(FIX_HELP), EXIT.clean;
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'fix needs a FILE' : `fix takes one FILE, not ${positionals.length}`);
  if (!values.auto && !values.split) throw new UsageError('fix needs --auto (to fix records one by one, open the workstation: rollfix FILE)');
  if ((values.recipe || values.remembered) && !values.auto) throw new UsageError(`--${values.recipe ? 'recipe' : 'remembered'} goes with --auto`);
  if (values.recipe && values.remembered) throw new UsageError('give --recipe or --remembered, not both');
  const input = positionals[0];
  const settings = loadSettings();
  const options = checkOptions(values, settings);
  const inspected = await inspectAny(registry, input, options, values.format);
  const format = await resolveFormat(registry, inspected, values.format);
  if (values.split) return splitCommand(input, inspected, format, Boolean(values.force));
  const output = values.output ?? defaultOutput(input, outputNameOf(format, inspected));
  const report = values.report ?? defaultReportPath(output);
  for (const target of [output, report]) {
    if (sameFile(target, input)) throw new UsageError(`${target} is the input file; rollfix never overwrites its input. Choose another name with -o`);
    if (!values.force && existsSync(target)) {
      writeErr(`rollfix: ${oneLine(target)} already exists; add --force to replace it, or choose another name with -o\n`);
      return EXIT.cannotWrite;
    }
  }
  if (output === report) throw new UsageError('the output and the change report must be different files');
  let result;
  let decisionsLine = '';
  try {
    const unmasked = values['unmasked-report'] ?? !settings.maskReports;
    if (values.recipe || values.remembered) {
      const decided = await fixWithDecisions(input, output, report, options, values.format, { recipe: values.recipe }, unmasked);
      decisionsLine = `Applied ${decided.applied} decision${decided.applied === 1 ? '' : 's'} ${values.recipe ? `of ${oneLine(values.recipe)}` : 'remembered for this school'}, each on its own student${decided.skipped.length ? `; ${decided.skipped.length} left out (${[...new Set(decided.skipped.map((k) => k.why))].slice(0, 3).map(oneLine).join('; ')})` : ''}${decided.masked ? `; ${decided.masked} not usable: their values are masked in the report (write it with --unmasked-report)` : ''}\n`;
      result = decided;
    } else result = await fixFile(registry, input, output, report, options, values.format, unmasked);
  } catch (error) {
    if (error instanceof InputError) throw error;
    // Which of the two files could not be made: the output, or its change report.
    const failed = failedTarget(error, [output, report]);
    const reason = error instanceof UnencodableError ? `${error.message}; the input is Windows-1252, so the output must be too` : whyNotWritten(error, failed);
    if (reason) {
      writeErr(`rollfix: cannot write ${oneLine(failed)}: ${reason}. Nothing was written; the input is unchanged.\n`);
      return EXIT.cannotWrite;
    }
    throw error;
  }
  const changed = new Set(result.changes.map((c) => c.line)).size;
  writeOut(decisionsLine);
  writeOut(`Wrote ${oneLine(output)}\n  ${result.changes.length} change${result.changes.length === 1 ? '' : 's'} in ${changed} record${changed === 1 ? '' : 's'}; change report: ${oneLine(report)}\n\nWhat is left, in the written file:\n`);
  writeChunks(textChunks(result.after));
  return exitCodeFor(result.after);
}
