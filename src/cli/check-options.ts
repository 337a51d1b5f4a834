/**
 * The options `check` and `fix` share: flags override the stored settings for one run. The
 * formats' own flags and settings come from the registry (Format.settings).
 */
import type { CheckOptions } from '../core/format.js';
import type { FormatSetting } from '../core/format-setting.js';
import { registry } from '../../formats/registry.js';
import { loadSettings, parseLimit, type Settings } from '../session/settings.js';
import { UsageError } from './usage-error.js';

const FLAGGED = registry.settings.filter((s): s is FormatSetting & { flag: NonNullable<FormatSetting['flag']> } => s.flag !== undefined);

const RUN_FLAGS = { format: { type: 'string' }, sheet: { type: 'string' }, 'max-errors': { type: 'string' }, 'max-records': { type: 'string' } } as const;

/** The flags of every run, and each format's own (typed as the run's: the formats' are read by name). */
export const CHECK_FLAGS: typeof RUN_FLAGS = { ...RUN_FLAGS, ...Object.fromEntries(FLAGGED.map((s) => [s.flag.name, { type: 'string' } as const])) };

const helpLine = (flag: string, lines: readonly string[]) => [`  ${flag.padEnd(18)} ${lines[0]}`, ...lines.slice(1).map((l) => `${' '.repeat(21)}${l}`)].join('\n');

export const CHECK_FLAGS_HELP = [
  helpLine('--format F', ["the file's format (default: detected; see rollfix formats)"]),
  helpLine('--sheet NAME', ['an Excel workbook: the sheet to read (default: the one', "whose first row is the format's, else the first)"]),
  ...FLAGGED.map((s) => helpLine(`--${s.flag.name} ${s.flag.arg}`, s.flag.help)),
  helpLine('--max-errors N', ['records in error before the file is rejected (0: no limit)']),
  helpLine('--max-records N', ['records per file before it is rejected (0: no limit)']),
].join('\n');

/** A format setting's value for this run: the flag's if given (checked as the setting is, or by its load), else the stored one. */
function formatValue(setting: FormatSetting, values: Record<string, string | boolean | undefined>, settings: Settings): unknown {
  const flag = setting.flag && values[setting.flag.name];
  let text: string;
  if (typeof flag === 'string' && setting.load) {
    text = flag.trim(); // its load reads the value and says what is wrong with it (a missing file: exit 66)
  } else if (typeof flag === 'string') {
    try {
      text = setting.parse(flag);
    } catch (error) {
      throw new UsageError(`--${setting.flag!.name}: ${(error as Error).message}`);
    }
  } else {
    const stored = settings[setting.key];
    text = typeof stored === 'string' ? stored : setting.default; // checked when it was set
  }
  return setting.load ? setting.load(text) : text || undefined;
}

/** `settings`: read once by the command and passed on (default: read them now). */
export function checkOptions(values: Record<string, string | boolean | undefined>, settings: Settings = loadSettings()): CheckOptions {
  const limit = (flag: string, fallback: number) => {
    const text = values[flag];
    if (typeof text !== 'string') return fallback;
    try {
      return parseLimit(text, `--${flag}`);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  };
  return {
    maxErrors: limit('max-errors', settings.maxErrors),
    maxRecords: limit('max-records', settings.maxRecords),
    formatOptions: Object.fromEntries(registry.settings.map((s) => [s.key, formatValue(s, values, settings)])),
    ...(typeof values.sheet === 'string' ? { sheet: values.sheet } : {}),
  };
}
