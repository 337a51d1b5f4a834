import { parseArgs } from 'node:util';
import { checkFile, type Report } from '../core/engine.js';
import { EXIT } from './exit-codes.js';
import { CHECK_FLAGS, CHECK_FLAGS_HELP, checkOptions } from './check-options.js';
import { jsonChunks, textChunks, writeChunks } from './report-text.js';
import { UsageError } from './usage-error.js';

export const CHECK_HELP = `Usage: rollfix check FILE [options]

Checks a batch file as the receiving system would and reports every problem.
  --json             one JSON object on stdout (see README, "check --json")
${CHECK_FLAGS_HELP}

Exit: 0 clean (warnings allowed), 1 flagged records, 2 the file would be rejected,
      64 usage error, 65 format not recognised, 66 input unreadable.
`;

export function exitCodeFor(report: Report): number {
  if (report.rejected) return EXIT.rejected;
  return report.flaggedRecords > 0 ? EXIT.flagged : EXIT.clean;
}

export async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...CHECK_FLAGS, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return process.stdout.write(CHECK_HELP), EXIT.clean;
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'check needs a FILE' : `check takes one FILE, not ${positionals.length}`);
  const report = await checkFile(positionals[0], checkOptions(values), values.format);
  writeChunks(values.json ? jsonChunks(report) : textChunks(report));
  return exitCodeFor(report);
}
