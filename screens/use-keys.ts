import { useEffect, useRef } from 'react';
import { useInput, useStdin } from 'ink';
import { forEachKey, splitKeys, type KeyPress } from '../src/session/key-map.js';
import type { Action, State } from '../src/session/workstation-state.js';

/**
 * The workstation's keys, once a file is open: they become actions through the pure key map.
 * The state is read before every key of a chunk, not when the screen was last drawn: keys that
 * arrive together ("nnn" over a slow link, Enter then Backspace) must each see the mode the
 * previous key put the screen in.
 */
export function useKeys(current: () => State | null, dispatch: (action: Action) => void): void {
  useWholeKeys((input, key) => forEachKey(input, key, current, dispatch));
}

/**
 * The keys of a screen with nothing to type (the resume prompt, the file list), one at a time
 * even when they arrive together. `handle` returns true when the screen is done with keys (it
 * answered and closes), so the rest of the chunk is not read as answers too.
 */
export function useKeyPresses(handle: (input: string, key: KeyPress) => boolean | undefined, options?: { isActive?: boolean }): void {
  useWholeKeys((input, key) => {
    for (const press of splitKeys(input, key)) if (handle(press.input, press.key)) return;
  }, options);
}

/**
 * How long a lone Esc waits for the rest of an escape sequence. Ink waits only until its next
 * turn of the event loop; over a slow link an arrow's ESC and its `[B` arrive in two reads, and
 * would act as Esc, then `[` and `B`. 50 ms is far below a second key press by hand.
 */
export const ESCAPE_WAIT_MS = 50;

/** What may follow ESC to make one key: CSI (`[A`, `[5~`, `[[A`) or SS3 (`OA`). */
const SEQUENCE_TAIL = /^(?:\[\[?[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|O[\x40-\x7e])/;

/**
 * Ink's useInput, with every key whole: Backspace told from Delete by its bytes, and an escape
 * sequence cut in two by a slow link joined again. The raw listener is added before useInput's
 * (effects run in order, and useInput's is added again at every render), so it sees each read's
 * bytes before the handler gets its key.
 */
function useWholeKeys(handle: (input: string, key: KeyPress) => void, options?: { isActive?: boolean }): void {
  const { internal_eventEmitter: events } = useStdin();
  const latest = useRef(handle);
  latest.current = handle;
  const raw = useRef('');
  const heldEscape = useRef<NodeJS.Timeout | null>(null);
  const joined = useRef(false);
  useEffect(() => {
    const seen = (data: string) => {
      raw.current = data;
      if (!heldEscape.current) return;
      clearTimeout(heldEscape.current);
      heldEscape.current = null;
      const tail = SEQUENCE_TAIL.exec(data);
      if (!tail) {
        latest.current('', { escape: true });
        return;
      }
      // The rest of the held sequence: read again as one key (and what came after it), and the
      // handler skips this read as it stands.
      events?.emit('input', `\u001b${tail[0]}`);
      if (data.length > tail[0].length) events?.emit('input', data.slice(tail[0].length));
      joined.current = true;
    };
    events?.on('input', seen);
    return () => {
      events?.removeListener('input', seen);
      if (heldEscape.current) clearTimeout(heldEscape.current);
    };
  }, [events]);
  useInput((input, key) => {
    if (joined.current) {
      joined.current = false;
      return;
    }
    if (key.escape && raw.current === '\u001b') {
      heldEscape.current = setTimeout(() => {
        heldEscape.current = null;
        latest.current('', { escape: true });
      }, ESCAPE_WAIT_MS);
      return;
    }
    latest.current(input, keyOf(key, raw.current));
  }, options);
}

/**
 * Ink names both Backspace (DEL, 0x7f) and the Delete key (ESC [3~) "delete"; only the bytes
 * tell them apart.
 */
function keyOf(key: KeyPress, raw: string): KeyPress {
  if (!key.delete || raw.includes('[3')) return key;
  return { ...key, delete: false, backspace: true };
}
