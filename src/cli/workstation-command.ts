/**
 * `rollfix [FILE]`. The interactive workstation (issue #3) is not built yet; until it is, this
 * shows the report the workstation's summary will open with, and says how to go on.
 */
import { checkFile } from '../core/engine.js';
import { checkOptions } from './check-options.js';
import { textReport } from './report-text.js';
import { EXIT } from './exit-codes.js';

export async function workstationCommand(file: string): Promise<number> {
  const report = await checkFile(file, checkOptions({}));
  process.stdout.write(textReport(report));
  process.stdout.write(`\nThe interactive workstation is not built yet. Meanwhile:\n  rollfix fix ${file} --auto     writes the safe repairs to a new file\n  rollfix explain CODE            tells what an issue means\n`);
  return EXIT.clean;
}
