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
