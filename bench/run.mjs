/**
 * npm run bench: rollfix check and fix --auto on generated GTID files of 10k, 100k and 1M records
 * (about 2% flawed, deterministic), beside two baselines on the same file measured in the same
 * run: csv-parse merely parsing it (streaming), and a bare Node stream that splits lines and
 * fields (the floor). Each figure is the median of several whole-process runs; peak RSS comes
 * from the process itself (bench/rss-probe.mjs), so no /usr/bin/time is needed.
 *   node bench/run.mjs [--sizes 10000,100000] [--runs 3] [--only cli]
 * `--only cli` measures the command-line rows alone (no start-up, workstation or other tools),
 * to iterate quickly; BENCH_SIZES and BENCH_ROUNDS stand for --sizes and --runs (npm run bench).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { generate } from './generate.mjs';
import { startup } from './startup.mjs';
import { workbookPair } from './workbook.mjs';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { sizes: { type: 'string', default: process.env.BENCH_SIZES ?? '10000,100000,1000000' }, runs: { type: 'string', default: process.env.BENCH_ROUNDS ?? '3' }, only: { type: 'string' } } });
if (values.only !== undefined && values.only !== 'cli') throw new Error(`--only takes "cli", not "${values.only}"`);
const cliOnly = values.only === 'cli';
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const out = join(root, 'bench/out');
mkdirSync(out, { recursive: true });

// NODE_EXTRA_CA_CERTS adds ~80 ms to every Node start on some machines; it is not ours to time.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

/** One whole-process run: wall seconds and peak RSS in MB. */
function runOnce(args) {
  const rssFile = join(out, 'rss.txt');
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', join(root, 'bench/rss-probe.mjs'), ...args], { env: { ...env, ROLLFIX_RSS_OUT: rssFile }, stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0 && result.status !== 1 && result.status !== 2) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return { wall, rss: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Every command once per round, round after round, so that a slow spell of a shared machine
 * falls on all of them alike; each ratio is the median of the rounds' own ratios.
 */
function measureRounds(commands) {
  const rounds = [];
  for (let i = 0; i < runs; i++) rounds.push(commands.map(([, args]) => runOnce(args)));
  return commands.map(([what], c) => ({
    what,
    wall: median(rounds.map((r) => r[c].wall)),
    rss: Math.max(...rounds.map((r) => r[c].rss)),
    perFloor: median(rounds.map((r) => r[c].wall / r[0].wall)),
    perCsv: median(rounds.map((r) => r[c].wall / r[1].wall)),
  }));
}

// The workstation's own bench runs in one process (bench/workstation.tsx), bundled like the program.
await build({
  entryPoints: [join(root, 'bench/workstation.tsx')], outdir: join(out, 'ws'), bundle: true, splitting: true, platform: 'node', format: 'esm',
  jsx: 'automatic', external: ['react-devtools-core'], define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'warning',
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
});

function workstation(file, mode = '') {
  const result = spawnSync(process.execPath, [join(out, 'ws/workstation.js'), file, join(root, 'dist/rollfix.js'), mode], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`workstation bench failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

/** Tools a clerk might use instead, where the machine has them (apt-get install visidata miller csvkit). */
function alternatives(detailOnly) {
  const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
  const rows = [];
  const time = (what, cmd, args) => {
    if (!has(cmd)) return rows.push({ what, skipped: `${cmd} not installed` });
    const start = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    rows.push(r.status === 0 ? { what, wall } : { what, skipped: `${cmd} failed: ${String(r.stderr).slice(0, 80)}` });
  };
  time('VisiData load+save (batch)', 'vd', ['-b', '--save-filetype=csv', '-o', join(out, 'vd.csv'), detailOnly]);
  time('mlr parse to CSV', 'mlr', ['--icsv', '--ocsv', '--implicit-csv-header', '--allow-ragged-csv-input', 'cat', detailOnly]);
  time('csvclean', 'csvclean', [detailOnly]);
  return rows;
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(`rollfix bench: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, median of ${runs} rounds (each command once a round; ratios are the median of each round's)\n`);
const start = cliOnly ? null : await startup(join(root, 'formats/gtid/samples/sample.txt'), runs * 2 + 1);
if (!cliOnly) console.log(start ? `start-up in a real terminal (the 18-line sample, \`rollfix FILE\` under script(1)): first frame ${start.first.toFixed(0)} ms, summary ${start.summary.toFixed(0)} ms\n` : 'start-up in a real terminal: skipped (no script(1) from util-linux, or no terminal device)\n');
console.log(`${pad('records', 9)} ${pad('what', 26)} ${lpad('wall s', 8)} ${lpad('records/s', 11)} ${lpad('peak MB', 8)} ${lpad('× floor', 8)} ${lpad('× csv-parse', 11)}`);
for (const n of sizes) {
  const file = join(out, `gtid-${n}.txt`);
  if (!existsSync(file)) generate(n, file);
  const fixed = join(out, `gtid-${n}.fixed.txt`);
  // csv-parse is the slowest row by far: `--only cli` leaves it out (its column then shows '-').
  const rows = measureRounds([
    ['bare split (floor)', [join(root, 'bench/baselines/split.mjs'), file]],
    ...(cliOnly ? [] : [['csv-parse, parse only', [join(root, 'bench/baselines/csv-parse.mjs'), file]]]),
    ['rollfix check --json', [join(root, 'bin/rollfix'), 'check', file, '--json']],
    ['rollfix fix --auto', [join(root, 'bin/rollfix'), 'fix', file, '--auto', '-o', fixed, '--force']],
  ]);
  for (const row of rows) {
    const perCsv = cliOnly ? '-' : row.perCsv.toFixed(2);
    console.log(`${pad(n.toLocaleString('en-US'), 9)} ${pad(row.what, 26)} ${lpad(row.wall.toFixed(2), 8)} ${lpad(Math.round(n / row.wall).toLocaleString('en-US'), 11)} ${lpad(row.rss.toFixed(0), 8)} ${lpad(row.perFloor.toFixed(2), 8)} ${lpad(perCsv, 11)}`);
  }
  console.log(`${pad('', 9)} (${(statSync(file).size / 1e6).toFixed(1)} MB file)`);
  if (cliOnly) continue;
  const ws = workstation(file);
  console.log(`${pad('', 9)} workstation: first frame ${ws.firstFrame.toFixed(0)} ms, summary ${(ws.summary / 1000).toFixed(2)} s, key median ${ws.keyMedian.toFixed(1)} ms, p99 ${ws.keyP99.toFixed(1)} ms, ${ws.bytesMedian} bytes/key (max ${ws.bytesMax}), ${ws.rss.toFixed(0)} MB`);
  console.log(`${pad('', 9)} an edit kept that makes a duplicate Local Student ID: ${ws.editMs.toFixed(1)} ms from Enter to the frame (${ws.editDuplicate ? 'duplicate shown' : 'NO duplicate shown'}; ${n + 2 <= 20_000 ? 'the whole file checked again' : 'checked again where the edit touched'})`);
  // One repair in every 50th record (gender written as a word): accept-all on n / 50 records.
  const same = join(out, `gtid-${n}-same-flaw.txt`);
  if (!existsSync(same)) generate(n, same, undefined, undefined, 50);
  const all = workstation(same, 'accept-all');
  console.log(`${pad('', 9)} accept-all: ${all.records.toLocaleString('en-US')} records in ${all.acceptMs.toFixed(0)} ms (journal fsync and frame included), ${all.journalOps} journal entry, ${all.undoSteps} undo step (${all.undoMs.toFixed(0)} ms)`);
  const detailOnly = join(out, `gtid-${n}.details.csv`);
  if (!existsSync(detailOnly)) writeFileSync(detailOnly, readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('ID')).join('\n') + '\n');
  const check = rows.find((r) => r.what === 'rollfix check --json');
  for (const alt of alternatives(detailOnly)) {
    console.log(`${pad('', 9)} ${pad(alt.what, 26)} ${alt.skipped ? `skipped: ${alt.skipped}` : `${lpad(alt.wall.toFixed(2), 8)} s; rollfix check is ${(check.wall / alt.wall).toFixed(2)}x its time`}`);
  }
}

// Excel workbooks (issue #16): the same Target Tracker rows as a workbook and as CSV, in the same rounds.
for (const n of sizes.filter((s) => s <= 100_000)) {
  const { xlsx, csv } = await workbookPair(n, out);
  const rounds = [];
  for (let i = 0; i < runs; i++) rounds.push([runOnce([join(root, 'bin/rollfix'), 'check', csv, '--json']), runOnce([join(root, 'bin/rollfix'), 'check', xlsx, '--json'])]);
  const [c, x] = [0, 1].map((k) => ({ wall: median(rounds.map((r) => r[k].wall)), rss: Math.max(...rounds.map((r) => r[k].rss)) }));
  const ratio = median(rounds.map((r) => r[1].wall / r[0].wall));
  console.log(`${pad(n.toLocaleString('en-US'), 9)} Target Tracker: check of the CSV ${c.wall.toFixed(2)} s (${c.rss.toFixed(0)} MB), of the same rows as a workbook ${x.wall.toFixed(2)} s (${x.rss.toFixed(0)} MB, ${(statSync(xlsx).size / 1e6).toFixed(1)} MB file): ${ratio.toFixed(2)}x (target: 3x)`);
}
