/**
 * Every format rollfix knows. A new format is a folder under formats/ and one line here.
 * Detection looks at the content first and the file name second (each format's `detect` weighs both).
 */
import type { CheckOptions, Format } from '../src/core/format.js';
import type { CrossFileIssue, FormatRegistry, LoadedFile } from '../src/core/format-registry.js';
import type { InputInfo } from '../src/io/line-reader.js';
import { formatSettings } from '../src/core/format-setting.js';
import { isCeaReference, readCeaReference, saceCrossFile } from './sace/cross-file.js';
import { gtid } from './gtid/index.js';
import { EIS_FIXED_FORMATS } from './eis/fixed/index.js';
import { eisDelimited } from './eis/delimited/index.js';
import { targetTracker } from './target-tracker/index.js';
import { ctf } from './ctf/index.js';
import { SACE_FORMATS } from './sace/index.js';

export const FORMATS: readonly Format[] = [gtid, ...EIS_FIXED_FORMATS, eisDelimited, targetTracker, ctf, ...SACE_FORMATS];

/** Issues only a set of files shows (a SACE enrolment whose student is in no loaded file). */
function crossFileIssues(files: readonly LoadedFile[], options: CheckOptions, references: readonly InputInfo[]): CrossFileIssue[] {
  const cea = references.find((r) => isCeaReference(r.path));
  return saceCrossFile(files, options, cea ? readCeaReference(cea) : null);
}

export function formatById(id: string): Format | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** The most likely format for a file, or null when none is at least fairly sure. */
function detectFormat(sample: readonly string[], fileName: string): Format | null {
  let best: Format | null = null;
  let bestScore = 0;
  for (const format of FORMATS) {
    const score = format.detect(sample, fileName);
    if (score > bestScore) [best, bestScore] = [format, score];
  }
  return bestScore >= 0.3 ? best : null;
}

/** What the engine in src/core is given: it imports nothing from formats/. */
export const registry: FormatRegistry = {
  formats: FORMATS,
  settings: formatSettings(FORMATS),
  byId: formatById,
  detect: detectFormat,
  sample: { file: 'formats/gtid/samples/sample.txt', title: gtid.title },
  /** Files that are not checked but consulted by the others (SACE's CEA reference export). */
  isReferenceFile: isCeaReference,
  referenceFileMessage: (path) => `${path} is the CEA reference export Schools Online writes (CEARExp.dat); give it with the CEA files it serves: rollfix check CEAImp.dat CEARExp.dat`,
  crossFileIssues,
};
