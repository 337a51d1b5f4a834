/**
 * Where decisions are remembered: $ROLLFIX_STATE_DIR (else $XDG_STATE_HOME/rollfix, else
 * ~/.local/state/rollfix)/memory, folder 0700, files 0600, written whole through the safe writer.
 *
 *   decisions/FORMAT--SCOPE.json   one school's (or district's) decisions for one format: the
 *                                  scope is what the format reads from the file (the district and
 *                                  school of the first student, say); "all" where the file names none.
 *   kept/SHA256.json               the keeps in effect in a file rollfix wrote, by its content's
 *                                  SHA-256 and line: how `check` of that file knows of them.
 *
 * No national ID is stored in clear: a sensitive value before is kept as a salted scrypt hash
 * (the salt is the scope file's own), and a sensitive value after is not stored at all (such a
 * decision is listed, never replayed).
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Change, DecisionKind, Format } from '../core/format.js';
import type { Issue } from '../core/issue.js';
import { sensitiveFields, type Report } from '../core/engine.js';
import { writeFileSafely } from '../io/safe-write.js';
import type { Doc } from './document.js';
import type { Decision } from './decisions.js';
import { contentHash, journalDir } from './journal.js';
import type { Keep } from './keeps.js';

export interface StoredDecision {
  key: string;
  record?: string;
  field: string;
  kind: DecisionKind;
  before?: string;
  beforeHash?: string;
  after?: string;
  code: string;
  reason?: string;
  date: string;
}

interface ScopeFile {
  v: 1;
  format: string;
  scope: string;
  salt: string;
  decisions: StoredDecision[];
}

export interface KeptFile {
  v: 1;
  file: string;
  format: string;
  date: string;
  keeps: Array<{ line: number; field: string | null; code: string; reason: string }>;
}

export const memoryDir = (env = process.env) => join(journalDir(env), 'memory');

function folder(...parts: string[]): string {
  const dir = join(memoryDir(), ...parts);
  for (const d of [memoryDir(), dir]) {
    mkdirSync(d, { recursive: true, mode: 0o700 });
    chmodSync(d, 0o700);
  }
  return dir;
}

const slug = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_');
export const scopeName = (format: string, scope: string | null) => `${format}--${slug(scope ?? 'all')}`;

/** The school or district the file is for (the format's RecordModel.identity), or null. */
export function scopeOf(doc: Doc): string | null {
  const identity = doc.model.identity;
  if (!identity) return null;
  const records = [];
  for (let n = 1; n <= Math.min(doc.store.count, 50); n++) {
    const parsed = doc.model.parse(doc.store.line(n), n);
    if (parsed) records.push(parsed);
  }
  return identity.scope(records);
}

function scopePath(format: string, scope: string | null): string {
  return join(memoryDir(), 'decisions', `${scopeName(format, scope)}.json`);
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`the remembered decisions in ${path} cannot be read (${(error as Error).message}); rollfix memory forget removes them`);
  }
}

const hashOf = (salt: string, value: string) => scryptSync(value, Buffer.from(salt, 'base64'), 32, { N: 1 << 14 }).toString('base64');

function sensitive(format: Format, field: string, value: string): boolean {
  return value !== '' && (sensitiveFields(format).has(field) || Boolean(format.isSensitiveValue?.(value.trim())));
}

/** The identity of a decision in its scope: a later decision about the same thing replaces it. */
const sameThing = (d: StoredDecision) => `${d.key}\t${d.record ?? ''}\t${d.kind === 'delete' ? '' : d.field}\t${d.kind === 'keep' ? d.code : ''}`;

/** Remembers the decisions of a change report (rows with a key and a decision kind). */
export function remember(doc: Doc, changes: readonly Change[], date = new Date().toISOString().slice(0, 10)): number {
  const rows = changes.filter((c) => c.key && c.decision);
  if (rows.length === 0) return 0;
  const scope = scopeOf(doc);
  const path = scopePath(doc.format.id, scope);
  const file: ScopeFile = readJson<ScopeFile>(path) ?? { v: 1, format: doc.format.id, scope: scope ?? 'all', salt: randomBytes(16).toString('base64'), decisions: [] };
  const byThing = new Map(file.decisions.map((d) => [sameThing(d), d]));
  for (const c of rows) {
    const d: StoredDecision = { key: c.key!, ...(c.record ? { record: c.record } : {}), field: c.field, kind: c.decision!, code: c.code, date, ...(c.reason ? { reason: c.reason } : {}) };
    if (c.decision !== 'delete') {
      if (sensitive(doc.format, c.field, c.before)) d.beforeHash = hashOf(file.salt, c.before);
      else d.before = c.before;
      if (!sensitive(doc.format, c.field, c.after)) d.after = c.after;
    }
    byThing.delete(sameThing(d));
    byThing.set(sameThing(d), d);
  }
  file.decisions = [...byThing.values()];
  folder('decisions');
  writeFileSafely(path, JSON.stringify(file, null, 1) + '\n');
  return rows.length;
}

