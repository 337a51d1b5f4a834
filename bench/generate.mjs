/**
 * Generates a GTID Student Batch File of N detail records, about 2% of them flawed in the ways
 * clerks' files are (deterministic: the same N always gives the same bytes).
 *   node bench/generate.mjs N OUT
 */
import { openSync, writeSync, closeSync } from 'node:fs';

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LAST = ['Johnson', 'Smith', 'Garcia', 'Nguyen', 'Williams', 'Brown', 'Davis', 'Martinez', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Hernandez', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Lopez', 'Lee', "O'Brien", 'Harris', 'Clark-Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott'];
const FIRST = ['Emily', 'Michael', 'Sofia', 'Liam', 'Anh', 'James', 'Olivia', 'Noah', 'Isabella', 'Ivy', 'Ethan', 'Grace', 'Mia', 'Mateo', 'Ava', 'Lucas', 'Chloe', 'Aiden', 'Zoe', 'Elijah'];
const GRADES = ['KK', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const RACES = ['A', 'B', 'H', 'I', 'M', 'W'];
const pad = (n, w) => String(n).padStart(w, '0');

/**
 * `sameFlawEvery`: also give every K-th record (from the first) a gender written as a word, so
 * that one repair applies to n / K records (the accept-all bench).
 */
export function generate(n, out, seed = 20261122, flawRate = 0.02, sameFlawEvery = 0) {
  const rand = mulberry32(seed + n);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const fd = openSync(out, 'w');
  let buffer = 'TH\t11/15/2026\t14:30:00\t20261115\t1.0\tdelimiter=,\n';
  for (let i = 0; i < n; i++) {
    const g = Math.floor(rand() * GRADES.length);
    const f = {
      school: pad(100 + (i % 90), 4), resident: '644', last: pick(LAST), first: pick(FIRST), middle: rand() < 0.3 ? pick(FIRST) : '', suffix: '',
      gender: rand() < 0.5 ? 'M' : 'F', birth: `${pad(1 + Math.floor(rand() * 8), 2)}/${pad(1 + Math.floor(rand() * 28), 2)}/${2021 - g}`,
      grade: GRADES[g], local: String(1000000 + i), ssn: rand() < 0.5 ? `${pad(100 + Math.floor(rand() * 500), 3)}${pad(10 + Math.floor(rand() * 89), 2)}${pad(1000 + Math.floor(rand() * 8999), 4)}` : '',
      race: pick(RACES), gtid: rand() < 0.5 ? String(7000000000 + i) : '', district: '644', year: '2027',
    };
    if (sameFlawEvery && i % sameFlawEvery === 0) f.gender = f.gender === 'M' ? 'Male' : 'Female';
    else if (rand() < flawRate) {
      switch (Math.floor(rand() * 8)) {
        case 0: f.last = `"${f.last}, Jr."`; break;
        case 1: f.grade = g === 0 ? 'K' : String(g); break;
        case 2: { const [m, d, y] = f.birth.split('/'); f.birth = `${y}-${m}-${d}`; break; }
        case 3: f.gender = f.gender === 'M' ? 'Male' : 'Female'; break;
        case 4: f.ssn = `${pad(100 + Math.floor(rand() * 500), 3)}-${pad(10 + Math.floor(rand() * 89), 2)}-${pad(1000 + Math.floor(rand() * 8999), 4)}`; break;
        case 5: f.local = String(1000000 + Math.floor(rand() * Math.max(i, 1))); break;
        case 6: f.year = '2026-2027'; break;
        default: f.last = `${f.last} (${pick(LAST)})`;
      }
    }
    buffer += `ID,${f.school},${f.resident},${f.last},${f.first},${f.middle},${f.suffix},${f.gender},${f.birth},${f.grade},${f.local},${f.ssn},${f.race},${f.gtid},${f.district},${f.year}\n`;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  }
  buffer += `TT\t20261115\t${n + 2}\n`;
  writeSync(fd, buffer);
  closeSync(fd);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n, out] = process.argv.slice(2);
  if (!n || !out) {
    process.stderr.write('usage: node bench/generate.mjs N OUT\n');
    process.exit(64);
  }
  generate(Number(n), out);
}
