/**
 * Which line of a repaired file comes from which line of the file before: the repairs keep the
 * order of lines and change few of them (a value in a line, a line removed, a trailer recomputed,
 * an XML element added), so the two are walked together and, where they part, the nearest place
 * where they agree again for a few lines on end is looked for. Only how the edits are cut up
 * depends on this: the file they make is compared with the repaired one before it is offered.
 */

/** For each line before: the index of the line after it comes from, or -1 when it is gone. */
export interface Alignment {
  from: Int32Array;
}

/** How far apart the two may drift before a stretch is taken as changed line for line. */
const WINDOW = 64;
/** Lines that must agree on end for a place to count as where the files meet again. */
const AGREE = 3;

function agreeAt(before: readonly string[], after: readonly string[], i: number, j: number): boolean {
  for (let k = 0; k < AGREE; k++) {
    const a = i + k;
    const b = j + k;
    if (a >= before.length || b >= after.length) return a >= before.length && b >= after.length;
    if (before[a] !== after[b]) return false;
  }
  return true;
}

/** The nearest (skipBefore, skipAfter) from (i, j) where the files agree again, changed lines taken line for line first. */
function resync(before: readonly string[], after: readonly string[], i: number, j: number): [number, number] | null {
  for (let total = 1; total <= 2 * WINDOW; total++) {
    // A line changed in place (equal skips) is likelier than lines gone or added.
    const order: number[] = [];
    const half = total / 2;
    for (let d = 0; d <= total; d++) order.push(d);
    order.sort((x, y) => Math.abs(x - half) - Math.abs(y - half));
    for (const di of order) {
      const dj = total - di;
      if (di > WINDOW || dj > WINDOW) continue;
      if (agreeAt(before, after, i + di, j + dj)) return [di, dj];
    }
  }
  return null;
}

export function alignLines(before: readonly string[], after: readonly string[]): Alignment {
  const from = new Int32Array(before.length).fill(-1);
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    if (before[i] === after[j]) {
      from[i++] = j++;
      continue;
    }
    const meet = resync(before, after, i, j);
    const [di, dj] = meet ?? [1, 1];
    // The lines of the stretch paired in order; the longer side's rest is gone (or added).
    for (let k = 0; k < Math.min(di, dj); k++) from[i + k] = j + k;
    i += di;
    j += dj;
  }
  return { from };
}
