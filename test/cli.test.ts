import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cli, detail, fixture, gtidFile, OPTIONS, ROOT, SAMPLE, tempDir, tempFile } from './helpers.js';
import { registry } from '../formats/registry.js';

describe('rollfix check', () => {
  it('exits 0 clean, 1 flagged, 2 rejected', () => {
    expect(cli(['check', fixture('clean.txt')]).status).toBe(0);
    expect(cli(['check', fixture('windows-1252.txt')]).status).toBe(1);
    expect(cli(['check', SAMPLE]).status).toBe(2);
  });
  it('never prints an SSN in clear in --json, repairs included', () => {
    const { stdout } = cli(['check', SAMPLE, '--json']);
    expect(stdout).not.toContain('123456789');
    expect(stdout).not.toContain('123-45-6789');
    expect(stdout).toContain('"Social Security Number": "*****6789"');
  });
  it('writes the documented JSON shape, with lines and field names as the seed writes them', () => {
    const { stdout, status } = cli(['check', fixture('records.txt'), '--json', '--district', '644']);
    expect(status).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ format: 'gtid', rejected: false, records: 22, detailRecords: 20, flaggedRecords: 18, limits: { maxErrors: 1000, maxRecords: 1000000 } });
    expect(report.issues[0]).toEqual({
      code: 'gtid/last-name-suffix', severity: 'error', line: 2, field: 'Legal Last Name',
      message: 'Legal Last Name "Smith, Jr. (Jones)" contains a suffix, parentheses and special characters',
      repair: { confidence: 'safe', reason: 'cleansed to "Smith" + suffix "Jr."', values: { 'Legal Last Name': 'Smith', 'Legal Name Suffix': 'Jr.' } },
    });
    for (const issue of report.issues) expect(Object.keys(issue)).toEqual(['code', 'severity', 'line', 'field', 'message', 'repair']);
  });
  it('reports file-wide issues with a null line, and the limits given by flags', () => {
    const report = JSON.parse(cli(['check', fixture('clean.txt'), '--json', '--max-records', '4', '--max-errors', '7']).stdout);
    expect(report.rejected).toBe(true);
    expect(report.limits).toEqual({ maxErrors: 7, maxRecords: 4 });
    expect(report.issues).toEqual([expect.objectContaining({ code: 'gtid/too-many-records', line: null, field: null })]);
  });
  it('takes the limits and district from the settings, and flags override them', () => {
    const config = tempDir();
    expect(cli(['config', 'set', 'maxRecords', '4'], { ROLLFIX_CONFIG_DIR: config }).status).toBe(0);
    expect(cli(['check', fixture('clean.txt')], { ROLLFIX_CONFIG_DIR: config }).status).toBe(2);
    expect(cli(['check', fixture('clean.txt'), '--max-records', '0'], { ROLLFIX_CONFIG_DIR: config }).status).toBe(0);
    expect(cli(['config', 'set', 'district', '611'], { ROLLFIX_CONFIG_DIR: config }).status).toBe(0);
    expect(cli(['check', fixture('clean.txt'), '--max-records', '0'], { ROLLFIX_CONFIG_DIR: config }).stdout).toContain('gtid/district-not-current');
    const refused = cli(['config', 'set', 'maxErrors', 'lots'], { ROLLFIX_CONFIG_DIR: config });
    expect(refused.status).toBe(64);
    expect(refused.stderr).toMatch(/not saved: maxErrors must be a whole number/);
    expect(cli(['config', 'get', 'maxErrors'], { ROLLFIX_CONFIG_DIR: config }).stdout).toBe('1000\n');
  });
  it('reads a school directory file', () => {
    const schools = tempFile('school,district\n0177,611\n');
    const { stdout } = cli(['check', fixture('clean.txt'), '--schools', schools, '--json']);
    expect(JSON.parse(stdout).issues.map((i: { code: string }) => i.code)).toEqual(Array(3).fill('gtid/school-not-in-district'));
    const missing = cli(['check', fixture('clean.txt'), '--schools', '/nonexistent/schools.csv']);
    expect(missing).toMatchObject({ status: 66 });
    expect(missing.stderr).toMatch(/cannot read \/nonexistent\/schools.csv: there is no such file/);
  });
  it('answers bad input with a message and the right exit code, never a stack trace', () => {
    const cases: [string[], number, RegExp][] = [
      [['check', fixture('empty.txt')], 66, /is empty/],
      [['check', fixture('binary.bin')], 66, /binary file/],
      [['check', fixture('other-format.csv')], 65, /does not look like any format/],
      [['check', '/nonexistent.txt'], 66, /no such file/],
      [['check', tempDir()], 66, /folder/],
      [['check'], 64, /check needs a FILE/],
      [['check', 'a', 'b'], 66, /not checked: cannot read a: there is no such file/],
      [['check', fixture('clean.txt'), '--bogus'], 64, /Unknown option '--bogus'/],
      [['check', fixture('clean.txt'), '--max-errors', '-3'], 64, /--max-errors/],
      [['check', fixture('clean.txt'), '--max-errors', 'many'], 64, /--max-errors must be a whole number/],
      [['check', fixture('clean.txt'), '--format', 'nope'], 64, /unknown format "nope"/],
      [['frobnicate', 'x'], 64, /unknown command/],
      [['explain', 'gtid/nope'], 64, /no issue code/],
      [['check', '/tmp/\u001b]0;pwned\u0007.txt'], 66, /\/tmp\/<U\+001B>\]0;pwned<U\+0007>\.txt: there is no such file/],
    ];
    for (const [args, status, message] of cases) {
      const result = cli(args);
      expect(result.status, args.join(' ')).toBe(status);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
  it('checks a file of the wrong format when told its format', () => {
    const { status, stdout } = cli(['check', fixture('other-format.csv'), '--format', 'gtid', '--json']);
    expect(status).toBe(2);
    expect(JSON.parse(stdout).issues.map((i: { code: string }) => i.code)).toContain('gtid/missing-record-type');
  });
  it('reads a unclosed quote, a 5 MB line and a file with no line ending as reports', () => {
    expect(cli(['check', fixture('unclosed-quote.txt')]).status).toBe(1);
    const long = tempFile(`TH\t09/05/2025\t08:15:00\t4711\t1.0\tdelimiter=,\nID,${'x'.repeat(5 << 20)}\nTT\t4711\t3\n`);
    const result = cli(['check', long, '--json']);
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout).issues[0].code).toBe('gtid/missing-fields');
  });
});

