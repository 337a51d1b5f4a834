/**
 * Splitting a lost-pupil CTF (destination XXXXXXX, "this file should only hold information on
 * one pupil", seed 001) into one file per pupil: each keeps the whole file but the other pupils,
 * and is numbered on after the original (which stays as it is). Each part must parse before it is offered.
 */
import { basename } from 'node:path';
import type { InputInfo } from '../../src/io/line-reader.js';
import { readCtf } from './ctf-document.js';
import { readAllLines } from '../../src/io/whole-file.js';
import { ctfName, NAME } from './rules.js';
import { schools } from './passes.js';
import { parseXml, type XmlElement } from './xml-document.js';

/** The element's text range widened to whole lines when it stands on lines of its own. */
function wholeLines(text: string, element: XmlElement): [number, number] {
  const lineStart = text.lastIndexOf('\n', element.start - 1) + 1;
  const from = text.slice(lineStart, element.start).trim() === '' ? lineStart : element.start;
  const lineEnd = text.indexOf('\n', element.end);
  const to = text.slice(element.end, lineEnd < 0 ? text.length : lineEnd).trim() === '' && lineEnd >= 0 ? lineEnd + 1 : element.end;
  return [from, to];
}

export interface SplitPart {
  name: string;
  lines: string[];
}

/** The parts, or a sentence saying why the file is not one to split. */
export function splitLostPupils(input: InputInfo): SplitPart[] | string {
  const doc = readCtf(readAllLines(input));
  if (doc.xml.error) return `the XML is not well-formed (line ${doc.xml.error.line}); it cannot be split`;
  const { source, destination } = schools(doc);
  if (destination !== 'XXXXXXX') return 'only a lost-pupil file (destination XXXXXXX) is split; this one has a destination school';
  if (doc.pupils.length < 2) return 'the file holds one pupil already';
  if (!source) return "the header's SourceSchool is not a valid LEA and Estab, so the parts cannot be named";
  const sequence = Number(NAME.exec(basename(input.path))?.[4] ?? 1);
  return doc.pupils.map((keep, i) => {
    let text = doc.text;
    for (const other of [...doc.pupils].reverse()) {
      if (other === keep) continue;
      const [from, to] = wholeLines(text, other.element);
      text = text.slice(0, from) + text.slice(to);
    }
    const { error } = parseXml(text);
    if (error) throw new Error(`splitting made XML that is not well-formed (line ${error.line}): ${error.message}`);
    return { name: ctfName(source, 'XXXXXXX', sequence + 1 + i), lines: text.split('\n') };
  });
}
