/** SACE's own setting: the date format the clerk chooses on the Import Data screen (seed 002). */
import type { CheckOptions } from '../../src/core/format.js';
import type { FormatSetting } from '../../src/core/format-setting.js';
import { SACE_DATE_FORMATS, type SaceDateFormat } from './dates.js';

const CHOICES: readonly string[] = SACE_DATE_FORMATS;

/** One of the six; yyyy-mm-dd, accepted before, is yyyy/mm/dd. */
function parseDateFormat(text: string): string {
  const t = text.trim().toLowerCase().replace(/^yyyy-mm-dd$/, 'yyyy/mm/dd');
  if (!CHOICES.includes(t)) throw new RangeError(`the SACE date format is one of ${CHOICES.join(', ')}, not "${text}"`);
  return t;
}

export const DATE_FORMAT_SETTING: FormatSetting = {
  key: 'saceDateFormat',
  description: `SACE date format chosen on the Import Data screen (${CHOICES.join(', ')})`,
  default: 'dd/mm/yyyy',
  parse: parseDateFormat,
  flag: { name: 'date-format', arg: 'F', help: ['SACE: the date format chosen on the Import Data screen', `(${CHOICES.join(', ')})`] },
};

export const SACE_SETTINGS: readonly FormatSetting[] = [DATE_FORMAT_SETTING];

/** The chosen date format of a run. */
export function chosenDateFormat(options: CheckOptions): SaceDateFormat {
  return (options.formatOptions?.[DATE_FORMAT_SETTING.key] ?? DATE_FORMAT_SETTING.default) as SaceDateFormat;
}
