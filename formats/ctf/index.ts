/** The Common Transfer File (seed 001 and ctf-reference.md): XML, one record per pupil. */
import { basename } from 'node:path';
import type { Format } from '../../src/core/format.js';
import { GENERIC_ISSUES } from '../../src/core/generic-issues.js';
import { ENGLAND_ID_ISSUES } from '../england/issues.js';
import { LA_CODES_SETTING } from '../england/la-codes.js';
import { CTF_ISSUES } from './issues.js';
import { HEADER_LAYOUT, PUPIL_LAYOUT } from './fields.js';
import { ctfFixer, ctfValidator } from './passes.js';
import { ctfRecordModel } from './record-model.js';
import { ctfName, NAME } from './rules.js';
import { splitLostPupils } from './split.js';

/** The header's schools from the first lines, without parsing (the sample may end mid-file). */
function sampleSchools(sample: readonly string[]): { source: string; destination: string } | null {
  const text = sample.join('\n');
  const school = (tag: string) => {
    const block = new RegExp(`<(?:\\w+:)?${tag}>([\\s\\S]*?)</(?:\\w+:)?${tag}>`).exec(text)?.[1] ?? '';
    const value = (name: string) => new RegExp(`<(?:\\w+:)?${name}>\\s*([^<\\s]*)\\s*<`).exec(block)?.[1] ?? '';
    return value('LEA') + value('Estab');
  };
  const source = school('SourceSchool');
  const destination = school('DestSchool');
  return /^\d{3}(\d{4}|LLLL)$/.test(source) && /^(\d{3}(\d{4}|LLLL)|XXXXXXX|MMMMMMM)$/.test(destination) ? { source, destination } : null;
}

export const ctf: Format = {
  id: 'ctf',
  title: 'Common Transfer File (CTF XML)',
  seed: '001_7dccd1df7e9452c4.txt',
  detection: 'XML whose root is CTfile (with or without the cbds namespace), or a name LLLEEEE_CTF_DDDDDDD_NNN.XML',
  detect(sample, fileName) {
    const head = sample.slice(0, 20).join('\n');
    if (/<(\w+:)?CTfile[\s>]/.test(head)) return 1;
    if (NAME.test(fileName)) return 0.9;
    return /<CTFversion>/.test(head) ? 0.6 : 0;
  },
  layouts: [HEADER_LAYOUT, PUPIL_LAYOUT],
  issueTypes: [...GENERIC_ISSUES, ...ENGLAND_ID_ISSUES, ...CTF_ISSUES],
  validator: ctfValidator,
  fixer: ctfFixer,
  records: (options, input) => ctfRecordModel(input, options),
  settings: [LA_CODES_SETTING],
  split: splitLostPupils,
  splitHelp: { summary: 'a lost-pupil CTF as one file per pupil', lines: ['a lost-pupil CTF (destination XXXXXXX) as one file per', 'pupil, numbered on from its own, beside it'] },
  outputName(input) {
    // The corrected file is a new CTF: the header's schools, and the next number when the name is already right.
    const schools = sampleSchools(input.sample);
    if (!schools) return null;
    const m = NAME.exec(basename(input.path));
    const sequence = m ? Number(m[4]) : 1;
    const right = ctfName(schools.source, schools.destination, sequence);
    return right.toLowerCase() === basename(input.path).toLowerCase() ? ctfName(schools.source, schools.destination, sequence + 1) : right;
  },
};
