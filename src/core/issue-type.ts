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
