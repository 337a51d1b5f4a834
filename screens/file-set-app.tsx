/**
 * The workstation on several files: the list first (checked in import order, with what only the
 * set shows), then one file at a time in the usual workstation; q there comes back to the list,
 * which is checked again, with the file the clerk wrote in place of the one it fixes.
 */
import { useEffect, useRef, useState } from 'react';
import { useApp } from 'ink';
import { useKeyPresses } from './use-keys.js';
import { useTerminalSize } from './use-terminal-size.js';
import { basename } from 'node:path';
import { App } from './app.js';
import { FileSetScreen } from './file-set-screen.js';
import { ModeHelp } from './help-screen.js';
import { checkSet, openForEditing } from '../src/session/workstation-effects.js';
import { checked, fileSetKey, initialFileSet, move, openable, replaced, type FileSetState } from '../src/session/file-set-state.js';
import type { CheckOptions } from '../src/core/format.js';
import type { Settings } from '../src/session/settings.js';

export function FileSetApp({ paths, options, format, settings, onError }: { paths: string[]; options: CheckOptions; format?: string; settings: Settings; onError: (error: unknown) => void }) {
  const { exit } = useApp();
  const [state, setState] = useState<FileSetState>(() => initialFileSet(paths));
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(' Checking the files…');
  const { columns, rows } = useTerminalSize();
  // Keys that arrive together ("jj" then Enter) move from where the previous one left the cursor.
  const latest = useRef(state);
  latest.current = state;
  const [showHelp, setHelp] = useState(false);
  const help = useRef(showHelp);
  help.current = showHelp;
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!busy) return;
    checkSet(state.paths, options, format).then((set) => {
      setState((s) => checked(s, set));
      setBusy(null);
    }, (error) => { onError(error); exit(); });
  }, [busy]);

  useKeyPresses((input, key) => {
    const action = fileSetKey(input, key);
    if (action && typeof action === 'object') setMessage(action.reason);
    else if (action) setMessage(null);
    if (action === 'help' || action === 'close-help') setHelp(action === 'help' ? (h) => !h : false);
    else if (help.current && action !== 'quit') return false;
    if (action === 'up' || action === 'down') setState((latest.current = move(latest.current, action === 'up' ? -1 : 1)));
    else if (action === 'open') setOpen(openable(latest.current));
    else if (action === 'quit') exit();
    return action === 'open' || action === 'quit';
  }, { isActive: open === null && busy === null });

  if (open) {
    const close = (written: string | null) => {
      if (written && written !== open) setState((s) => replaced(s, open, written));
      setOpen(null);
      setBusy(' Checking the files again…');
    };
    return <App key={open} load={(progress) => openForEditing(open, options, format, progress)} name={basename(open)} settings={settings} onError={onError} onClose={close} />;
  }
  if (showHelp) return <ModeHelp mode="file-set" title="Help" columns={columns} rows={rows} />;
  return <FileSetScreen state={state} columns={columns} rows={rows} busy={busy ?? (message ? ` ${message}` : null)} />;
}
