/**
 * Checking a large file on several threads. The file is cut at line breaks into one part per
 * core; the main thread checks the first part while workers check the others, each with the
 * format's PartChecker, and the format merges the parts in file order. Workers run the same
 * bundle as the command (dist/rollfix.js), which starts a part when it finds `rollfixPart` in
 * its workerData. If a part finds the file is not UTF-8 after all, the caller checks again on one
 * thread as Windows-1252. Without a bundle (tests run the sources) everything stays on one thread.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { open } from 'node:fs/promises';
import { readAs, type CheckOptions, type Format, type ValidationResult } from './format.js';
import { describeHead, EncodingChanged, LineCutter, readLines, SNIFF, type ByteRange, type InputInfo, type Progress } from '../io/line-reader.js';

let workerScript: string | null = null;

/** Set by the command line: the bundle file that workers run. */
export function enableParallelCheck(bundle: string): void {
  workerScript = bundle;
}

/** Below this size a worker's start-up (about 60 ms) costs more than it saves. */
const MIN_BYTES = Number(process.env.ROLLFIX_PARALLEL_MIN_BYTES ?? 8 << 20);
const THREADS = Math.max(1, Math.min(Number(process.env.ROLLFIX_THREADS ?? availableParallelism()), 8));

interface PartJob {
  rollfixPart: true;
  formatId: string;
  input: InputInfo;
  options: CheckOptions;
  range: ByteRange;
  share: number;
  /** A file being written, whose bytes come as messages (see checkWhileWriting); `input.size` is a guess. */
  streamed?: boolean;
}

type PartReply = { part: unknown; openAtEnd?: boolean } | { encodingChanged: true } | { error: string };

/**
 * The main thread starts on its part at once, a worker about 0.1 s later (a thread and the bundle
 * to load): the first part is this much bigger than the others, so that all end together.
 */
const FIRST_PART_LEAD = 0.1;

/** Cuts [0, size) into `count` ranges that each start just after a line break. */
async function cutAtLineBreaks(input: InputInfo, count: number): Promise<ByteRange[]> {
  const handle = await open(input.path, 'r');
  const breakByte = input.eol === '\r' ? 0x0d : 0x0a;
  const starts = [0];
  try {
    const window = Buffer.alloc(1 << 16);
    for (let k = 1; k < count; k++) {
      let at = Math.floor((input.size * (k + FIRST_PART_LEAD)) / (count + FIRST_PART_LEAD));
      let cut = -1;
      while (cut < 0 && at < input.size) {
        const { bytesRead } = await handle.read(window, 0, window.length, at);
        const index = window.subarray(0, bytesRead).indexOf(breakByte);
        if (index >= 0) cut = at + index + 1;
        at += bytesRead;
      }
      if (cut > starts[starts.length - 1] && cut < input.size) starts.push(cut);
    }
  } finally {
    await handle.close();
  }
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? input.size }));
}

/** A part's check, and whether it ended inside a quoted field (then the cut was not at a record's end). */
interface Part {
  part: unknown;
  openAtEnd: boolean;
}

async function checkPart(format: Format, job: Omit<PartJob, 'rollfixPart' | 'formatId'>, first: boolean, progress?: Progress): Promise<Part> {
  const checker = format.parts!.checker(job.options, job.input, first, job.share);
  const stats = await readLines(job.input, (text, line, offset) => checker.line(text, line, offset), job.range, progress);
  return { part: checker.finishPart(stats), openAtEnd: stats.openAtEnd === true };
}

function inWorker(job: PartJob): Promise<Part> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript!, { workerData: job });
    worker.once('message', (reply: PartReply) => {
      if ('part' in reply) resolve({ part: reply.part, openAtEnd: reply.openAtEnd === true });
      else if ('encodingChanged' in reply) reject(new EncodingChanged());
      else reject(new Error(reply.error));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** The check of the whole file on several threads, or null when it is better done on one. */
/** `progress` follows the first part, which the others keep pace with. */
export async function checkInParts(format: Format, input: InputInfo, options: CheckOptions, progress?: Progress): Promise<ValidationResult | null> {
  if (!workerScript || input.lines || !format.parts || THREADS < 2 || input.size < MIN_BYTES || input.encoding !== 'utf-8' || !format.parts.canSplit(input)) return null;
  const ranges = await cutAtLineBreaks(input, THREADS);
  if (ranges.length < 2) return null;
  const jobs = ranges.map((range) => ({ input, options, range, share: (range.end - range.start) / input.size }));
  const parts = await Promise.all([
    // The parts go at about the same pace: the first part's lines stand for all of them.
    checkPart(format, jobs[0], true, progress && ((fraction, lines) => progress(fraction, Math.round(lines / jobs[0].share)))),
    ...jobs.slice(1).map((job) => inWorker({ ...job, rollfixPart: true, formatId: format.id })),
  ]);
  // A cut inside a quoted field that holds line breaks: the parts are not whole records, so one thread checks it.
  if (parts.slice(0, -1).some((p) => p.openAtEnd)) return null;
  return format.parts.merge(parts.map((p) => p.part), options, input);
}

/** In a worker: check the part described by workerData and send it back. */
/** The buffers of the typed arrays in a part (shallowly): moved to the main thread, not copied. */
function transferables(value: unknown, depth = 0, found: ArrayBuffer[] = []): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && !found.includes(value.buffer)) found.push(value.buffer);
  } else if (value && typeof value === 'object' && depth < 3 && !(Array.isArray(value) && value.length > 16)) {
    for (const v of Object.values(value)) transferables(v, depth + 1, found);
  }
  return found;
}

