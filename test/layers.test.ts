/**
 * The layer rule (DESIGN.md section 3), checked on the source: src/core and src/io import nothing
 * from formats/, screens/, src/cli, Ink or React (the format registry is passed in), and screens
 * neither read files nor run checks (no node:fs, no engine, no file-set check, nothing of src/io).
 * Every `import … from`, `export … from`, bare `import '…'` and `import('…')` counts, type-only
 * ones included.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './helpers.js';
import { registry } from '../formats/registry.js';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm;

/** What a file imports: packages as named, relative paths as paths from the repository root, without extension. */
function importsOf(file: string, text = readFileSync(join(ROOT, file), 'utf8')): string[] {
  return [...text.matchAll(SPECIFIER)].map(([, , spec]) => (spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)).replace(/\.(js|ts|tsx|jsx)$/, '') : spec));
}

const startsAt = (prefix: string) => (target: string) => target === prefix || target.startsWith(prefix + '/');

const RULES: Array<{ dirs: string[]; forbidden: Array<[string, (target: string) => boolean]> }> = [
  {
    dirs: ['src/core', 'src/io'],
    forbidden: [
      ['formats/', startsAt('formats')],
      ['screens/', startsAt('screens')],
      ['src/cli', startsAt('src/cli')],
      ['ink', (t) => startsAt('ink')(t) || t.startsWith('ink-')],
      ['react', startsAt('react')],
    ],
  },
  {
    dirs: ['screens'],
    forbidden: [
      ['node:fs', (t) => ['node:fs', 'node:fs/promises', 'fs', 'fs/promises'].includes(t)],
      ['src/core/engine', startsAt('src/core/engine')],
      ['src/core/file-set', startsAt('src/core/file-set')],
      ['src/io/', startsAt('src/io')],
    ],
  },
];

describe('the layer rule', () => {
  it('reads every kind of import', () => {
    const text = `import a from './a.js';\nimport type { B } from "../b.ts";\nexport { c } from './c/d.js';\nimport './side.js';\nconst e = await import('ink');\nimport {\n  f,\n} from 'node:fs';`;
    expect(importsOf('src/core/x.ts', text)).toEqual(['src/core/a', 'src/b', 'src/core/c/d', 'src/core/side', 'ink', 'node:fs']);
    expect(importsOf('src/core/engine.ts')).toContain('src/io/line-reader');
  });

  for (const { dirs, forbidden } of RULES) {
    const files = dirs.flatMap(sources);
    it(`${dirs.join(' and ')} import nothing of ${forbidden.map(([name]) => name).join(', ')}`, () => {
      expect(files.length).toBeGreaterThan(3);
      const wrong = files.flatMap((file) => importsOf(file).flatMap((target) => forbidden.filter(([, is]) => is(target)).map(([name]) => `${file} imports ${target} (${name})`)));
      expect(wrong).toEqual([]);
    });
  }
});

/** Every word that names one format: its id, its folder, and each field name longer than 3 characters. */
function formatWords(): { ids: string[]; fields: string[] } {
  const folders = readdirSync(join(ROOT, 'formats'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  const ids = [...new Set([...registry.formats.map((f) => f.id), ...folders])];
  const fields = [...new Set(registry.formats.flatMap((f) => f.layouts.flatMap((l) => l.fields.map((field) => field.name))))].filter((n) => n.length > 3);
  return { ids, fields };
}

const literal = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where `text` names a format: ids and folders in any case, field names as spelt; import paths are not words. */
function formatNamesIn(text: string, words = formatWords()): string[] {
  const code = text.replace(/(['"])(\.\.?\/[^'"]*)\1/g, "''");
  const hits = words.ids.filter((id) => new RegExp(`(?<![\\w-])${literal(id)}(?![\\w-])`, 'i').test(code));
  // A one-word field name (State, Grade) is also an English word and a type name: named only as a string.
  const named = (name: string) => (name.includes(' ') ? new RegExp(`(?<!\\w)${literal(name)}(?!\\w)`) : new RegExp(`(['"\`])${literal(name)}\\1`));
  return [...hits, ...words.fields.filter((name) => named(name).test(code))];
}

describe('no format is named in src/ or screens/', () => {
  it('finds a format id, a folder name or a field name, in code or comments', () => {
    const words = { ids: ['gtid', 'target-tracker'], fields: ['Local Student ID'] };
    expect(formatNamesIn("// the GTID sample\nimport { x } from '../formats/gtid/a.js';\nconst k = 'Local Student ID';", words)).toEqual(['gtid', 'Local Student ID']);
    expect(formatNamesIn("type State = 1; const f = 'Grade';", { ids: [], fields: ['State', 'Grade'] })).toEqual(['Grade']);
    expect(formatNamesIn("import { registry } from '../../formats/gtid/registry.js'; // a target-trackers list", words)).toEqual([]);
    expect(formatWords().ids).toEqual(expect.arrayContaining(['gtid', 'sace', 'ctf', 'eis', 'target-tracker']));
  });

  it('names none in any source file', () => {
    const words = formatWords();
    const found = ['src', 'screens'].flatMap(sources).flatMap((file) => formatNamesIn(readFileSync(join(ROOT, file), 'utf8'), words).map((w) => `${file}: ${w}`));
    expect(found).toEqual([]);
  });
});
