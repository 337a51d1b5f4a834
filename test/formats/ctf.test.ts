import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile, fixFile } from '../../src/core/engine.js';
import { openDoc } from '../../src/session/document.js';
import { reducer } from '../../src/session/workstation-reducer.js';
import { initialState, type State } from '../../src/session/workstation-state.js';
import { recordAt } from '../../src/session/live.js';
import { writeDoc } from '../../src/session/write-file.js';
import { cli, OPTIONS, ROOT, rows, tempDir, tempFile } from '../helpers.js';
import { registry } from '../../formats/registry.js';

const SAMPLES = join(ROOT, 'formats/ctf/samples');
const NAME = '8231234_CTF_8239876_001.XML';

interface Opts { root?: string; ns?: string; version?: string; year?: string; name?: string; dest?: [string, string]; header?: string; pupils?: string[] }
const pupil = (over: Record<string, string> = {}, extra = '') => {
  const v: Record<string, string> = { UPN: 'B801200005001', Surname: 'Smith', Forename: 'Oliver', DOB: '2016-03-14', Sex: 'M', ...over };
  return `    <Pupil>\n${Object.entries(v).map(([k, x]) => `      <${k}>${x}</${k}>`).join('\n')}${extra}\n    </Pupil>`;
};
function ctfText(o: Opts = {}): string {
  const header = o.header ?? `  <Header>
    <DocumentName>${o.name ?? 'Common Transfer File'}</DocumentName>
    <CTFversion>${o.version ?? '25.0'}</CTFversion>
    <DateTime>2025-07-18T14:02:11</DateTime>
    <DocumentQualifier>partial</DocumentQualifier>
    <SupplierID>MIS</SupplierID>
    <SourceSchool><LEA>823</LEA><Estab>1234</Estab><SchoolName>Hill Top</SchoolName><AcademicYear>${o.year ?? '2025'}</AcademicYear></SourceSchool>
    <DestSchool><LEA>${(o.dest ?? ['823', '9876'])[0]}</LEA><Estab>${(o.dest ?? ['823', '9876'])[1]}</Estab></DestSchool>
  </Header>`;
  const root = o.root ?? 'CTfile';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${o.ns ?? ''}>\n${header}\n  <CTFpupilData>\n${(o.pupils ?? [pupil()]).join('\n')}\n  </CTFpupilData>\n</${root}>\n`;
}
const check = (text: string, name = NAME) => checkFile(registry, tempFile(text, name), OPTIONS);

describe('Common Transfer File', () => {
  it('reads a clean file, with or without the cbds namespace or a prefix', async () => {
    for (const text of [ctfText(), ctfText({ ns: ' xmlns="http://www.dcsf.gov.uk/schemas/cbds"' }), ctfText().replace(/<(\/?)(\w+)/g, '<$1c:$2').replace('<c:CTfile>', '<c:CTfile xmlns:c="http://www.dcsf.gov.uk/schemas/cbds">').replace('<c:?xml', '<?xml')]) {
      const report = await check(text);
      expect(report.format.id).toBe('ctf');
      expect(rows(report)).toEqual([]);
      expect(report).toMatchObject({ records: 2, detailRecords: 1 });
    }
  });

  it('rejects XML that is not well-formed, with its line and column', async () => {
    const report = await check(ctfText().replace('<Surname>Smith</Surname>', '<Surname>Smith & Jones</Surname>'));
    expect(rows(report)).toEqual(['15 ctf/not-well-formed']);
    expect(report.issues[0].message).toBe('The XML is not well-formed at line 15, column 22: an & that starts no entity (write &amp; for the character &)');
    const tags = await check(ctfText().replace('<Forename>Oliver</Forename>', '<Forename>Oliver</Surname>'));
    expect(tags.issues[0].message).toMatch(/^The XML is not well-formed at line 16, column \d+: unexpected close tag/);
  });

  it('rejects a wrong root, no header, no pupils, another DocumentName and an unknown version', async () => {
    expect(rows(await check(ctfText({ root: 'Transfer' })))).toEqual(['- ctf/root']);
    expect(rows(await check(ctfText({ header: '' })))).toEqual(['- ctf/no-header']);
    expect(rows(await check(ctfText({ pupils: [] })))).toEqual(['- ctf/no-pupils']);
    const named = await check(ctfText({ name: 'common transfer  file' }));
    expect(named.issues[0]).toMatchObject({ code: 'ctf/document-name', severity: 'reject', repair: { confidence: 'safe', values: { DocumentName: 'Common Transfer File' } } });
    expect(rows(await check(ctfText({ version: '25' })))).toEqual(['3 ctf/version [CTFversion]']);
  });

  it('checks the header: LEA and Estab (placeholders allowed), DateTime, the version against the academic year', async () => {
    expect(rows(await check(ctfText({ dest: ['XXX', 'XXXX'] }), '8231234_CTF_XXXXXXX_001.XML'))).toEqual([]);
    const report = await check(ctfText({ dest: ['82', '98a6'], year: '2024' }).replace('2025-07-18T14:02:11', '18/07/2025 14:02'));
    expect(rows(report)).toEqual(['3 field/format [DateTime]', '3 field/format [DestSchool/LEA]', '3 field/format [DestSchool/Estab]', '3 ctf/version-year [CTFversion]']);
    const qualifier = await check(ctfText().replace('<DocumentQualifier>partial', '<DocumentQualifier>Partial'));
    expect(qualifier.issues[0]).toMatchObject({ code: 'field/code', field: 'DocumentQualifier', repair: { confidence: 'safe', values: { DocumentQualifier: 'partial' } } });
    expect(rows(await check(ctfText().replace('<DocumentQualifier>partial', '<DocumentQualifier>some')))).toEqual(['3 field/code [DocumentQualifier]']);
  });

  it('checks the file name against the convention and the header, and writes under the right name', async () => {
    const wrong = await check(ctfText(), 'leavers.xml');
    expect(wrong.issues[0]).toMatchObject({ code: 'ctf/file-name', repair: { confidence: 'safe', reason: 'write it as 8231234_CTF_8239876_001.XML' } });
    expect((await check(ctfText(), '8231111_CTF_8239876_001.XML')).issues[0].message).toBe("The name says the sender is 8231111; the header's SourceSchool is 8231234");
    expect((await check(ctfText(), '8231234_CTF_8230000_001.XML')).issues[0].message).toBe("The name says the destination is 8230000; the header's DestSchool is 8239876");
    // Independent or outside England: the name says MMMMMMM whatever the header holds (seed 001).
    expect(rows(await check(ctfText(), '8231234_CTF_MMMMMMM_001.xml'))).toEqual([]);
    const dir = tempDir();
    copyFileSync(tempFile(ctfText(), 'leavers.xml'), join(dir, 'leavers.xml'));
    expect(cli(['fix', '--auto', join(dir, 'leavers.xml')]).stdout).toContain(`Wrote ${join(dir, '8231234_CTF_8239876_001.XML')}`);
    // A file already named right is followed by the next number: a corrected CTF is a new CTF.
    expect(cli(['fix', '--auto', join(dir, '8231234_CTF_8239876_001.XML')]).stdout).toContain('8231234_CTF_8239876_002.XML');
  });

  it('a lost-pupil file holds one pupil; fix --split writes one file per pupil, numbered on', async () => {
    const report = await checkFile(registry, join(SAMPLES, '8231234_CTF_XXXXXXX_002.XML'), OPTIONS);
    expect(report.issues[0]).toMatchObject({ code: 'ctf/lost-pupil-count', severity: 'reject', message: 'A lost-pupil file (destination XXXXXXX) holds 2 pupils; it may hold only one' });
    const dir = tempDir();
    copyFileSync(join(SAMPLES, '8231234_CTF_XXXXXXX_002.XML'), join(dir, '8231234_CTF_XXXXXXX_002.XML'));
    const split = cli(['fix', '--split', join(dir, '8231234_CTF_XXXXXXX_002.XML')]);
    expect(split.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['8231234_CTF_XXXXXXX_002.XML', '8231234_CTF_XXXXXXX_003.XML', '8231234_CTF_XXXXXXX_004.XML']);
    for (const [name, upn] of [['8231234_CTF_XXXXXXX_003.XML', 'B801200005001'], ['8231234_CTF_XXXXXXX_004.XML', 'T20110001804V']]) {
      const part = JSON.parse(cli(['check', '--json', join(dir, name)]).stdout);
      expect([part.detailRecords, part.issues]).toEqual([1, []]);
      expect(readFileSync(join(dir, name), 'utf8')).toContain(`<UPN>${upn}</UPN>`);
    }
    expect(cli(['fix', '--split', join(dir, '8231234_CTF_XXXXXXX_003.XML')]).stderr).toContain('nothing to split: the file holds one pupil already');
  });

  it('checks each pupil: the core, UPN and FormerUPN with census codes, ULN, DOB, sex, duplicate UPNs', async () => {
    const report = await check(ctfText({ pupils: [
      pupil({ UPN: 'b801200005001', DOB: '14/03/2016', Sex: 'Male' }, '\n      <BasicDetails><FormerUPN>Q207000016049</FormerUPN></BasicDetails>'),
      pupil({ UPN: 'R201100018042', Forename: '', DOB: '2016-02-30', UniqueLearnerNumber: '1234567890' }),
      pupil({ UPN: 'R201100018042', Forename: 'Amelia', DOB: '03/04/2016' }),
    ] }));
    expect(rows(report)).toEqual(['13 upn/format [UPN]', '13 upn/check-letter [BasicDetails/FormerUPN]', '13 field/date [DOB]', '13 field/code [Sex]', '21 field/required [Forename]', '21 uln/check-digit [UniqueLearnerNumber]', '21 field/date [DOB]', '21 ctf/duplicate-upn [UPN]', '29 field/date [DOB]', '29 ctf/duplicate-upn [UPN]']);
    const at = (line: number, field: string) => report.issues.find((i) => i.line === line && i.field === field)!;
    expect(at(13, 'DOB').repair).toMatchObject({ confidence: 'safe', values: { DOB: '2016-03-14' } });
    expect(at(29, 'DOB').repair).toMatchObject({ confidence: 'review', values: { DOB: '2016-04-03' } });
    expect(at(13, 'Sex').repair).toMatchObject({ confidence: 'safe', values: { Sex: 'M' } });
    expect(at(13, 'BasicDetails/FormerUPN').message).toContain('census rule 1510');
    expect(at(29, 'UPN').message).toContain('census error 1520');
    const missing = await check(ctfText({ pupils: [pupil({ UPN: '' })] }));
    expect(missing.issues[0].message).toBe('UPN is required (census error 1500)');
  });

  it('takes Gender for Sex, with a warning from version 25', async () => {
    const gender = (version: string) => ctfText({ version, year: `20${version.slice(0, 2)}`, pupils: [pupil().replace('<Sex>M</Sex>', '<Gender>M</Gender>')] });
    expect(rows(await check(gender('25.0')))).toEqual(['13 ctf/gender-element [Sex]']);
    expect(rows(await check(gender('20.0')))).toEqual([]);
  });

  it('fix --auto changes only the repaired elements: comments, declaration, order and spacing stay', async () => {
    const input = join(SAMPLES, NAME);
    const out = join(tempDir(), 'out.XML');
    const fixed = await fixFile(registry, input, out, out + '.csv', OPTIONS);
    const before = readFileSync(input, 'utf8').split('\n');
    const after = readFileSync(out, 'utf8').split('\n');
    expect(after.length).toBe(before.length);
    expect(after.map((l, i) => (l === before[i] ? null : [i + 1, l])).filter(Boolean)).toEqual([[24, '      <UPN>B801200005001</UPN>'], [27, '      <DOB>2016-03-14</DOB>'], [28, '      <Sex>M</Sex>']]);
    expect(fixed.changes.map((c) => `${c.line} ${c.field} ${c.after}`)).toEqual(['23 UPN B801200005001', '23 DOB 2016-03-14', '23 Sex M']);
  });
});

describe('CTF in the workstation', () => {
  const open = async (path: string) => initialState(await openDoc(path, OPTIONS));
  const edit = (s: State, line: number, field: string, text: string) => {
    const record = recordAt(s.doc, s.live, line)!;
    let next: State = { ...s, screen: 'record', record: { ...s.record, line, field: record.layout.fields.findIndex((f) => f.name === field), draft: null } };
    next = reducer(next, { type: 'command', id: 'record.edit' });
    for (let i = 0; i < 40; i++) next = reducer(next, { type: 'text.backspace' });
    return reducer(reducer(next, { type: 'text', input: text }), { type: 'text.commit' });
  };

  it('shows one row per pupil, edits in place (escaped), adds a missing element, and refuses what it cannot place', async () => {
    const path = join(tempDir(), NAME);
    copyFileSync(join(SAMPLES, NAME), path);
    let s = await open(path);
    expect(s.doc.flaggedLines).toEqual([23, 34, 41]);
    expect(s.write.path).toBe(path.replace('_001', '_002')); // a corrected CTF is the next one
    s = edit(s, 34, 'Forename', 'Amelia');
    s = edit(s, 23, 'Surname', 'O\'Brien & Sons');
    s = edit(s, 34, 'BasicDetails/MiddleNames', 'Rose');
    expect(s.record.draft?.issues[0].message).toBe('Does not fit, not kept: BasicDetails is not in this record, so BasicDetails/MiddleNames cannot be added here; add it in the MIS');
    const out = join(tempDir(), 'out.XML');
    const written = await writeDoc(s.doc, s.live, out);
    const before = readFileSync(path, 'utf8');
    const after = readFileSync(out, 'utf8');
    expect(after).toBe(before.replace('<Surname>O&apos;Brien</Surname>', "<Surname>O'Brien &amp; Sons</Surname>").replace('      <Surname>Jones</Surname>\n      <DOB>2016-11-02</DOB>', '      <Surname>Jones</Surname>\n      <Forename>Amelia</Forename>\n      <DOB>2016-11-02</DOB>'));
    expect(written.after.issues.filter((i) => i.field === 'Forename')).toEqual([]);
  });

  it('f on the summary applies the header\'s safe fixes, though the Header is not on line 1', async () => {
    const path = join(tempDir(), NAME);
    writeFileSync(path, ctfText({ name: 'common transfer  file' }));
    let s = await open(path);
    expect(s.doc.headerLine).toBe(3);
    s = reducer(s, { type: 'command', id: 'summary.fix-file' });
    expect(recordAt(s.doc, s.live, 3)!.fields[0]).toBe('Common Transfer File');
    expect(s.live.issues.get(3) ?? []).toEqual([]);
  });

  it('deletes a repeated pupil whole, and the file still parses', async () => {
    let s = await open(join(SAMPLES, NAME));
    s = reducer({ ...s, screen: 'record', record: { ...s.record, line: 41, field: 0, draft: null } }, { type: 'command', id: 'record.delete' });
    s = reducer(s, { type: 'answer', yes: true }); // d asks first
    const out = join(tempDir(), 'out.XML');
    const written = await writeDoc(s.doc, s.live, out);
    const lines = readFileSync(join(SAMPLES, NAME), 'utf8').split('\n');
    expect(readFileSync(out, 'utf8').split('\n')).toEqual([...lines.slice(0, 40), ...lines.slice(47)]);
    expect(written.after.issues.map((i) => i.code)).not.toContain('ctf/duplicate-upn');
    expect(written.after.detailRecords).toBe(2);
  });
});
