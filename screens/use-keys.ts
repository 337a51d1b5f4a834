import { useInput } from 'ink';
import { actionFor } from '../src/session/key-map.js';
import type { Action, State } from '../src/session/workstation-state.js';

/** The workstation's only useInput: keys become actions through the pure key map. */
export function useKeys(state: State | null, dispatch: (action: Action) => void): void {
  useInput((input, key) => {
    if (!state) return;
    const action = actionFor(state, input, key);
    if (action) dispatch(action);
  });
}
