/**
 * The formats rollfix knows, as src/core sees them. core never imports formats/: whoever calls
 * the engine (src/cli, src/session, tests, bench) passes the one registry formats/registry.ts
 * builds, so the layers stay one way (io → formats + core → session → screens).
 */
import type { CheckOptions, Format } from './format.js';
import type { FormatSetting } from './format-setting.js';
import type { Issue } from './issue.js';
import type { InputInfo } from '../io/line-reader.js';

/** A file of a set, as checked on its own, handed to the checks that only the set can make. */
export interface LoadedFile {
  path: string;
  formatId: string;
  input: InputInfo;
}

/** An issue found across files: in `file` at `line`, about a record in `other` when there is one. */
export interface CrossFileIssue extends Issue {
  file: string;
  other?: { file: string; line: number };
}

export interface FormatRegistry {
  /** Every format, in the order `rollfix formats` lists them. */
  readonly formats: readonly Format[];
  /** The formats' own settings and flags, each once (formatSettings of the formats). */
  readonly settings: readonly FormatSetting[];
  byId(id: string): Format | undefined;
  /** The most likely format for a file, or null when none is at least fairly sure. */
  detect(sample: readonly string[], fileName: string): Format | null;
  /**
   * The sample opened when no file is given (its path from the package's root: code bundled into
   * dist/chunks cannot find it from its own URL), and the title of its format.
   */
  readonly sample: { file: string; title: string };
  /** Files that are not checked but consulted by the others (a reference export). */
  isReferenceFile(path: string): boolean;
  /** Why a reference file is not checked on its own, and how to give it (said when it is). */
  referenceFileMessage(path: string): string;
  /** Issues only a set of files shows (a record that refers to one in no loaded file). */
  crossFileIssues(files: readonly LoadedFile[], options: CheckOptions, references: readonly InputInfo[]): CrossFileIssue[];
}
