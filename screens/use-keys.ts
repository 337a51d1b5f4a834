import { useInput } from 'ink';
import { actionsFor } from '../src/session/key-map.js';
import type { Action, State } from '../src/session/workstation-state.js';

/**
 * The workstation's keys, once a file is open: they become actions through the pure key map
 * (the only other useInputs are the resume prompt's, before the file opens, and the file-set
 * list's, while no file of the set is open). The state is read when the key arrives, not when
 * the screen was last drawn: keys typed faster than React redraws (Enter then Backspace) must see
 * the mode the previous key put the screen in.
 */
export function useKeys(current: () => State | null, dispatch: (action: Action) => void): void {
  useInput((input, key) => {
    const state = current();
    if (!state) return;
    for (const action of actionsFor(state, input, key)) dispatch(action);
  });
}
