/**
 * `rollfix [FILE]`: the interactive workstation on FILE. Bad input is reported before the screen
 * is taken over; without a terminal (a pipe, a script) it prints the check report instead.
 */
import { writeOut } from './terminal.js';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { isFolder } from '../core/file-set.js';
import { checkFile, resolveFormat } from '../core/engine.js';
import { inspectAny } from '../core/workbook-input.js';
import { registry } from '../../formats/registry.js';
import { CHECK_FLAGS, CHECK_FLAGS_HELP, checkOptions } from './check-options.js';
import { textChunks, writeChunks } from './report-text.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './usage-error.js';
import { loadSettings, type Settings } from '../session/settings.js';

export const OPEN_HELP = `Usage: rollfix [FILE] [options]
       rollfix FILE... | FOLDER [options]   several files (a set imported together): the list first

Opens FILE in the workstation (no FILE: the bundled sample,
${registry.sample.title}): the summary, the error table,
each flagged record with its proposed repairs, and writing the resubmission. ? shows every key.
  --no-color         no colours (also when NO_COLOR is set); states are shown by symbols
  --ascii            draw with plain ASCII characters, for terminals that garble lines
${CHECK_FLAGS_HELP}
`;

/**
 * Ink draws nothing but the last frame when it thinks it runs under CI (CI or
 * CONTINUOUS_INTEGRATION set). Both ends are a terminal here, so a person is watching: say so
 * before Ink is loaded, since it reads these once, at import.
 */
function aPersonIsWatching(): void {
  for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (name in process.env) process.env[name] = '0';
}

/** Colour and drawing characters: the flags for this run, else the stored settings. */
function screenFlags(values: Record<string, string | boolean | undefined>, settings: Settings): { color?: boolean; ascii: boolean } {
  return { color: values['no-color'] || !settings.color ? false : undefined, ascii: Boolean(values.ascii) || settings.ascii };
}

/** `rollfix FILE...` or a folder: the files in import order, each opened in turn. */
async function openSeveral(paths: string[], values: Record<string, string | boolean | undefined>): Promise<number> {
  const settings = loadSettings();
  const options = checkOptions(values, settings);
  const format = typeof values.format === 'string' ? values.format : undefined;
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    // Without a terminal: the same as rollfix check on the files.
    const { checkCommand } = await import('./check-command.js');
    const flags = Object.keys(CHECK_FLAGS).flatMap((k) => (typeof values[k] === 'string' ? [`--${k}`, values[k] as string] : []));
    return checkCommand([...paths, ...flags]);
  }
  aPersonIsWatching();
  const { runFileSet } = await import('../../screens/run-workstation.js');
  return runFileSet(paths, options, { ...screenFlags(values, settings), format, settings });
}

export async function workstationCommand(args: string[], sample: string): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...CHECK_FLAGS, 'no-color': { type: 'boolean' }, ascii: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return writeOut(OPEN_HELP), EXIT.clean;
  // `rollfix frobnicate x` is a mistyped command, not two files to open.
  if (positionals.length > 1 && !existsSync(positionals[0]) && /^[a-z-]+$/.test(positionals[0])) throw new UsageError(`unknown command "${positionals[0]}"`);
  const several = positionals.length > 1 || (positionals.length === 1 && isFolder(positionals[0]));
  if (several) return openSeveral(positionals, values);
  const file = positionals[0] ?? sample;
  const settings = loadSettings();
  const options = checkOptions(values, settings);
  await resolveFormat(registry, await inspectAny(registry, file, options, values.format), values.format); // refuse bad input before taking the screen
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    const report = await checkFile(registry, file, options, values.format);
    writeChunks(textChunks(report));
    writeOut('\n(rollfix opens the workstation only in a terminal; this is the report of `rollfix check`.)\n');
    return EXIT.clean;
  }
  aPersonIsWatching();
  // Ink and React are loaded only here (a chunk of their own), so check and fix start fast.
  const { runWorkstation } = await import('../../screens/run-workstation.js');
  return runWorkstation(file, options, { ...screenFlags(values, settings), format: values.format, settings });
}
