/** `rollfix memory list|forget|path`: the decisions remembered for the next export of each school. */
import { writeOut } from './terminal.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './usage-error.js';
import { sanitise } from '../core/printable.js';
import { forget, forgetAll, listMemory, memoryDir } from '../session/memory-store.js';

export const MEMORY_HELP = `Usage: rollfix memory list [NAME]
       rollfix memory forget NAME [KEY] | --all
       rollfix memory path

Decisions you made about records (repairs accepted, values typed, records deleted, values
kept with a reason) are remembered by the record's key, per format and school (NAME, e.g.
FORMAT--SCHOOL, as memory list names it), and offered when the next export of that school is opened.
  list      every school's decisions (NAME: one school's, one per line)
  forget    forget a school's decisions, or one student's (KEY); --all forgets everything
  path      the folder they are kept in (0700; files 0600; no national ID in clear)
`;

export function memoryCommand(args: string[]): number {
  const [verb, name, key] = args;
  switch (verb) {
    case 'path':
      writeOut(memoryDir() + '\n');
      return EXIT.clean;
    case 'list':
    case undefined: {
      const scopes = listMemory().filter((s) => !name || s.name === name);
      if (scopes.length === 0) writeOut(name ? `nothing remembered for ${sanitise(name)}\n` : `nothing remembered yet (${memoryDir()})\n`);
      for (const s of scopes) {
        writeOut(`${s.name}  (${s.format}, ${s.scope === 'all' ? 'every file of the format' : `school ${sanitise(s.scope)}`}): ${s.decisions.length} decision${s.decisions.length === 1 ? '' : 's'}\n`);
        if (!name) continue;
        for (const d of s.decisions) {
          const before = d.beforeHash ? '(a national ID: only its salted hash is kept)' : `"${sanitise(d.before ?? '')}"`;
          const what = d.kind === 'delete' ? 'delete the record' : d.kind === 'keep' ? `keep ${before}: ${sanitise(d.reason ?? '')}` : `${before} -> ${d.after === undefined ? '(a national ID: not stored, never replayed)' : `"${sanitise(d.after)}"`}`;
          writeOut(`  ${d.date}  ${sanitise(d.key).padEnd(12)} ${sanitise(d.field || '(record)').padEnd(24)} ${d.kind.padEnd(6)} ${what}  [${d.code}]\n`);
        }
      }
      return EXIT.clean;
    }
    case 'forget': {
      if (name === '--all') {
        forgetAll();
        writeOut('forgot every remembered decision\n');
        return EXIT.clean;
      }
      if (!name) throw new UsageError('memory forget needs a NAME (rollfix memory list shows them) or --all');
      const n = forget(name, key);
      if (n < 0) throw new UsageError(`nothing remembered as ${name} (rollfix memory list shows the names)`);
      writeOut(`forgot ${n} decision${n === 1 ? '' : 's'}${key ? ` about ${sanitise(key)}` : ''} of ${sanitise(name)}\n`);
      return EXIT.clean;
    }
    default:
      throw new UsageError(`unknown memory command "${verb}"; use list, forget or path`);
  }
}
