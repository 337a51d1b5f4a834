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

const trimmed = (v: string) => (v.charCodeAt(0) === 32 || v.charCodeAt(v.length - 1) === 32 ? v.trim() : v);
const NINE_DIGITS = /^\d{9}$/;
const digits = (v: string) => (v.length === 9 && NINE_DIGITS.test(v) ? v : v.replace(/\D/g, ''));

export class DuplicateFinder {
  private keys: KeyRule[];
  /** Issues for earlier records, found when their duplicate arrived. */
  readonly backflags: Issue[] = [];

  /** `expected`: about how many records the file has, to size the indexes once. */
  constructor(expected: number) {
    this.keys = [
      { index: F.localId, code: 'gtid/duplicate-local-id', what: 'Local Student ID', key: trimmed, seen: new KeyIndex(expected) },
      { index: F.ssn, code: 'gtid/duplicate-ssn', what: 'SSN', key: digits, seen: new KeyIndex(expected / 2) },
      { index: F.gtid, code: 'gtid/duplicate-gtid', what: 'GTID', key: trimmed, seen: new KeyIndex(expected / 2) },
    ];
  }

  /**
   * `lineHash` identifies the whole line. An exact repeat must share the Local Student ID, so the
   * line hash is kept as the payload of the Local Student ID index instead of in an index of its
   * own: a repeat is a Local Student ID match whose line hash matches too.
   */
  check(lineHash: number, fields: readonly string[], line: number, out: Issue[]): void {
    for (const rule of this.keys) {
      const key = rule.key(fields[rule.index]);
      if (key === '' || (rule.index === F.ssn && key.length !== 9)) continue;
      const first = rule.seen.firstLine(key, line, lineHash);
      if (first === 0) continue;
      if (rule.index === F.localId && rule.seen.matchedPayload === lineHash) {
        out.push({ code: 'gtid/duplicate-record', severity: 'error', scope: 'record', line, field: null, message: `This record repeats line ${Math.abs(first)} exactly`, repair: { confidence: 'safe', reason: 'delete the repeated copy', action: 'delete-record' } });
        return;
      }
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