export async function runPartFromWorkerData(formatById: (id: string) => Format | undefined, reply: (message: PartReply, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const job = workerData as PartJob;
  try {
    const format = formatById(job.formatId);
    if (!format?.parts) throw new Error(`format ${job.formatId} cannot be checked in parts`);
    if (job.streamed) {
      const part = await checkStreamed(format, job);
      reply({ part }, transferables((part as { part: unknown }).part));
    } else {
      const { part, openAtEnd } = await checkPart(format, job, false);
      reply({ part, openAtEnd }, transferables(part));
    }
  } catch (error) {
    reply(error instanceof EncodingChanged ? { encodingChanged: true } : { error: (error as Error).stack ?? String(error) });
  }
}

export function isPartWorker(): boolean {
  return (workerData as PartJob | undefined)?.rollfixPart === true;
}

/**
 * In a worker: the check of a file as it is written, from its bytes as they come (messages of
 * ArrayBuffers, then `null`), cut into lines as readLines cuts them. The first 64 KB are held
 * until they can be described as inspectInput describes a file; the part comes back with that
 * description, which the writer compares with the written file's own before using the part.
 */
async function checkStreamed(format: Format, job: PartJob): Promise<unknown> {
  const chunks: Buffer[] = [];
  let held = 0;
  let cutter: LineCutter | null = null;
  let checker: ReturnType<NonNullable<Format['parts']>['checker']> | null = null;
  let input: InputInfo | null = null;
  const begin = () => {
    const all = Buffer.concat(chunks);
    input = readAs(format, { ...describeHead(job.input.path, job.input.size, all.subarray(0, SNIFF)), size: job.input.size });
    const c = (checker = format.parts!.checker(job.options, input, true, 1));
    cutter = new LineCutter(input, (text, line, offset) => c.line(text, line, offset));
    cutter.push(all);
  };
  await new Promise<void>((resolve, reject) => {
    parentPort!.on('message', (message: ArrayBuffer | null) => {
      try {
        if (message === null) {
          if (!cutter) begin();
          parentPort!.removeAllListeners('message');
          return resolve();
        }
        const bytes = Buffer.from(message);
        if (cutter) return (cutter as LineCutter).push(bytes);
        chunks.push(bytes);
        held += bytes.length;
        if (held >= SNIFF) begin();
      } catch (error) {
        parentPort!.removeAllListeners('message');
        reject(error);
      }
    });
  });
  const stats = (cutter as LineCutter | null)!.end();
  return { part: checker!.finishPart(stats), input };
}

/** Files past this size are checked after they are written: a part checker may choose its ways by size (one reads differently past 2 GB). */
const MAX_STREAMED = 1 << 30;

export interface WhileWriting {
  /** The next bytes of the file, as written (the BOM too); the caller does not use them after. */
  push(bytes: Uint8Array): void;
  /** After the last byte: the check, on the written file's own description (`written`), or null to check it again. */
  finish(written: InputInfo, options: CheckOptions): Promise<ValidationResult | null>;
  abort(): void;
}

/**
 * The check of a file that is being written, on a worker, while it is written: the bytes go to
 * the worker as they are flushed, so `fix --auto` does not read back and check its output after
 * writing it. Null when the file is better checked after (no bundle, one core, a small file, a
 * format without parts). The result is used only if the worker described the file exactly as
 * inspectInput describes the written file; else (or if the file is not UTF-8 after all) null.
 */
export function checkWhileWriting(format: Format, options: CheckOptions, path: string, sizeGuess: number, encoding: InputInfo['encoding']): WhileWriting | null {
  if (!workerScript || !format.parts || THREADS < 2 || sizeGuess < MIN_BYTES || sizeGuess >= MAX_STREAMED || encoding !== 'utf-8') return null;
  const guess: InputInfo = { path, size: sizeGuess, encoding, bom: false, eol: '\n', sample: [] };
  const job: PartJob = { rollfixPart: true, formatId: format.id, input: guess, options, range: { start: 0, end: 0 }, share: 1, streamed: true };
  const worker = new Worker(workerScript, { workerData: job });
  const reply = new Promise<{ part: unknown; input: InputInfo } | null>((resolve) => {
    worker.once('message', (message: PartReply) => resolve('part' in message ? (message.part as { part: unknown; input: InputInfo }) : null));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  return {
    push(bytes) {
      // Moved, not copied, when the bytes are a whole buffer of their own (the writer's flushes); else copied.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      const buffer = own ? (bytes.buffer as ArrayBuffer) : new Uint8Array(bytes).buffer;
      worker.postMessage(buffer, [buffer]);
    },
    async finish(written, checkOptions) {
      worker.postMessage(null);
      const got = await reply;
      void worker.terminate();
      if (!got || !sameDescription(got.input, written) || written.size >= MAX_STREAMED || !format.parts!.canSplit(written)) return null;
      return format.parts!.merge([got.part], checkOptions, written);
    },
    abort() {
      void worker.terminate();
    },
  };
}

function sameDescription(a: InputInfo, b: InputInfo): boolean {
  return a.encoding === b.encoding && a.bom === b.bom && a.eol === b.eol && a.sample.length === b.sample.length && a.sample.every((line, i) => line === b.sample[i]);
}
