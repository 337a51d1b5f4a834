/**
 * A file whose columns are not in the seed's order, found from the values (seed 002's
 * walkthrough: Family Name before Given Names). Two columns are taken to be swapped when their
 * values pass each other's rules far better than their own, or, for the two name columns, when
 * the Family Name column is mostly common given names and the Given Names column is not.
 */
import type { FieldSpec } from '../../src/core/field-spec.js';
import { fieldFinding } from '../../src/core/field-checks.js';
import { givenNameShare } from './given-names.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const columnLetter = (i: number) => (i < 26 ? LETTERS[i] : `A${LETTERS[i - 26]}`);

export interface Swap {
  a: number;
  b: number;
  why: string;
}

/** Whether a value fits a field: as it is, or once its safe repair has put back what Excel took (a lost leading zero: area code 8). */
function passes(spec: FieldSpec, value: string): boolean {
  const loose = { ...spec, required: false };
  if (fieldFinding(loose, value.trim()) === null) return true;
  const proposal = spec.normalise?.(value.trim());
  return proposal?.confidence === 'safe' && fieldFinding(loose, proposal.value) === null;
}
const filled = (rows: readonly string[][], column: number) => rows.map((r) => r[column] ?? '').filter((v) => v.trim() !== '');

/** Share of the non-blank values in `column` that pass `spec`'s rules. */
function fit(spec: FieldSpec, rows: readonly string[][], column: number): number {
  const values = filled(rows, column);
  return values.length === 0 ? 1 : values.filter((v) => passes(spec, v)).length / values.length;
}

/** Typed fields only: free text fits anywhere and proves nothing. */
const TYPED = (spec: FieldSpec) => spec.kind !== 'text';

/** Share of all non-blank values of typed fields that pass their field's rules, or null when there are none. */
export function typedFit(fields: readonly FieldSpec[], rows: readonly string[][]): number | null {
  let pass = 0;
  let total = 0;
  fields.forEach((spec, i) => {
    if (!TYPED(spec)) return;
    const values = filled(rows, i);
    total += values.length;
    pass += values.filter((v) => passes(spec, v)).length;
  });
  return total === 0 ? null : pass / total;
}

export function findSwaps(fields: readonly FieldSpec[], rows: readonly string[][]): Swap[] {
  if (rows.length < 3) return [];
  const swaps: Swap[] = [];
  const used = new Set<number>();
  for (let a = 0; a < fields.length; a++) {
    for (let b = a + 1; b < fields.length; b++) {
      if (used.has(a) || used.has(b) || !TYPED(fields[a]) || !TYPED(fields[b])) continue;
      const own = (fit(fields[a], rows, a) + fit(fields[b], rows, b)) / 2;
      const swapped = (fit(fields[a], rows, b) + fit(fields[b], rows, a)) / 2;
      if (own <= 0.5 && swapped >= 0.9) {
        swaps.push({ a, b, why: `the values of ${fields[a].name} fit ${fields[b].name} and the other way round` });
        used.add(a).add(b);
      }
    }
  }
  const given = fields.findIndex((f) => f.name === 'Given Names');
  const family = fields.findIndex((f) => f.name === 'Family Name');
  if (given >= 0 && family >= 0 && !used.has(given) && !used.has(family)) {
    const column = (i: number) => rows.map((r) => r[i] ?? '');
    const inGiven = givenNameShare(column(given));
    const inFamily = givenNameShare(column(family));
    if (inFamily >= 0.6 && inGiven <= 0.2) swaps.push({ a: Math.min(given, family), b: Math.max(given, family), why: `${Math.round(inFamily * 100)}% of column ${columnLetter(family)}, where Family Name belongs, are common given names, against ${Math.round(inGiven * 100)}% of column ${columnLetter(given)}` });
  }
  return swaps;
}

/** Column order after the swaps: order[i] is the column read into field i. */
export function orderOf(width: number, swaps: readonly Swap[]): number[] {
  const order = Array.from({ length: width }, (_, i) => i);
  for (const { a, b } of swaps) [order[a], order[b]] = [order[b], order[a]];
  return order;
}
