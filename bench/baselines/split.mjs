// The floor: a bare Node stream that cuts the file into lines and each line into fields.
import { createReadStream } from 'node:fs';

let carry = '';
let fields = 0;
let lines = 0;
for await (const chunk of createReadStream(process.argv[2], { highWaterMark: 1 << 20 })) {
  const text = carry + chunk.toString('utf8');
  let start = 0;
  for (let cut = text.indexOf('\n'); cut !== -1; cut = text.indexOf('\n', start)) {
    fields += text.slice(start, cut).split(',').length;
    lines++;
    start = cut + 1;
  }
  carry = text.slice(start);
}
process.stdout.write(`${lines} lines, ${fields} fields\n`);
