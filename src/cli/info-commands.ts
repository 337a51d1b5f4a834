/** `rollfix formats` and `rollfix explain CODE`: generated from the formats' own declarations. */
import { writeOut } from './terminal.js';
import { FORMATS } from '../../formats/registry.js';
import { explainText, type IssueType } from '../core/issue-type.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './usage-error.js';

export const FORMATS_HELP = `Usage: rollfix formats

Lists every format rollfix checks, the specification it implements, how a file is recognised
(content first, file name second) and its record layouts.
`;

/** A code of the first format's own, for the help. */
const EXAMPLE_CODE = FORMATS[0].issueTypes.find((t) => t.code.startsWith(`${FORMATS[0].id}/`))?.code ?? FORMATS[0].issueTypes[0].code;

export const EXPLAIN_HELP = `Usage: rollfix explain [CODE]

Without CODE: every issue code with its severity and title. With CODE (e.g. ${EXAMPLE_CODE}):
what the receiving system does, why, and how to fix it.
`;

export function formatsCommand(args: string[] = []): number {
  if (args.includes('--help') || args.includes('-h')) return writeOut(FORMATS_HELP), EXIT.clean;
  if (args.length > 0) throw new UsageError(`formats takes no arguments`);
  for (const format of FORMATS) {
    writeOut(`${format.id}  ${format.title}\n  seed: ${format.seed}\n  detected by: ${format.detection}\n`);
    for (const layout of format.layouts) writeOut(`  ${layout.title}\n`);
  }
  return EXIT.clean;
}

export function allIssueTypes(): IssueType[] {
  const byCode = new Map<string, IssueType>();
  for (const format of FORMATS) for (const type of format.issueTypes) byCode.set(type.code, type);
  return [...byCode.values()];
}

export function explainCommand(args: string[]): number {
  if (args.includes('--help') || args.includes('-h')) return writeOut(EXPLAIN_HELP), EXIT.clean;
  const types = allIssueTypes();
  if (args.length === 0) {
    for (const t of types) writeOut(`${t.code.padEnd(32)} ${t.severity.padEnd(8)} ${t.title}\n`);
    return EXIT.clean;
  }
  const type = types.find((t) => t.code === args[0]);
  if (!type) {
    const near = types.filter((t) => t.code.includes(args[0].replace(/^.*\//, ''))).map((t) => t.code);
    throw new UsageError(`no issue code "${args[0]}"${near.length ? `; did you mean ${near.slice(0, 3).join(', ')}?` : ''} (rollfix explain lists them all)`);
  }
  writeOut(explainText(type));
  return EXIT.clean;
}
