/**
 * Every issue a check reports is declared by its format, with the same severity: `rollfix
 * explain`, the summary's titles and the README's code table are generated from the declarations.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile } from '../src/core/engine.js';
import { OPTIONS, ROOT } from './helpers.js';
import { registry } from '../formats/registry.js';

const samples = readdirSync(join(ROOT, 'formats'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => {
    // (a reference export, such as SACE's CEARExp.dat, is read by the others, not checked)
    try {
      return readdirSync(join(ROOT, 'formats', d.name, 'samples')).map((f) => join(ROOT, 'formats', d.name, 'samples', f)).filter((f) => !registry.isReferenceFile(f) && statSync(f).isFile());
    } catch {
      return [];
    }
  });

describe('issue declarations', () => {
  it.each(samples)('%s reports only declared codes', async (path) => {
    const report = await checkFile(registry, path, OPTIONS);
    const declared = new Map(report.format.issueTypes.map((t) => [t.code, t.severity]));
    for (const issue of report.issues) expect([issue.code, declared.get(issue.code)]).toEqual([issue.code, issue.severity]);
  });
});
