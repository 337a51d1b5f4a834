/**
 * A Validator and a Fixer built from a format's RecordModel, for formats whose records are
 * checked one at a time (the per-record rules live once, in the model, and the workstation uses
 * the same ones). The format adds what only the raw line shows (`lineIssues`, e.g. a
 * fixed-length record's length) and what only the whole file shows (`fileIssues`).
 */
import type { Change, Fixer, LiveFile, RecordLayout, RecordModel, ValidationResult, Validator } from './format.js';
import type { Issue } from './issue.js';
import type { ReadStats } from '../io/line-reader.js';
import { applySafeRepairs } from './repair-engine.js';

export interface RecordPasses {
  model: RecordModel;
  /** Records that carry the data (students, staff); the others are headers. */
  isDetail(layout: RecordLayout): boolean;
  /** Issues of the raw line the model's field check cannot see; their codes are the model's rewriteCodes. */
  lineIssues?(text: string, line: number, layout: RecordLayout, fields: readonly string[]): Issue[];
  /** File-wide issues once every line is read; `first` is the first record's layout, if any. */
  fileIssues(stats: ReadStats, seen: { records: number; first: RecordLayout | null; header: readonly string[] | null; issues: readonly Issue[] }): Issue[];
  /** File-wide changes the fixer makes by writing (CR LF line endings), for the change report. */
  fileChanges?(stats: ReadStats): Change[];
  /** What a repaired line's rewrite is called in the change report. */
  rewriteChange?(text: string, written: string): { before: string; after: string };
  facts: Record<string, string>;
  /** Values no two records may share (a pupil number; a pupil's name and birth date), compared in memory. */
  duplicates?: ReadonlyArray<DuplicateRule>;
  /** Write every record again in the layout (the columns renamed and reordered). */
  rewriteAll?: boolean;
}

export interface DuplicateRule {
  code: string;
  /** The field the issue is about, or null for the whole record. */
  field: string | null;
  /** What is shared, in a clerk's words: "pupil number", "pupil (surname, forename, date of birth)". */
  what: string;
  /** The compared value, or null when the record has none. */
  key(layout: RecordLayout, fields: readonly string[]): string | null;
}

/** Flags the second and later records with a shared key, and the first once. */
class DuplicateFinder {
  private seen: Array<Map<string, { line: number; flagged: boolean }>>;
  constructor(private rules: readonly DuplicateRule[]) {
    this.seen = rules.map(() => new Map());
  }
  see(layout: RecordLayout, fields: readonly string[], line: number): Issue[] {
    const out: Issue[] = [];
    this.rules.forEach((rule, r) => {
      const key = rule.key(layout, fields);
      if (!key) return;
      const first = this.seen[r].get(key);
      if (!first) return void this.seen[r].set(key, { line, flagged: false });
      const issue = (at: number, other: number): Issue => ({ code: rule.code, severity: 'error', scope: rule.field ? 'field' : 'record', line: at, field: rule.field, message: `The same ${rule.what} as line ${other}`, repair: null });
      if (!first.flagged) {
        first.flagged = true;
        out.push(issue(first.line, line));
      }
      out.push(issue(line, first.line));
    });
    return out;
  }
}

/** One issue for a run of blank lines, however long: a million of them is one warning, not a million. */
export function blankRunIssue(first: number, last: number): Issue {
  const count = last - first + 1;
  return {
    code: 'file/blank-line', severity: 'warning', scope: 'record', line: first, field: null,
    message: count === 1 ? 'Blank line between records' : `${count} blank lines (lines ${first} to ${last})`,
    repair: { confidence: 'safe', reason: count === 1 ? 'remove the blank line' : `remove the ${count} blank lines (rollfix fix --auto)`, action: 'delete-record' },
  };
}

const flagging = (i: Issue) => i.severity !== 'warning';

class Tally {
  records = 0;
  first: RecordLayout | null = null;
  header: string[] | null = null;
  file(): LiveFile {
    return { records: this.records, flagged: 0, appended: false, header: this.header };
  }
  see(layout: RecordLayout, fields: readonly string[]): void {
    if (this.records++ === 0) {
      this.first = layout;
      if (layout.kind === 'header') this.header = [...fields];
    }
  }
}

