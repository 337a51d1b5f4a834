/**
 * CTF checks (ctf-reference.md and seed 001): the header's and each pupil's fields, the file
 * name convention against the header, and the lost-pupil rule.
 */
import { issueAt, type Issue } from '../../src/core/issue.js';
import type { RecordLayout } from '../../src/core/format.js';
import { dateExists } from '../../src/core/dates.js';
import { ulnIssue, upnIssue } from '../england/upn.js';

const set = (field: string, value: string, reason: string, confidence: 'safe' | 'review' = 'safe'): Issue['repair'] => ({ confidence, reason, values: { [field]: value } });

export type Values = (path: string) => string;

export function valuesOf(layout: RecordLayout, fields: readonly string[]): Values {
  return (path) => (fields[layout.fields.findIndex((f) => f.name === path)] ?? '').trim();
}

/** The major version of a `NN.0` CTFversion, or null. */
export function versionMajor(version: string): number | null {
  const m = /^(\d{1,2})\.0$/.exec(version.trim());
  return m ? Number(m[1]) : null;
}

export function checkHeader(v: Values, line: number): Issue[] {
  const out: Issue[] = [];
  const name = v('DocumentName');
  if (name !== 'Common Transfer File') {
    const fixable = name.replace(/\s+/g, ' ').toLowerCase() === 'common transfer file';
    out.push(issueAt('ctf/document-name', 'reject', line, 'DocumentName', `DocumentName is "${name}", not "Common Transfer File"`, fixable ? set('DocumentName', 'Common Transfer File', 'written exactly as the CTF specification has it') : null));
  }
  const version = v('CTFversion');
  if (versionMajor(version) === null) out.push(issueAt('ctf/version', 'reject', line, 'CTFversion', `CTFversion "${version}" is not a known CTF layout (NN.0, e.g. 25.0)`));
  const dateTime = v('DateTime');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(dateTime)) out.push(issueAt('field/format', 'error', line, 'DateTime', `DateTime "${dateTime}" must be YYYY-MM-DDTHH:MM:SS, without a time zone`));
  const qualifier = v('DocumentQualifier');
  if (qualifier !== 'full' && qualifier !== 'partial') {
    const lower = qualifier.toLowerCase();
    out.push(issueAt('field/code', 'error', line, 'DocumentQualifier', `DocumentQualifier "${qualifier}" is not full or partial`, lower === 'full' || lower === 'partial' ? set('DocumentQualifier', lower, 'written in lower case') : null));
  }
  for (const school of ['SourceSchool', 'DestSchool']) {
    const lea = v(`${school}/LEA`);
    const estab = v(`${school}/Estab`);
    const urn = v(`${school}/URN`);
    if (!/^(\d{3}|XXX)$/.test(lea)) out.push(issueAt('field/format', 'error', line, `${school}/LEA`, `${school} LEA "${lea}" must be 3 digits (or XXX when unknown)`));
    if (!/^(\d{4}|XXXX|LLLL)$/.test(estab)) out.push(issueAt('field/format', 'error', line, `${school}/Estab`, `${school} Estab "${estab}" must be 4 digits (or XXXX when unknown, LLLL for the local authority)`));
    if (urn && !/^(\d{6}|XXXXXX)$/.test(urn)) out.push(issueAt('field/format', 'warning', line, `${school}/URN`, `${school} URN "${urn}" is not 6 digits`));
  }
  const year = v('SourceSchool/AcademicYear');
  const major = versionMajor(version);
  if (!/^\d{4}$/.test(year)) out.push(issueAt('field/format', 'error', line, 'SourceSchool/AcademicYear', `AcademicYear "${year}" must be the four-digit year the academic year starts`));
  else if (major !== null && Number(year) % 100 !== major) {
    out.push(issueAt('ctf/version-year', 'warning', line, 'CTFversion', `CTFversion ${version} is not the version for academic year ${year} (DfE's writers use ${String(Number(year) % 100).padStart(2, '0')}.0)`));
  }
  return out;
}

