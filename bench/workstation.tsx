/**
 * The workstation on a generated file, in one process: time to the first frame, time to the
 * summary, and for 200 scripted keys the time from key to frame (median and p99) and the bytes
 * written to the terminal (Ink with incremental rendering, an 80x24 screen).
 *   (bundled and run by bench/run.mjs)
 */
import { Writable } from 'node:stream';
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { Frame } from '../screens/app.js';
import { openDoc } from '../src/session/document.js';
import { initialState, type Action, type State } from '../src/session/workstation-state.js';
import { reducer } from '../src/session/workstation-reducer.js';
import { journaledStep } from '../src/session/resume.js';
import { issuesAt, recordAt, unsavedEdits } from '../src/session/live.js';
import type { CommandId } from '../src/session/key-bindings.js';
import { enableParallelCheck } from '../src/core/parallel-check.js';

class Screen extends Writable {
  columns = 80;
  rows = 24;
  isTTY = true;
  bytes = 0;
  _write(chunk: Buffer, _: string, done: () => void) {
    this.bytes += chunk.length;
    done();
  }
}

export async function benchWorkstation(file: string): Promise<Record<string, number>> {
  const stdout = new Screen();
  const stdin = Object.assign(new EventEmitter(), { isTTY: true, setRawMode: () => {}, setEncoding: () => {}, resume: () => {}, pause: () => {}, ref: () => {}, unref: () => {}, read: () => null });
  const start = performance.now();
  let firstFrame = 0;
  const options = { maxErrors: 1000, maxRecords: 1_000_000 };
  const doc = await openDoc(file, options, undefined, () => {
    firstFrame ||= performance.now() - start;
  });
  let state: State = initialState(doc, 80, 24);
  const app = render(<Frame state={state} />, { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, incrementalRendering: true, patchConsole: false, exitOnCtrlC: false, maxFps: 1000 });
  const summary = performance.now() - start;
  const keys: Array<Action | CommandId> = [];
  keys.push('summary.start');
  for (let i = 0; i < 60; i++) keys.push('record.next', 'record.down');
  keys.push('app.table');
  for (let i = 0; i < 40; i++) keys.push('table.page-down', 'table.down');
  for (let i = 0; i < 5; i++) keys.push('table.jump', { type: 'text', input: String(1 + Math.floor((doc.store.count * (i + 1)) / 7)) }, { type: 'text.commit' });
  keys.push('table.open', 'record.edit', { type: 'text', input: 'x' }, { type: 'text.backspace' }, { type: 'text.cancel' });
  while (keys.length < 200) keys.push('record.next');
  const latencies: number[] = [];
  const bytes: number[] = [];
  for (const key of keys) {
    const before = stdout.bytes;
    const t = performance.now();
    state = reducer(state, typeof key === 'string' ? { type: 'command', id: key } : key);
    app.rerender(<Frame state={state} />);
    await new Promise((r) => setImmediate(r));
    latencies.push(performance.now() - t);
    bytes.push(stdout.bytes - before);
  }
  // An edit kept (Enter) that makes a duplicate: the Local Student ID of line 2 typed into the
  // current record; from Enter to the frame, the re-check of the whole file included.
  const idField = (n: number) => recordAt(doc, state.live, n)?.layout.fields.findIndex((f) => f.name === 'Local Student ID') ?? -1;
  const other = recordAt(doc, state.live, 2);
  let editMs = Number.NaN;
  let editDuplicate = 0;
  if (other && idField(state.record.line) >= 0) {
    state = { ...state, record: { ...state.record, field: idField(state.record.line) } };
    for (const key of ['record.edit', { type: 'text.clear' }, { type: 'text', input: other.fields[idField(2)] }] as Array<Action | CommandId>) state = reducer(state, typeof key === 'string' ? { type: 'command', id: key } : key);
    const t = performance.now();
    state = reducer(state, { type: 'text.commit' });
    app.rerender(<Frame state={state} />);
    await new Promise((r) => setImmediate(r));
    editMs = performance.now() - t;
    editDuplicate = issuesAt(state.live, state.record.line).filter((i) => i.field === 'Local Student ID').length;
  }
  app.unmount();
  if (process.env.ROLLFIX_BENCH_SLOWEST) {
    const slow = latencies.map((ms, i) => [ms, JSON.stringify(keys[i])] as const).sort((a, b) => b[0] - a[0]).slice(0, 5);
    process.stderr.write(slow.map(([ms, k]) => `${ms.toFixed(1)} ms ${k}`).join('\n') + '\n');
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const at = (xs: number[], q: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
  return { firstFrame: firstFrame || summary, summary, keyMedian: at(latencies, 0.5), keyP99: at(latencies, 0.99), bytesMedian: at(bytes, 0.5), bytesMax: Math.max(...bytes), editMs, editDuplicate, rss: process.memoryUsage().rss / 2 ** 20 };
}

/**
 * Accept-all as a person does it (A, then y on the first flagged record), through the journaled
 * step the workstation uses: the time from y to the frame that shows it, journal fsync included;
 * then u, which must take every one of those records back in one step; and how many operations
 * the journal holds for them.
 */
export async function benchAcceptAll(file: string): Promise<Record<string, number>> {
  const stdout = new Screen();
  const stdin = Object.assign(new EventEmitter(), { isTTY: true, setRawMode: () => {}, setEncoding: () => {}, resume: () => {}, pause: () => {}, ref: () => {}, unref: () => {}, read: () => null });
  const doc = await openDoc(file, { maxErrors: 1000, maxRecords: 1_000_000 }, undefined, undefined, true);
  doc.journal!.discard();
  let state = journaledStep(initialState(doc, 80, 24), { type: 'command', id: 'summary.start' });
  const app = render(<Frame state={state} />, { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, incrementalRendering: true, patchConsole: false, exitOnCtrlC: false, maxFps: 1000 });
  const step = async (action: Action) => {
    const t = performance.now();
    state = journaledStep(state, action);
    app.rerender(<Frame state={state} />);
    await new Promise((r) => setImmediate(r));
    return performance.now() - t;
  };
  await step({ type: 'command', id: 'record.accept-all' });
  if (state.confirm?.kind !== 'accept-all') throw new Error(`no repair to accept everywhere on line ${state.record.line}: ${state.message}`);
  const records = state.confirm.count;
  const acceptMs = await step({ type: 'answer', yes: true });
  const accepted = unsavedEdits(state.live);
  const journalOps = doc.journal!.read()?.ops.length ?? 0;
  const undoMs = await step({ type: 'command', id: 'app.undo' });
  const left = unsavedEdits(state.live);
  app.unmount();
  doc.journal!.discard();
  if (accepted !== 1 || left !== 0) throw new Error(`accept-all made ${accepted} undo steps and left ${left} after one undo`);
  return { records, acceptMs, undoMs, undoSteps: accepted, journalOps, rss: process.memoryUsage().rss / 2 ** 20 };
}

const [file, cliBundle, mode] = process.argv.slice(2);
// Large files are checked on every core, as in the real program: the workers run the CLI bundle.
if (cliBundle) enableParallelCheck(cliBundle);
if (file) process.stdout.write(JSON.stringify(mode === 'accept-all' ? await benchAcceptAll(file) : await benchWorkstation(file)) + '\n');
