/**
 * The keys of a shell line for every text the clerk types (a field, a search, a path, a
 * setting): a cursor that moves by character, Home/End, forward Delete, and the readline kills.
 * Pure: (text, caret) in, (text, caret) out. `caret` is a string index on a code-point boundary.
 */
export interface LineEdit {
  text: string;
  caret: number;
}

export type LineKey = 'left' | 'right' | 'home' | 'end' | 'backspace' | 'delete' | 'kill-word' | 'kill-start' | 'kill-end';

/** The length of the character before / after `at` (a surrogate pair is one character). */
function before(text: string, at: number): number {
  return at >= 2 && /[\uDC00-\uDFFF]/.test(text[at - 1]) && /[\uD800-\uDBFF]/.test(text[at - 2]) ? 2 : Math.min(at, 1);
}
function after(text: string, at: number): number {
  return at >= text.length ? 0 : (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
}

/** Typed or pasted text at the cursor; DEL and BS inside it (keys faster than read) delete. */
export function insert(edit: LineEdit, input: string): LineEdit {
  let { text, caret } = edit;
  for (const c of input) {
    if (c === '\u007f' || c === '\b') {
      const n = before(text, caret);
      text = text.slice(0, caret - n) + text.slice(caret);
      caret -= n;
    } else {
      text = text.slice(0, caret) + c + text.slice(caret);
      caret += c.length;
    }
  }
  return { text, caret };
}

export function applyKey({ text, caret }: LineEdit, key: LineKey): LineEdit {
  switch (key) {
    case 'left': return { text, caret: caret - before(text, caret) };
    case 'right': return { text, caret: caret + after(text, caret) };
    case 'home': return { text, caret: 0 };
    case 'end': return { text, caret: text.length };
    case 'backspace': return insert({ text, caret }, '\u007f');
    case 'delete': return { text: text.slice(0, caret) + text.slice(caret + after(text, caret)), caret };
    case 'kill-start': return { text: text.slice(caret), caret: 0 };
    case 'kill-end': return { text: text.slice(0, caret), caret };
    case 'kill-word': {
      // As readline's Ctrl-W: the spaces before the cursor, then the word before them.
      const start = text.slice(0, caret).search(/\S*\s*$/);
      return { text: text.slice(0, start) + text.slice(caret), caret: start };
    }
  }
}