/** A date of birth written another way, as YYYY-MM-DD: `review` when day and month could swap. */
function isoDate(value: string): Issue['repair'] {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!m) return null;
  const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const iso = (month: number, day: number) => `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (dateExists(y, b, a)) return set('DOB', iso(b, a), a <= 12 && a !== b ? 'read day first, as English dates are: check it' : 'written YYYY-MM-DD', a <= 12 && a !== b ? 'review' : 'safe');
  if (dateExists(y, a, b)) return set('DOB', iso(a, b), 'read month first: check it', 'review');
  return null;
}

export function checkPupil(v: Values, line: number, version: number | null, usesGender: boolean, las?: ReadonlySet<string>): Issue[] {
  const out: Issue[] = [];
  for (const path of ['UPN', 'Surname', 'Forename', 'DOB', 'Sex']) {
    if (!v(path)) out.push(issueAt('field/required', 'error', line, path, path === 'UPN' ? 'UPN is required (census error 1500)' : `${path} is required for the import`));
  }
  for (const path of ['UPN', 'BasicDetails/FormerUPN']) {
    const found = upnIssue(v(path), line, path, las);
    if (found) out.push(found);
  }
  const uln = ulnIssue(v('UniqueLearnerNumber'), line);
  if (uln) out.push(uln);
  const dob = v('DOB');
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dob);
  if (dob && (!parts || !dateExists(Number(parts[1]), Number(parts[2]), Number(parts[3])))) {
    out.push(issueAt('field/date', 'error', line, 'DOB', parts ? `DOB ${dob} is not a date that exists` : `DOB "${dob}" must be YYYY-MM-DD`, parts ? null : isoDate(dob)));
  }
  const sex = v('Sex');
  if (sex && sex !== 'M' && sex !== 'F') {
    const mapped = ({ MALE: 'M', FEMALE: 'F', M: 'M', F: 'F' } as Record<string, string>)[sex.toUpperCase()];
    out.push(issueAt('field/code', 'error', line, 'Sex', `Sex "${sex}" is not M or F`, mapped ? set('Sex', mapped, `"${sex}" is ${mapped}`) : null));
  }
  if (usesGender && version !== null && version >= 25) out.push(issueAt('ctf/gender-element', 'warning', line, 'Sex', `The pupil's sex is in a Gender element; CTF ${version}.0 calls it Sex`));
  return out;
}

export const NAME = /^(\d{3})(\d{4}|LLLL)_CTF_(\d{3}(?:\d{4}|LLLL)|XXXXXXX|MMMMMMM)_(\d{3})\.xml$/i;

/** The name the file should have, from its header: sender, destination and `sequence`. */
export function ctfName(source: string, destination: string, sequence: number): string {
  return `${source}_CTF_${destination}_${String(sequence).padStart(3, '0')}.XML`;
}

export interface NameFacts {
  fileName: string;
  source: string | null;
  destination: string | null;
  pupils: number;
}

/** The file name convention of seed 001 and the lost-pupil rule, as file-wide issues. */
export function checkName({ fileName, source, destination, pupils }: NameFacts): Issue[] {
  const out: Issue[] = [];
  const m = NAME.exec(fileName);
  const sequence = m ? Number(m[4]) : 1;
  const right = source && destination ? ctfName(source, destination, sequence) : null;
  const rename = right ? { confidence: 'safe' as const, reason: `write it as ${right}` } : null;
  if (!m) out.push(issueAt('ctf/file-name', 'error', null, null, `"${fileName}" is not a CTF name (sender LLLEEEE, _CTF_, destination LLLEEEE, XXXXXXX or MMMMMMM, _NNN.XML)`, rename));
  else if (right && (m[1] + m[2]).toUpperCase() !== source!.toUpperCase()) out.push(issueAt('ctf/file-name', 'error', null, null, `The name says the sender is ${m[1]}${m[2]}; the header's SourceSchool is ${source}`, rename));
  else if (right && m[3].toUpperCase() !== destination!.toUpperCase() && !/^(XXXXXXX|MMMMMMM)$/i.test(m[3])) out.push(issueAt('ctf/file-name', 'error', null, null, `The name says the destination is ${m[3]}; the header's DestSchool is ${destination}`, rename));
  const lost = (m?.[3] ?? destination ?? '').toUpperCase() === 'XXXXXXX';
  if (lost && pupils > 1) {
    out.push(issueAt('ctf/lost-pupil-count', 'reject', null, null, `A lost-pupil file (destination XXXXXXX) holds ${pupils} pupils; it may hold only one`, { confidence: 'review', action: 'split-file', reason: `split it into ${pupils} files, one pupil each, numbered on after ${String(sequence).padStart(3, '0')} (rollfix fix --split)` }));
  }
  return out;
}
