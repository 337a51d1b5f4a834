/**
 * Start-up as a clerk sees it: from running `rollfix FILE` in a terminal to its first frame (the
 * progress line) and to the summary. The program runs under `script` (util-linux), which gives
 * it a real terminal; times are taken when those reach the terminal, then q quits. Medians of N runs.
 *   node bench/startup.mjs FILE [N]
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, TERM: 'xterm-256color', COLUMNS: '80', LINES: '24' };
delete env.NODE_EXTRA_CA_CERTS; // adds ~80 ms to every Node start here; not ours to time
delete env.CI; // Ink draws only the last frame when CI is set

function once(file) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const command = `stty cols 80 rows 24; exec ${process.execPath} ${join(root, 'bin/rollfix')} '${file.replace(/'/g, "'\\''")}'`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
    let seen = '';
    let first = null;
    let summary = null;
    child.stdout.on('data', (chunk) => {
      seen += chunk.toString('utf8');
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (first === null && /Checking|Summary/.test(seen)) first = ms;
      if (summary === null && seen.includes('Summary')) {
        summary = ms;
        child.stdin.write('q');
      }
    });
    child.on('error', reject);
    child.on('exit', () => (summary === null ? reject(new Error(`no summary on screen:\n${seen.slice(-400)}`)) : resolve({ first, summary })));
    setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
    child.stdin.on('error', () => {}); // the program may be gone before q reaches it
  });
}

export async function startup(file, runs = 5) {
  if (spawnSync('sh', ['-c', 'command -v script']).status !== 0) return null;
  const times = [];
  try {
    for (let i = 0; i < runs; i++) times.push(await once(file));
  } catch (error) {
    process.stderr.write(`start-up not measured: ${error.message}\n`); // no terminal device here?
    return null;
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { first: median(times.map((t) => t.first)), summary: median(times.map((t) => t.summary)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ms = await startup(process.argv[2] ?? join(root, 'formats/gtid/samples/sample.txt'), Number(process.argv[3] ?? 5));
  console.log(ms === null ? 'skipped: script (util-linux) is not installed' : `first frame ${ms.first.toFixed(0)} ms, summary ${ms.summary.toFixed(0)} ms`);
}
