/**
 * Duplicates within one file: the same record twice, and two different records sharing a Local
 * Student ID, an SSN or a GTID. Keys are compared as the receiving system would after our safe
 * repairs (SSN digits only, IDs trimmed), so "123-45-6789" and "123456789" are the same SSN.
 * Both records of a pair are flagged: the later one at once, the earlier one (which has already
 * gone by) through `backflags`, once per key.
 */
import type { Issue } from '../../src/core/issue.js';
import { KeyIndex } from '../../src/core/key-index.js';
import { DETAIL, F } from './spec.js';

interface KeyRule {
  index: number;
  code: string;
  what: string;
  key: (value: string) => string;
  seen: KeyIndex;
}

const trimmed = (v: string) => v.trim();
const digits = (v: string) => v.replace(/\D/g, '');

export class DuplicateFinder {
  private records = new KeyIndex();
  private keys: KeyRule[] = [
    { index: F.localId, code: 'gtid/duplicate-local-id', what: 'Local Student ID', key: trimmed, seen: new KeyIndex() },
    { index: F.ssn, code: 'gtid/duplicate-ssn', what: 'SSN', key: digits, seen: new KeyIndex() },
    { index: F.gtid, code: 'gtid/duplicate-gtid', what: 'GTID', key: trimmed, seen: new KeyIndex() },
  ];
  /** Issues for earlier records, found when their duplicate arrived. */
  readonly backflags: Issue[] = [];

  check(text: string, fields: readonly string[], line: number, out: Issue[]): void {
    const same = this.records.firstLine(text, line);
    if (same !== 0) {
      out.push({ code: 'gtid/duplicate-record', severity: 'error', scope: 'record', line, field: null, message: `This record repeats line ${Math.abs(same)} exactly`, repair: { confidence: 'safe', reason: 'delete the repeated copy', action: 'delete-record' } });
      return;
    }
    for (const rule of this.keys) {
      const key = rule.key(fields[rule.index]);
      if (key === '') continue;
      const first = rule.seen.firstLine(key, line);
      if (first === 0) continue;
      const name = DETAIL.fields[rule.index].name;
      const shown = rule.index === F.ssn ? '' : ` ${key}`;
      out.push({ code: rule.code, severity: 'error', scope: 'field', line, field: name, message: `${rule.what}${shown} is also on line ${Math.abs(first)}`, repair: null });
      if (first > 0) {
        rule.seen.markReported(key);
        this.backflags.push({ code: rule.code, severity: 'error', scope: 'field', line: first, field: name, message: `${rule.what}${shown} is also on line ${line}`, repair: null });
      }
    }
  }
}
