/**
 * `fix --split` and the workstation's S: a file written as several (a transfer file of unknown destination as one file
 * per pupil), each part beside the input, through the safe writer, in the input's encoding and
 * line ending. One implementation, so both write the same files.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Format } from './format.js';
import type { InputInfo } from '../io/line-reader.js';
import { writeFileSafely } from '../io/safe-write.js';
import { sameFile } from '../io/output-paths.js';

export interface SplitPlan {
  parts: Array<{ name: string; lines: string[] }>;
  /** Where each part goes: beside `path`. */
  targets: string[];
  /** Targets that exist already. */
  taken: string[];
}

/** The parts of `input` (the file at `path`, or its text as edited) and where they go, or why it is not split. */
export function planSplit(format: Format, input: InputInfo, path: string): SplitPlan | string {
  const parts = format.split?.(input) ?? `${format.id} files are not split`;
  if (typeof parts === 'string') return parts;
  const targets = parts.map((p) => join(dirname(resolve(path)), p.name));
  if (targets.some((t) => sameFile(t, path))) return `a part would be named as the input ${path}; rollfix never overwrites its input`;
  return { parts, targets, taken: targets.filter((t) => existsSync(t)) };
}

export function writeSplit(plan: SplitPlan, input: Pick<InputInfo, 'eol' | 'encoding'>): void {
  plan.parts.forEach((p, i) => writeFileSafely(plan.targets[i], p.lines.join(input.eol) + input.eol, input.encoding));
}
