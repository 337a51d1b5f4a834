/**
 * The workstation's root: opens the file (with a progress bar), holds the reducer, follows the
 * terminal's size, performs the one side effect (writing) and quits. Screens below it only draw.
 */
import { useEffect, useReducer, useState } from 'react';
import { existsSync } from 'node:fs';
import { Box, Text, useApp, useStdout } from 'ink';
import { Line } from './components/line.js';
import { useTheme } from './theme-context.js';
import { useKeys } from './use-keys.js';
import { SummaryScreen } from './summary-screen.js';
import { TableScreen } from './table-screen.js';
import { RecordScreen } from './record-screen.js';
import { WriteScreen } from './write-screen.js';
import { HelpScreen } from './help-screen.js';
import { StatusLine } from './status-line.js';
import { reducer } from '../src/session/workstation-reducer.js';
import { initialState, type Action, type State } from '../src/session/workstation-state.js';
import { writeDoc } from '../src/session/write-file.js';
import type { Doc } from '../src/session/document.js';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 20;

type Loader = (progress: (fraction: number) => void) => Promise<Doc>;

function Loading({ fraction, columns, name }: { fraction: number; columns: number; name: string }) {
  const theme = useTheme();
  const width = Math.max(10, columns - 20);
  const done = Math.round(fraction * width);
  return (
    <Box flexDirection="column">
      <Line text={` Checking ${name}…`} width={columns} bold />
      <Line text={` ${theme.symbols.bar.repeat(done)}${theme.symbols.barEmpty.repeat(width - done)} ${Math.round(fraction * 100)}%`} width={columns} color={theme.colors.accent} />
    </Box>
  );
}

function reduceOrNull(state: State | null, action: Action | { type: 'loaded'; state: State }): State | null {
  if (action.type === 'loaded') return action.state;
  return state && reducer(state, action);
}

export function App({ load, name, onError }: { load: Loader; name: string; onError: (error: unknown) => void }) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const theme = useTheme();
  const [size, setSize] = useState({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [progress, setProgress] = useState(0);
  const [state, dispatch] = useReducer(reduceOrNull, null);

  useEffect(() => {
    const resize = () => setSize({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on('resize', resize);
    return () => void stdout.off('resize', resize);
  }, [stdout]);
  useEffect(() => {
    let last = 0;
    load((f) => {
      if (f - last >= 0.01) setProgress((last = f));
    }).then((doc) => dispatch({ type: 'loaded', state: initialState(doc, size.columns, size.rows) }), (error) => { onError(error); exit(); });
  }, []);
  useEffect(() => {
    if (state && (state.columns !== size.columns || state.rows !== size.rows)) dispatch({ type: 'resize', ...size });
  }, [size, state?.columns, state?.rows]);
  useEffect(() => {
    if (!state || state.write.status !== 'writing') return;
    if (existsSync(state.write.path) && !state.write.replace) return dispatch({ type: 'write.exists' });
    writeDoc(state.doc, state.live, state.write.path).then(
      (written) => dispatch({ type: 'write.done', written }),
      (error: NodeJS.ErrnoException) => dispatch({ type: 'write.failed', error: error.code === 'ENOENT' ? 'that folder does not exist' : error.code === 'EACCES' ? 'permission denied' : error.message }),
    );
  }, [state?.write.status]);
  useEffect(() => {
    if (state?.quit) exit();
  }, [state?.quit]);
  useKeys(state, dispatch);

  if (!state) return size.columns < MIN_COLUMNS || size.rows < MIN_ROWS ? <TooSmall columns={size.columns} rows={size.rows} /> : <Loading fraction={progress} columns={size.columns} name={name} />;
  return <Frame state={{ ...state, columns: size.columns, rows: size.rows }} />;
}

function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  return <Text wrap="wrap">{`rollfix needs a terminal of at least ${MIN_COLUMNS}x${MIN_ROWS}; this one is ${columns}x${rows}. Make it larger, or press q to quit.`}</Text>;
}

/** One whole screen for a state: what the snapshot tests render. */
export function Frame({ state }: { state: State }) {
  const theme = useTheme();
  if (state.columns < MIN_COLUMNS || state.rows < MIN_ROWS) return <TooSmall columns={state.columns} rows={state.rows} />;
  const height = state.rows - 3;
  const title = ` rollfix ${theme.symbols.separator} ${state.doc.name} ${theme.symbols.separator} ${state.help ? 'Help' : { summary: 'Summary', table: 'Error table', record: 'Record', write: 'Write' }[state.screen]}`;
  return (
    <Box flexDirection="column" height={state.rows}>
      <Line text={title} width={state.columns} inverse bold />
      {state.help ? <HelpScreen screen={state.screen} columns={state.columns} height={height} ascii={theme.ascii} />
        : state.screen === 'summary' ? <SummaryScreen state={state} height={height} />
        : state.screen === 'table' ? <TableScreen state={state} height={height} />
        : state.screen === 'record' ? <RecordScreen state={state} height={height} />
        : <WriteScreen state={state} height={height} />}
      <StatusLine state={state} />
    </Box>
  );
}
