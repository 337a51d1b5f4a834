/**
 * The workstation on several files (`rollfix FILE...` or a folder): the files in import order
 * with their status, the one chosen, and which of them the clerk has written since (the set is
 * then checked with the written file in place of the one it replaces). Pure: the screen draws it.
 */
import type { FileSetResult } from '../core/file-set.js';
import type { Report } from '../core/engine.js';
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

export type FileSetKey = 'up' | 'down' | 'open' | 'quit';

/** The list's keys, as data like the workstation's: arrows or j/k, Enter, q or Ctrl-C. */
export function fileSetKey(input: string, key: { upArrow?: boolean; downArrow?: boolean; return?: boolean; ctrl?: boolean }): FileSetKey | null {
  if (key.upArrow || input === 'k') return 'up';
  if (key.downArrow || input === 'j') return 'down';
  if (key.return) return 'open';
  if (input === 'q' || (key.ctrl && input === 'c')) return 'quit';
  return null;
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
