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
  const raw = useRawInput();
  useInput((input, key) => forEachKey(input, keyOf(key, raw.current), current, dispatch));
}

/**
 * The bytes of the key being read. Ink names both Backspace (DEL, 0x7f) and the Delete key
 * (ESC [3~) "delete"; only the bytes tell them apart. This listener is added before useInput's
 * (effects run in order, and useInput's is added again at every render), so it has seen the
 * bytes by the time the key reaches the handler.
 */
function useRawInput(): { current: string } {
  const { internal_eventEmitter: events } = useStdin();
  const raw = useRef('');
  useEffect(() => {
    const seen = (data: string) => { raw.current = data; };
    events?.on('input', seen);
    return () => { events?.removeListener('input', seen); };
  }, [events]);
  return raw;
}

function keyOf(key: KeyPress, raw: string): KeyPress {
  if (!key.delete || raw.includes('[3')) return key;
  return { ...key, delete: false, backspace: true };
}

/**
 * The keys of a screen with nothing to type (the resume prompt, the file list), one at a time
 * even when they arrive together. `handle` returns true when the screen is done with keys (it
 * answered and closes), so the rest of the chunk is not read as answers too.
 */
export function useKeyPresses(handle: (input: string, key: KeyPress) => boolean | undefined, options?: { isActive?: boolean }): void {
  useInput((input, key) => {
    for (const press of splitKeys(input, key)) if (handle(press.input, press.key)) return;
  }, options);
}
