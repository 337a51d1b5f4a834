/**
 * A first row of field names, which Schools Online would read as a record (it reads by position
 * and names no heading row): recognised, and flagged with the repair of dropping it.
 */
import type { Issue } from '../../src/core/issue.js';
import type { SaceFile } from './layouts.js';

export const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Whether a first row holds the field names (at least half of them, in any case or spacing). */
export function isNamesRow(file: SaceFile, cells: readonly string[]): boolean {
  const names = new Set(file.fields.map((f) => squash(f.name)));
  return cells.filter((c) => names.has(squash(c))).length >= Math.min(cells.length, file.fields.length) / 2;
}


/** How well a first row names this file's fields: the share of names in common, of both lists (1: the very names). */
export function namesScore(file: SaceFile, cells: readonly string[]): number {
  const names = new Set(file.fields.map((f) => squash(f.name)));
  const row = new Set(cells.map(squash).filter(Boolean));
  const common = [...row].filter((c) => names.has(c)).length;
  return common / (names.size + row.size - common);
}

export function namesRowIssue(file: SaceFile, line: number): Issue {
  return { code: 'sace/names-row', severity: 'error', scope: 'record', line, field: null, message: `Row ${line} holds the field names: Schools Online reads every row of ${file.edsas} as a record, so this one would be imported as data (and fail)`, repair: { confidence: 'safe', reason: 'drop the row of field names', action: 'delete-record' } };
}
