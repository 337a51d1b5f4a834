/**
 * npm run bench: rollfix check and fix --auto on generated GTID files of 10k, 100k and 1M records
 * (about 2% flawed, deterministic), beside two baselines on the same file measured in the same
 * run: csv-parse merely parsing it (streaming), and a bare Node stream that splits lines and
 * fields (the floor). Each figure is the median of several whole-process runs; peak RSS comes
 * from the process itself (bench/rss-probe.mjs), so no /usr/bin/time is needed.
 *   node bench/run.mjs [--sizes 10000,100000] [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './generate.mjs';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000,1000000' }, runs: { type: 'string', default: '3' } } });
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const out = join(root, 'bench/out');
mkdirSync(out, { recursive: true });

// NODE_EXTRA_CA_CERTS adds ~80 ms to every Node start on some machines; it is not ours to time.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

function measure(args) {
  const rssFile = join(out, 'rss.txt');
  const walls = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    rmSync(rssFile, { force: true });
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', join(root, 'bench/rss-probe.mjs'), ...args], { env: { ...env, ROLLFIX_RSS_OUT: rssFile }, stdio: ['ignore', 'ignore', 'pipe'] });
    walls.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (result.status !== 0 && result.status !== 1 && result.status !== 2) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    rss.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: median(walls), rss: Math.max(...rss) };
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(`rollfix bench: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, median of ${runs} runs\n`);
console.log(`${pad('records', 9)} ${pad('what', 26)} ${lpad('wall s', 8)} ${lpad('records/s', 11)} ${lpad('peak MB', 8)} ${lpad('× floor', 8)} ${lpad('× csv-parse', 11)}`);
for (const n of sizes) {
  const file = join(out, `gtid-${n}.txt`);
  if (!existsSync(file)) generate(n, file);
  const fixed = join(out, `gtid-${n}.fixed.txt`);
  const rows = [
    ['bare split (floor)', [join(root, 'bench/baselines/split.mjs'), file]],
    ['csv-parse, parse only', [join(root, 'bench/baselines/csv-parse.mjs'), file]],
    ['rollfix check --json', [join(root, 'bin/rollfix'), 'check', file, '--json']],
    ['rollfix fix --auto', [join(root, 'bin/rollfix'), 'fix', file, '--auto', '-o', fixed, '--force']],
  ].map(([what, args]) => ({ what, ...measure(args) }));
  const [floor, csv] = rows;
  for (const row of rows) {
    console.log(`${pad(n.toLocaleString('en-US'), 9)} ${pad(row.what, 26)} ${lpad(row.wall.toFixed(2), 8)} ${lpad(Math.round(n / row.wall).toLocaleString('en-US'), 11)} ${lpad(row.rss.toFixed(0), 8)} ${lpad((row.wall / floor.wall).toFixed(2), 8)} ${lpad((row.wall / csv.wall).toFixed(2), 11)}`);
  }
  console.log(`${pad('', 9)} (${(statSync(file).size / 1e6).toFixed(1)} MB file)`);
}
