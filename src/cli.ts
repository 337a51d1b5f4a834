/**
 * rollfix's command line: parses the command, runs it, and turns every failure into a message
 * and an exit code (README, "Exit codes"). Nothing here validates data; see src/core and formats/.
 */
import { writeErr, writeOut } from './cli/terminal.js';
import { fileURLToPath } from 'node:url';
import { checkCommand, CHECK_HELP } from './cli/check-command.js';
import { fixCommand, FIX_HELP } from './cli/fix-command.js';
import { explainCommand, EXPLAIN_HELP, formatsCommand, FORMATS_HELP } from './cli/info-commands.js';
import { configCommand, CONFIG_HELP } from './cli/config-command.js';
import { memoryCommand, MEMORY_HELP } from './cli/memory-command.js';
import { OPEN_HELP, workstationCommand } from './cli/workstation-command.js';
import { EXIT } from './cli/exit-codes.js';
import { UsageError } from './cli/usage-error.js';
import { InputError } from './io/input-error.js';
import { sanitise } from './core/printable.js';
import { parentPort } from 'node:worker_threads';
import { enableParallelCheck, isPartWorker, runPartFromWorkerData } from './core/parallel-check.js';
import { formatById, registry } from '../formats/registry.js';

// This bundle is also the worker that checks one part of a large file (core/parallel-check.ts).
if (isPartWorker()) await runPartFromWorkerData(formatById, (message, transfer) => parentPort!.postMessage(message, transfer));

declare const ROLLFIX_VERSION: string;
export const VERSION = typeof ROLLFIX_VERSION === 'string' ? ROLLFIX_VERSION : 'dev';

/** `fix --split` for each format that declares it. */
const SPLIT_LINES = registry.formats.filter((f) => f.splitHelp).map((f) => `  rollfix fix FILE --split            ${f.splitHelp!.summary}\n`).join('');

export const HELP = `rollfix ${VERSION}: repair school student-data batch files before upload

Usage:
  rollfix [FILE]                      open FILE (no FILE: the bundled sample)
  rollfix FILE... | FOLDER            open several files (a set imported together) in import order
  rollfix check FILE [--json] [...]   report; exit 0 clean, 1 flagged records, 2 would be rejected
  rollfix check FILE... | FOLDER      several files, then what only the set shows
  rollfix fix FILE --auto [-o OUT]    apply every safe repair, write OUT and a change report
${SPLIT_LINES}  rollfix formats                     list the formats and how each is detected
  rollfix explain [CODE]              what an issue code means and how to fix it
  rollfix config list|get|set|unset|path|paths   stored settings (district, limits, ...)
  rollfix memory list|forget|path     decisions remembered for each school's next export

The bundled sample is a ${registry.sample.title} file.
rollfix COMMAND --help tells more. Exit codes: 0 clean, 1 flagged, 2 rejected,
64 usage error, 65 format not recognised, 66 input unreadable, 73 cannot write.
`;

/** The sample `npm start` opens, next to the bundle (dist/) or the sources (src/). */
// src/cli.ts and its bundle dist/rollfix.js both sit one folder below the package's root.
export const SAMPLE = fileURLToPath(new URL(`../${registry.sample.file}`, import.meta.url));

function isParseArgsError(error: unknown): boolean {
  return typeof (error as { code?: string })?.code === 'string' && (error as { code: string }).code.startsWith('ERR_PARSE_ARGS');
}

async function run(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'check': return checkCommand(rest);
    case 'fix': return fixCommand(rest);
    case 'formats': return formatsCommand(rest);
    case 'explain': return explainCommand(rest);
    case 'memory':
      if (rest.includes('--help') || rest.includes('-h')) return writeOut(MEMORY_HELP), EXIT.clean;
      return memoryCommand(rest);
    case 'config':
      if (rest.includes('--help') || rest.includes('-h')) return writeOut(CONFIG_HELP), EXIT.clean;
      return configCommand(rest);
    case 'help': {
      const topic = { open: OPEN_HELP, check: CHECK_HELP, fix: FIX_HELP, config: CONFIG_HELP, memory: MEMORY_HELP, formats: FORMATS_HELP, explain: EXPLAIN_HELP }[rest[0] ?? ''];
      return writeOut(topic ?? HELP), EXIT.clean;
    }
    case '--help': case '-h': return writeOut(HELP), EXIT.clean;
    case undefined: return workstationCommand([], SAMPLE);
    case '--version': case '-V': return writeOut(VERSION + '\n'), EXIT.clean;
    default:
      return workstationCommand(args, SAMPLE);
  }
}

export async function main(args: string[]): Promise<number> {
  enableParallelCheck(fileURLToPath(import.meta.url));
  // `rollfix check FILE | head`: the reader has gone, so stop quietly (no stack trace, no EPIPE).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    return await run(args);
  } catch (error) {
    // Messages quote paths and values typed by others: sanitised, they cannot drive the terminal.
    if (error instanceof UsageError || isParseArgsError(error)) {
      writeErr(`rollfix: ${sanitise((error as Error).message)}\nTry: rollfix --help\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      writeErr(`rollfix: ${sanitise(error.message)}\n`);
      return error.exitCode;
    }
    writeErr(`rollfix: internal error, please report it: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT.internal;
  }
}
