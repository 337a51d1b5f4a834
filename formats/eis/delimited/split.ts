/**
 * Splitting an EIS comma-delimited record into values, remembering which were in quotes: EIS
 * Collection quotes text fields and never dates (seed 004), so the quoting itself is checked.
 * A record never spans lines; `""` inside quotes is one quote.
 */
import { readQuoted } from '../../../src/io/delimited.js';

export interface Token {
  value: string;
  quoted: boolean;
}

export function splitQuoted(line: string): { tokens: Token[]; unclosed: boolean } {
  const tokens: Token[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      const quoted = readQuoted(line, i);
      if (!quoted.closed) return { tokens: [...tokens, { value: quoted.value, quoted: true }], unclosed: true };
      let value = quoted.value;
      const j = quoted.end;
      // Text after the closing quote and before the comma belongs to the value (a stray quote).
      const comma = line.indexOf(',', j);
      value += line.slice(j, comma < 0 ? line.length : comma);
      tokens.push({ value, quoted: true });
      if (comma < 0) return { tokens, unclosed: false };
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      tokens.push({ value: line.slice(i, comma < 0 ? line.length : comma), quoted: false });
      if (comma < 0) return { tokens, unclosed: false };
      i = comma + 1;
    }
  }
}

/** A value in quotes as EIS Collection writes text: an inner quote doubled. */
export function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}
