import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allIssueTypes } from '../src/cli/info-commands.js';
import { ROOT } from './helpers.js';

describe('the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  it('documents every issue code with its severity', () => {
    for (const type of allIssueTypes()) expect(readme, type.code).toContain(`| \`${type.code}\` | ${type.severity} |`);
  });
  it('starts with the two set-up commands that CI and a new user run', () => {
    const firstScreen = readme.split('\n').slice(0, 24).join('\n');
    expect(firstScreen).toContain('npm ci && npm start');
    expect(firstScreen).toContain('npm test');
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
  });
});