describe('rollfix fix --auto', () => {
  it('writes NAME.fixed.EXT and a change report beside the input, then says what is left', () => {
    const dir = tempDir();
    const input = join(dir, 'batch.txt');
    copyFileSync(SAMPLE, input);
    const result = cli(['fix', input, '--auto']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`Wrote ${join(dir, 'batch.fixed.txt')}`);
    expect(result.stdout).toContain('11 changes in 9 records');
    expect(result.stdout).toContain('RESULT: accepted, with 6 flagged records');
    expect(readFileSync(join(dir, 'batch.fixed.changes.csv'), 'utf8').split('\n')[0]).toBe('line,field,before,after,code,key,decision,reason,record');
    expect(statSync(join(dir, 'batch.fixed.txt')).mode & 0o777).toBe(0o600);
    expect(readFileSync(input)).toEqual(readFileSync(SAMPLE));
    expect(cli(['check', join(dir, 'batch.fixed.txt')]).status).toBe(1);
    expect(readFileSync(join(dir, 'batch.fixed.changes.csv'), 'utf8')).toContain('8,Social Security Number,masked,masked,field/format');
    expect(cli(['fix', input, '--auto', '--force', '--unmasked-report']).status).toBe(1);
    expect(readFileSync(join(dir, 'batch.fixed.changes.csv'), 'utf8')).toContain('8,Social Security Number,123-45-6789,123456789,field/format');
  });
  it('never overwrites its input, and replaces an existing output only with --force', () => {
    const input = tempFile(readFileSync(fixture('trailer-count.txt')));
    const same = cli(['fix', input, '--auto', '-o', input]);
    expect(same.status).toBe(64);
    expect(same.stderr).toMatch(/never overwrites its input/);
    const out = join(tempDir(), 'out.txt');
    writeFileSync(out, 'keep me');
    const refused = cli(['fix', input, '--auto', '-o', out]);
    expect(refused.status).toBe(73);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(cli(['fix', input, '--auto', '-o', out, '--force']).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('TT\t4711\t5');
  });
  it('says so when the output cannot be written, and leaves no partial file', () => {
    const dir = join(tempDir(), 'no-such-folder');
    const result = cli(['fix', fixture('clean.txt'), '--auto', '-o', join(dir, 'out.txt')]);
    expect(result.status).toBe(73);
    expect(result.stderr).toMatch(/cannot write .*out\.txt/);
    expect(existsSync(dir)).toBe(false);
  });
  it('needs --auto', () => {
    expect(cli(['fix', SAMPLE]).stderr).toMatch(/fix needs --auto/);
  });
});

describe('rollfix formats, explain, --help, --version', () => {
  it('lists formats and explains every code', () => {
    expect(cli(['formats']).stdout).toMatch(/^gtid {2}Student Batch File v1.0/);
    const list = cli(['explain']).stdout.trim().split('\n');
    for (const code of ['gtid/missing-record-type', 'gtid/missing-fields', 'gtid/trailer-count', 'gtid/transmission-id-mismatch', 'gtid/too-many-errors', 'gtid/too-many-records']) {
      expect(list.some((l) => l.startsWith(code) && l.includes('reject'))).toBe(true);
      expect(cli(['explain', code]).stdout).toMatch(/How to fix:/);
    }
  });
  it('prints help for every command and the version', () => {
    expect(cli(['--help']).stdout).toMatch(/Usage:/);
    for (const command of ['check', 'fix', 'config', 'formats', 'explain']) {
      expect(cli([command, '--help']).stdout, command).toMatch(/^Usage: rollfix/);
      expect(cli(['help', command]).stdout, command).toMatch(/^Usage: rollfix/);
    }
    expect(cli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('check --json, issue by issue', () => {
  it('writes each issue exactly as the generic pretty-printer would', async () => {
    const { checkFile } = await import('../src/core/engine.js');
    const { issueText } = await import('../src/cli/report-text.js');
    const files = [SAMPLE, join(ROOT, 'formats/eis/samples/1234enr.asc'), join(ROOT, 'formats/sace/samples/StudImp.dat'), join(ROOT, 'formats/ctf/samples/8231234_CTF_8239876_001.XML'), tempFile('ID,"a\\u0007"\n')];
    let seen = 0;
    for (const file of files) {
      for (const i of (await checkFile(registry, file, OPTIONS)).issues) {
        const generic = JSON.stringify({ code: i.code, severity: i.severity, line: i.line, field: i.field, message: i.message, repair: i.repair }, null, 2);
        expect(issueText(i)).toBe('    ' + generic.replaceAll('\n', '\n    '));
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(50);
  });
});

describe('rollfix config', () => {
  it('answers a corrupt config.json with one line and exit 78, and check still runs on the defaults', () => {
    const config = tempDir();
    writeFileSync(join(config, 'config.json'), '{"maxErrors": 10,');
    const listed = cli(['config', 'list'], { ROLLFIX_CONFIG_DIR: config });
    expect(listed.status).toBe(78);
    expect(listed.stderr.trim().split('\n')).toHaveLength(1);
    expect(listed.stderr).toMatch(/config\.json is not valid JSON/);
    expect(listed.stderr).not.toMatch(/\n\s+at |SyntaxError/);
    expect(cli(['check', fixture('clean.txt')], { ROLLFIX_CONFIG_DIR: config }).status).toBe(0);
  });
  it('makes the settings folder 0700 whatever the umask', () => {
    const config = join(tempDir(), 'settings');
    const result = spawnSync('/bin/sh', ['-c', `umask 000 && exec "${process.execPath}" "${join(ROOT, 'bin/rollfix')}" config set maxErrors 5`], { encoding: 'utf8', env: { ...process.env, ROLLFIX_CONFIG_DIR: config, ROLLFIX_STATE_DIR: tempDir() } });
    expect(result.status, result.stderr).toBe(0);
    expect(statSync(config).mode & 0o777).toBe(0o700);
    expect(statSync(join(config, 'config.json')).mode & 0o777).toBe(0o600);
  });
});

describe('rollfix fix writes the output and its change report as one unit', () => {
  it('writes neither when the report cannot be written, and says which and why in one line (exit 73)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    for (const [report, why] of [[join(dir, 'nope', 'r.csv'), /nope does not exist/], [join(dir, 'file', 'r.csv'), /is not a folder/]] as const) {
      const result = cli(['fix', SAMPLE, '--auto', '-o', join(dir, 'out.txt'), '--report', report]);
      expect(result.status).toBe(73);
      expect(result.stderr).toMatch(why);
      expect(result.stderr).toContain(`cannot write ${report}`);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(join(dir, 'out.txt'))).toBe(false);
    }
    const long = cli(['fix', SAMPLE, '--auto', '-o', join(dir, `${'x'.repeat(300)}.txt`)]);
    expect([long.status, long.stderr]).toEqual([73, expect.stringMatching(/the name is too long\. Nothing was written/)]);
  });
});

describe('check --json and hostile bytes', () => {
  it('escapes DEL, the C1 controls and the bidirectional controls, and stays the same JSON', () => {
    // A record type is quoted in its message as it is: two hostile characters.
    const file = tempFile(gtidFile([detail(), '\u202e\u009b2J,x', '\u007f\u2066,y']));
    const { stdout } = cli(['check', file, '--json']);
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(stdout).toContain('\\u202e\\u009b');
    // The same JSON: the value comes back exactly as the file has it.
    const messages = JSON.parse(stdout).issues.map((i: { message: string }) => i.message);
    expect(messages).toContain('Record type "\u202e\u009b" is not TH, ID or TT');
  });
});

describe('a run of blank lines', () => {
  it('is one warning in every format that reads a record a line, however long the run', () => {
    for (const sample of ['formats/target-tracker/samples/pupils.csv', 'formats/sace/samples/StudImp.dat', 'formats/eis/samples/Enroll.asc']) {
      const lines = readFileSync(join(ROOT, sample), 'utf8').split(/\r?\n/);
      const eol = sample.endsWith('.csv') ? '\n' : '\r\n';
      const file = tempFile([lines[0], lines[1], ...Array(200_000).fill(''), ...lines.slice(2)].join(eol), sample.split('/').pop());
      const result = spawnSync(process.execPath, [join(ROOT, 'bin/rollfix'), 'check', file, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
      const blanks = JSON.parse(result.stdout).issues.filter((i: { code: string }) => i.code === 'file/blank-line');
      expect(blanks.map((i: { message: string }) => i.message), sample).toEqual(['200000 blank lines (lines 3 to 200002)']);
    }
  });
});