export function recordValidator(passes: RecordPasses): Validator {
  const tally = new Tally();
  const issues: Issue[] = [];
  const duplicates = new DuplicateFinder(passes.duplicates ?? []);
  /** Detail records with an error or a rejection (a first record may join when its duplicate comes). */
  const flagged = new Set<number>();
  let details = 0;
  /** The blank lines being read: [first, last], or null. */
  let blank: [number, number] | null = null;
  const endBlankRun = () => {
    if (blank) issues.push(blankRunIssue(blank[0], blank[1]));
    blank = null;
  };
  return {
    line(text, line) {
      if (text.trim() === '') {
        if (blank && blank[1] === line - 1) blank[1] = line;
        else {
          endBlankRun();
          blank = [line, line];
        }
        return;
      }
      endBlankRun();
      const parsed = passes.model.parse(text, line);
      if (!parsed) return;
      tally.see(parsed.layout, parsed.fields);
      const own = [...(passes.lineIssues?.(text, line, parsed.layout, parsed.fields) ?? []), ...passes.model.check(parsed.layout, parsed.fields, line, tally.file())];
      if (passes.isDetail(parsed.layout)) {
        details++;
        own.push(...duplicates.see(parsed.layout, parsed.fields, line));
        for (const issue of own) if (flagging(issue)) flagged.add(issue.line!);
      }
      issues.push(...own);
    },
    finish(stats): ValidationResult {
      endBlankRun();
      const file = passes.fileIssues(stats, { records: tally.records, first: tally.first, header: tally.header, issues });
      // A first record's duplicate issue was found at its repeat: put every issue in line order.
      const byLine = issues.map((issue, i) => [issue, i] as const).sort(([a, i], [b, j]) => (a.line ?? 0) - (b.line ?? 0) || i - j).map(([issue]) => issue);
      return { issues: [...file, ...byLine], records: tally.records, detailRecords: details, flaggedRecords: flagged.size, facts: passes.facts };
    },
  };
}

export function recordFixer(passes: RecordPasses): Fixer {
  const tally = new Tally();
  const changes: Change[] = [];
  return {
    changes,
    line(text, line) {
      if (text.trim() === '') {
        changes.push({ line, field: '', before: '(blank line)', after: '(removed)', code: 'file/blank-line' });
        return [];
      }
      const parsed = passes.model.parse(text, line);
      if (!parsed) return [text];
      const layoutIssues = passes.lineIssues?.(text, line, parsed.layout, parsed.fields) ?? [];
      // A record whose layout in the file needs a person (a record cut short inside its data) is
      // left as read: writing it again would hide that something is missing.
      if (layoutIssues.some((i) => i.repair?.confidence !== 'safe')) {
        tally.see(parsed.layout, parsed.fields);
        return [text];
      }
      const check = (fields: readonly string[]) => passes.model.check(parsed.layout, fields, line, tally.file());
      const repaired = applySafeRepairs(parsed.layout, parsed.fields, line, check);
      tally.see(parsed.layout, repaired.fields);
      if (repaired.deleted) {
        changes.push(...repaired.changes);
        return [];
      }
      const rewrite = layoutIssues.find((i) => i.repair?.action === 'rewrite-record');
      if (repaired.changes.length === 0 && !rewrite && !passes.rewriteAll) return [text];
      const written = passes.model.serialise(parsed.layout, repaired.fields, text);
      changes.push(...repaired.changes);
      // (Rewriting every record, as for reordered columns, is one file-wide change: fileChanges.)
      if (rewrite && written !== text) {
        const { before, after } = passes.rewriteChange?.(text, written) ?? { before: '(record as read)', after: '(record written again)' };
        changes.push({ line, field: '', before, after, code: rewrite.code });
      }
      return [written];
    },
    finish(stats) {
      changes.push(...(passes.fileChanges?.(stats) ?? []));
      return [];
    },
  };
}
