/**
 * The LA and pseudo-LA codes a UPN's characters 2–4 may hold (census rule 1530), as the DfE
 * census validators list them (ctf-reference.md: the CIN validator's rule 1530, Arbor's help).
 * The list changes when LAs merge: codes newer than it are added with the `upnLaCodes` setting
 * (`--la-codes`), never by editing a check.
 */
import type { CheckOptions } from '../../src/core/format.js';
import type { FormatSetting } from '../../src/core/format-setting.js';
import { InputError } from '../../src/io/input-error.js';

const RANGES = '001-005 201-213 301-320 330-336 340-344 350-359 370-373 380-384 390-394 420 660-681 701-708 800-803 805-808 810-813 815 816 820-823 825 826 830 831 835-839 840 841 845 846 850-852 855-857 860 861 865-896 908 909 916 919 921 925 926 928 929 931 933 935-938 940 941';

function expand(ranges: string): string[] {
  return ranges.split(/[\s,]+/).filter(Boolean).flatMap((r) => {
    const [from, to = from] = r.split('-').map(Number);
    return Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(3, '0'));
  });
}

export const LA_CODES: ReadonlySet<string> = new Set(expand(RANGES));

/** Codes the clerk adds: three digits each, separated by commas or spaces, ranges as 942-944. */
function parseCodes(text: string): string {
  const t = text.trim();
  if (t !== '' && !/^\d{3}(-\d{3})?([\s,]+\d{3}(-\d{3})?)*$/.test(t)) throw new RangeError(`extra LA codes are 3-digit codes separated by commas (942,943 or 942-944), not "${text}"`);
  return t;
}

export const LA_CODES_SETTING: FormatSetting = {
  key: 'upnLaCodes',
  description: 'LA codes recognised in UPNs (rule 1530) beyond the census list, e.g. 942,943',
  default: '',
  parse: parseCodes,
  flag: { name: 'la-codes', arg: 'CODES', help: ['England (CTF, Target Tracker): LA codes a UPN may hold beyond', 'the census list (rule 1530), e.g. 942,943 or 942-944'] },
  load(value) {
    try {
      return new Set(expand(parseCodes(value)));
    } catch (error) {
      throw new InputError(`--la-codes: ${(error as Error).message}`, 64);
    }
  },
};

/** The LA codes of a run: the census list and the clerk's own. */
export function laCodes(options: CheckOptions | undefined): ReadonlySet<string> {
  const extra = options?.formatOptions?.[LA_CODES_SETTING.key] as ReadonlySet<string> | undefined;
  return extra?.size ? new Set([...LA_CODES, ...extra]) : LA_CODES;
}
