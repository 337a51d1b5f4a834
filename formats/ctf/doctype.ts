/**
 * A DOCTYPE (and the entity declarations inside it) has no place in a CTF: DfE's schema declares
 * none, and a receiving MIS that reads XML safely refuses a document with a DTD (the .NET default,
 * DtdProcessing.Prohibit, throws), since entities can expand without bound or read local files.
 * Removing it is safe when the body uses no entity the DTD declares: the text is then unchanged.
 */
import { issueAt, type Issue } from '../../src/core/issue.js';

const DOCTYPE = /<!DOCTYPE\b(?:[^[>]*\[[\s\S]*?\]\s*>|[^>]*>)\s*/i;
const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

export const REMOVE_DOCTYPE = 'ctf/remove-doctype';

/** The DOCTYPE of the text, where it is, and whether removing it leaves the body as it was. */
export function findDoctype(text: string): { start: number; end: number; line: number; safe: boolean; entities: boolean } | null {
  const m = DOCTYPE.exec(text);
  if (!m) return null;
  const start = m.index;
  const end = start + m[0].length;
  const body = text.slice(end);
  const used = [...body.matchAll(/&([A-Za-z_][\w.-]*);/g)].some((u) => !PREDEFINED.has(u[1]));
  return { start, end, line: text.slice(0, start).split('\n').length, safe: !used, entities: /<!ENTITY/i.test(m[0]) };
}

export function doctypeIssue(text: string): Issue | null {
  const found = findDoctype(text);
  if (!found) return null;
  const what = found.entities ? 'a DOCTYPE with entity declarations' : 'a DOCTYPE';
  const repair = found.safe
    ? { confidence: 'safe' as const, action: REMOVE_DOCTYPE, reason: 'the DOCTYPE removed; the pupils use none of its entities, so nothing else changes' }
    : { confidence: 'review' as const, action: REMOVE_DOCTYPE, reason: 'the DOCTYPE removed: the pupils use entities it declares, which must be written out by hand first' };
  return issueAt('ctf/doctype', 'reject', found.line, null, `The file has ${what}; a receiving MIS refuses a CTF with a DTD`, repair);
}

/** The text without its DOCTYPE when that is safe, else as it was. */
export function removeDoctype(text: string): string {
  const found = findDoctype(text);
  return found?.safe ? text.slice(0, found.start) + text.slice(found.end) : text;
}
