/**
 * Starting and stopping the workstation in a real terminal: the alternate screen (as vim and
 * less use), and the terminal always given back (main screen, cursor shown, raw mode off) on
 * quit, on an uncaught error, and on SIGINT, SIGTERM and SIGHUP (a dropped SSH connection).
 */
import { render } from 'ink';
import type { ReactElement } from 'react';
import { App } from './app.js';
import { FileSetApp } from './file-set-app.js';
import { ThemeContext } from './theme-context.js';
import { colorWanted, makeTheme } from './theme.js';
import { openForEditing } from '../src/session/workstation-effects.js';
import type { CheckOptions } from '../src/core/format.js';
import type { Settings } from '../src/session/settings.js';
import { basename } from 'node:path';

const ENTER_ALT = '\u001b[?1049h\u001b[H';
const LEAVE_ALT = '\u001b[?25h\u001b[?1049l';

export interface WorkstationFlags {
  color?: boolean;
  ascii?: boolean;
  format?: string;
  /** The stored settings, read once by the command. */
  settings: Settings;
}

export async function runWorkstation(file: string, options: CheckOptions, flags: WorkstationFlags): Promise<number> {
  return runInTerminal(flags, (onError) => <App load={(progress) => openForEditing(file, options, flags.format, progress)} name={basename(file)} settings={flags.settings} onError={onError} />);
}

/** Several files: the list in import order, each opened in the workstation in turn. */
export async function runFileSet(paths: string[], options: CheckOptions, flags: WorkstationFlags): Promise<number> {
  return runInTerminal(flags, (onError) => <FileSetApp paths={paths} options={options} format={flags.format} settings={flags.settings} onError={onError} />);
}

/** The terminal taken over for a screen and always given back, whatever ends it. */
async function runInTerminal(flags: WorkstationFlags, screen: (onError: (error: unknown) => void) => ReactElement): Promise<number> {
  const theme = makeTheme({ color: colorWanted(process.env, flags.color), ascii: Boolean(flags.ascii) });
  let failure: unknown = null;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (process.stdin.isTTY) process.stdin.setRawMode?.(false);
    process.stdout.write(LEAVE_ALT);
  };
  process.stdout.write(ENTER_ALT);
  const instance = render(
    <ThemeContext.Provider value={theme}>
      {screen((error) => (failure = error))}
    </ThemeContext.Provider>,
    { exitOnCtrlC: false, patchConsole: false, incrementalRendering: true, maxFps: 60 },
  );
  const stop = (code: number) => () => {
    instance.unmount();
    restore();
    process.exit(code);
  };
  const signals: Array<[NodeJS.Signals, number]> = [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]];
  for (const [signal, code] of signals) process.once(signal, stop(code));
  const crash = (error: unknown) => {
    restore();
    process.stderr.write(`rollfix: internal error, please report it: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(70);
  };
  process.once('uncaughtException', crash);
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    restore();
    for (const [signal] of signals) process.removeAllListeners(signal);
    process.removeListener('uncaughtException', crash);
  }
  if (failure) throw failure;
  return 0;
}
