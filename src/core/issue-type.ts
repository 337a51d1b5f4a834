import type { Severity } from './issue.js';

/**
 * One declaration per kind of issue (after frictionless' errors/*.py): what `rollfix explain`
 * prints and what the README's code table is generated from.
 */
export interface IssueType {
  /** Stable kebab code, `scope/name`; never renamed or repurposed once released. */
  code: string;
  severity: Severity;
  title: string;
  /** What the receiving system does and why. */
  description: string;
  /** How to fix it, in a clerk's words. */
  fix: string;
}

const SEVERITY_TEXT: Record<Severity, string> = {
  reject: 'reject: the whole file would be refused',
  error: 'error: the record is flagged for the Fix Errors stage',
  warning: 'warning: advice; the file is accepted',
};

/** What `rollfix explain CODE` prints, and the workstation's i shows. */
export function explainText(type: IssueType): string {
  return `${type.code}: ${type.title}\n  severity  ${SEVERITY_TEXT[type.severity]}\n\n${type.description}\n\nHow to fix: ${type.fix}\n`;
}
