/**
 * The workstation on several files (`rollfix FILE...` or a folder): the files in import order
 * with their status, the one chosen, and which of them the clerk has written since (the set is
 * then checked with the written file in place of the one it replaces). Pure: the screen draws it.
 */
import type { FileSetResult } from '../core/file-set.js';
import type { Report } from '../core/engine.js';
import { modeKey, type KeyPress } from './key-map.js';
import { outcomeOf } from '../core/outcome.js';

export interface FileRow {
  path: string;
  /** Null when the file could not be checked. */
  report: Report | null;
  problem: string | null;
  status: 'rejected' | 'flagged' | 'clean' | 'unreadable';
  flagged: number;
  /** Issues across files that are on this file. */
  across: number;
}

export interface FileSetState {
  /** The paths the set is checked with now (a written file replaces its input). */
  paths: string[];
  rows: FileRow[];
  set: FileSetResult | null;
  selected: number;
}

function fileRows(set: FileSetResult): FileRow[] {
  const across = (path: string) => set.across.filter((i) => i.file === path).length;
  return [
    ...set.reports.map((report): FileRow => ({
      path: report.file, report, problem: null, flagged: report.flaggedRecords, across: across(report.file),
      status: outcomeOf(report),
    })),
    ...set.failures.map((f): FileRow => ({ path: f.path, report: null, problem: f.message, status: 'unreadable', flagged: 0, across: 0 })),
  ];
}

export function initialFileSet(paths: string[]): FileSetState {
  return { paths, rows: [], set: null, selected: 0 };
}

export function checked(state: FileSetState, set: FileSetResult): FileSetState {
  const rows = fileRows(set);
  const keep = rows.findIndex((r) => r.path === state.rows[state.selected]?.path);
  return { ...state, set, rows, selected: keep >= 0 ? keep : Math.min(state.selected, Math.max(0, rows.length - 1)) };
}

export function move(state: FileSetState, delta: number): FileSetState {
  return { ...state, selected: Math.max(0, Math.min(state.rows.length - 1, state.selected + delta)) };
}

export type FileSetKey = 'up' | 'down' | 'open' | 'quit' | 'help' | 'close-help';

const FILE_SET_KEYS: Partial<Record<string, FileSetKey>> = {
  'file-set.up': 'up', 'file-set.down': 'down', 'file-set.open': 'open', 'app.quit': 'quit', 'app.help': 'help', 'help.close': 'close-help',
};

/** The list's keys, from its binding table (mode-keys.ts), or why a key does nothing. */
export function fileSetKey(input: string, key: KeyPress): FileSetKey | { reason: string } | null {
  const found = modeKey('file-set', input, key);
  if (!found) return null;
  return 'reason' in found ? found : FILE_SET_KEYS[found.command] ?? null;
}

/** The file Enter opens: one that could be checked. */
export function openable(state: FileSetState): string | null {
  const row = state.rows[state.selected];
  return row?.report ? row.path : null;
}

/** After the clerk wrote `output` from `input`: the set goes on with the written file. */
export function replaced(state: FileSetState, input: string, output: string): FileSetState {
  return { ...state, paths: state.paths.map((p) => (p === input ? output : p)) };
}
