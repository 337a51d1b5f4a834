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
  fileIssues(stats: ReadStats, seen: { records: number; first: RecordLayout | null; header: readonly string[] | null }): Issue[];
  /** File-wide changes the fixer makes by writing (CR LF line endings), for the change report. */
  fileChanges?(stats: ReadStats): Change[];
  /** What a repaired line's rewrite is called in the change report. */
  rewriteChange?(text: string, written: string): { before: string; after: string };
  facts: Record<string, string>;
}

function blankLine(line: number): Issue {
  return { code: 'file/blank-line', severity: 'warning', scope: 'record', line, field: null, message: 'Blank line between records', repair: { confidence: 'safe', reason: 'remove the blank line', action: 'delete-record' } };
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
  let details = 0;
  let flagged = 0;
  return {
    line(text, line) {
      if (text.trim() === '') return void issues.push(blankLine(line));
      const parsed = passes.model.parse(text, line);
      if (!parsed) return;
      tally.see(parsed.layout, parsed.fields);
      const own = [...(passes.lineIssues?.(text, line, parsed.layout, parsed.fields) ?? []), ...passes.model.check(parsed.layout, parsed.fields, line, tally.file())];
      issues.push(...own);
      if (passes.isDetail(parsed.layout)) {
        details++;
        if (own.some(flagging)) flagged++;
      }
    },
    finish(stats): ValidationResult {
      const file = passes.fileIssues(stats, { records: tally.records, first: tally.first, header: tally.header });
      return { issues: [...file, ...issues], records: tally.records, detailRecords: details, flaggedRecords: flagged, facts: passes.facts };
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
      if (repaired.changes.length === 0 && !rewrite) return [text];
      const written = passes.model.serialise(parsed.layout, repaired.fields, text);
      changes.push(...repaired.changes);
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