/** The decisions remembered for this file's format and school. */
export function rememberedFor(doc: Doc): Decision[] {
  const file = readJson<ScopeFile>(scopePath(doc.format.id, scopeOf(doc)));
  if (!file) return [];
  return file.decisions.map((d) => ({
    ...d,
    ...(d.beforeHash ? { matches: (value: string) => value !== '' && hashOf(file.salt, value) === d.beforeHash } : {}),
  }));
}

/** Records the keeps in effect in a file just written (by its content), for `check` of it. */
export function rememberKept(path: string, format: string, keeps: KeptFile['keeps']): void {
  const name = join(memoryDir(), 'kept', `${contentHash(readFileSync(path))}.json`);
  if (keeps.length === 0) {
    rmSync(name, { force: true });
    return;
  }
  folder('kept');
  writeFileSafely(name, JSON.stringify({ v: 1, file: path, format, date: new Date().toISOString(), keeps } satisfies KeptFile, null, 1) + '\n');
}

/** The keeps rollfix remembers for this very file (its content), if it wrote it. */
export function keptFor(path: string): KeptFile | null {
  const dir = join(memoryDir(), 'kept');
  if (!existsSync(dir) || readdirSync(dir).length === 0) return null; // nothing kept anywhere: the file is not read again
  try {
    return readJson<KeptFile>(join(dir, `${contentHash(readFileSync(path))}.json`));
  } catch {
    return null;
  }
}

/** Issues marked kept where a keep of the file says so (line, field and code). */
export function markKept(issues: readonly Issue[], kept: KeptFile | null): Issue[] {
  if (!kept) return [...issues];
  const reasons = new Map(kept.keeps.map((k) => [`${k.line}\t${k.field ?? ''}\t${k.code}`, k.reason]));
  return issues.map((i) => {
    const reason = i.line === null ? undefined : reasons.get(`${i.line}\t${i.field ?? ''}\t${i.code}`);
    return reason === undefined ? i : { ...i, kept: { reason } };
  });
}

/** A report with the keeps rollfix remembers for its file marked. */
export function withKept(report: Report): Report {
  const kept = keptFor(report.file);
  return kept ? { ...report, issues: markKept(report.issues, kept) } : report;
}

/** The keeps of a file, as the workstation holds them (each with the value it is about). */
export function keepsAtOpen(doc: Doc, kept: KeptFile | null): Keep[] {
  if (!kept) return [];
  return kept.keeps.flatMap((k) => {
    const parsed = doc.model.parse(doc.store.line(k.line), k.line);
    if (!parsed) return [];
    const i = k.field === null ? -1 : parsed.layout.fields.findIndex((f) => f.name === k.field);
    return [{ line: k.line, field: k.field, code: k.code, reason: k.reason, value: i < 0 ? '' : (parsed.fields[i] ?? '') }];
  });
}

/** Every scope remembered: its name, format, school and decisions. */
export function listMemory(): Array<{ name: string; format: string; scope: string; decisions: StoredDecision[]; path: string }> {
  const dir = join(memoryDir(), 'decisions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((n) => {
    const path = join(dir, n);
    const file = readJson<ScopeFile>(path)!;
    return { name: n.slice(0, -5), format: file.format, scope: file.scope, decisions: file.decisions, path };
  });
}

/** Forgets a scope's decisions (all of them, or one key's); returns how many. */
export function forget(name: string, key?: string): number {
  const path = join(memoryDir(), 'decisions', `${slug(name)}.json`);
  const file = readJson<ScopeFile>(path);
  if (!file) return -1;
  if (key === undefined) {
    rmSync(path, { force: true });
    return file.decisions.length;
  }
  const kept = file.decisions.filter((d) => d.key !== key);
  writeFileSafely(path, JSON.stringify({ ...file, decisions: kept }, null, 1) + '\n');
  return file.decisions.length - kept.length;
}

/** Forgets everything remembered (every scope and every file's keeps). */
export function forgetAll(): void {
  if (existsSync(memoryDir()) && statSync(memoryDir()).isDirectory()) rmSync(memoryDir(), { recursive: true, force: true });
}
