/**
 * Duplicates within one file: the same record twice, and two different records sharing a Local
 * Student ID, an SSN or a GTID. Keys are compared as the receiving system would after our safe
 * repairs (SSN digits only, IDs trimmed), so "123-45-6789" and "123456789" are the same SSN.
 *
 * Keys are logged as the records stream by and resolved at the end (see FingerprintLog). A
 * line key rides along with the Local Student ID (where the record starts in the file, or its
 * hash: see the validator): an exact repeat must share that ID, so a repeat is a Local Student
 * ID match whose line is the same as the first record's, told by `sameLine`. An exact repeat
 * is only `gtid/duplicate-record` (its SSN and GTID are not counted again); other
 * records sharing a key are flagged, and so is the first record with that key, once.
 */
import type { Issue } from '../../src/core/issue.js';
import { duplicates, FingerprintLog, linesWithKey, type FingerprintData } from '../../src/core/fingerprint-log.js';
import { DETAIL, F } from './spec.js';

interface KeyRule {
  index: number;
  code: string;
  what: string;
  key: (value: string) => string;
}

const trimmed = (v: string) => (v.charCodeAt(0) === 32 || v.charCodeAt(v.length - 1) === 32 ? v.trim() : v);
const NINE_DIGITS = /^\d{9}$/;
const digits = (v: string) => (v.length === 0 || (v.length === 9 && NINE_DIGITS.test(v)) ? v : v.replace(/\D/g, ''));

const fieldIssue = (code: string, line: number, field: string, message: string): Issue => ({ code, severity: 'error', scope: 'field', line, field, message, repair: null });

const RULES: KeyRule[] = [
  { index: F.localId, code: 'gtid/duplicate-local-id', what: 'Local Student ID', key: trimmed },
  { index: F.ssn, code: 'gtid/duplicate-ssn', what: 'SSN', key: digits },
  { index: F.gtid, code: 'gtid/duplicate-gtid', what: 'GTID', key: trimmed },
];

type KeyBlocks = Array<{ keys: FingerprintData[]; lineOffset: number }>;

/**
 * The keys compared across records, for the workstation: each finds, in the whole check's
 * sorted logs, the lines that held a value (see RecordModel.sharedKeys).
 */
export const SHARED_KEYS = RULES.map((rule, r) => ({
  field: DETAIL.fields[rule.index].name,
  code: rule.code,
  what: rule.what,
  normalise: rule.key,
  linesWith: (keys: unknown, value: string) => {
    const key = rule.key(value);
    if (key === '' || (rule.index === F.ssn && key.length !== 9) || !keys) return [];
    return linesWithKey((keys as KeyBlocks).map((p) => ({ data: p.keys[r], lineOffset: p.lineOffset })), key);
  },
}));

export class DuplicateFinder {
  private logs: FingerprintLog[];

  /** `expected`: about how many records this part has, to size the logs once. */
  constructor(expected: number) {
    this.logs = [new FingerprintLog(expected), new FingerprintLog(expected / 2), new FingerprintLog(expected / 2)];
  }

  /** The logged keys of each rule, sorted: what a part of the file hands to `issues`. */
  data(): FingerprintData[] {
    return this.logs.map((log) => log.sortedData());
  }

  /**
   * Logs the keys of one complete detail record; `lineKey` tells an exact repeat (see mergeParts).
   * `clean`: the record matched the clean-record pattern, so its keys are already as compared
   * (IDs without surrounding spaces, an SSN of 9 digits or none).
   */
  add(lineKey: number, fields: readonly string[], line: number, clean = false): void {
    for (let r = 0; r < RULES.length; r++) {
      const rule = RULES[r];
      const key = clean ? fields[rule.index] : rule.key(fields[rule.index]);
      if (key === '' || (rule.index === F.ssn && key.length !== 9)) continue;
      this.logs[r].add(key, line, lineKey);
    }
  }

  /**
   * The duplicate issues of the whole file, from the sorted keys of its parts in file order,
   * each with the number of lines before it.
   */
  static issues(parts: Array<{ keys: FingerprintData[]; lineOffset: number }>, sameLine: (a: number, b: number) => boolean): Issue[] {
    const out: Issue[] = [];
    const repeats = new Set<number>();
    RULES.forEach((rule, r) => {
      const name = DETAIL.fields[rule.index].name;
      const flag = (line: number, other: number) => out.push(fieldIssue(rule.code, line, name, `This ${rule.what} is also on line ${other}`));
      for (const group of duplicates(parts.map((p) => ({ data: p.keys[r], lineOffset: p.lineOffset })))) {
        const [first, firstKey] = group[0];
        if (repeats.has(first)) continue;
        let reported = false;
        for (const [line, key] of group.slice(1)) {
          if (repeats.has(line)) continue;
          if (rule.index === F.localId && sameLine(key, firstKey)) {
            repeats.add(line);
            out.push({ code: 'gtid/duplicate-record', severity: 'error', scope: 'record', line, field: null, message: `This record repeats line ${first} exactly`, repair: { confidence: 'safe', reason: 'delete the repeated copy', action: 'delete-record' } });
            continue;
          }
          flag(line, first);
          if (!reported) flag(first, line);
          reported = true;
        }
      }
    });
    return out;
  }
}
