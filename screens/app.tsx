/**
 * The workstation's root: opens the file (with a progress bar), holds the reducer, follows the
 * terminal's size, asks src/session/workstation-effects.ts for the one side effect (writing) and
 * quits. Screens below it only draw.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import { useTerminalSize } from './use-terminal-size.js';
import { Line } from './components/line.js';
import { count } from '../src/core/count.js';
import { useTheme } from './theme-context.js';
import { useKeys } from './use-keys.js';
import { SummaryScreen } from './summary-screen.js';
import { TableScreen } from './table-screen.js';
import { RecordScreen } from './record-screen.js';
import { WriteScreen } from './write-screen.js';
import { HelpScreen } from './help-screen.js';
import { ExplainScreen } from './explain-screen.js';
import { StatusLine } from './status-line.js';
import { SettingsScreen } from './settings-screen.js';
import { DecisionsScreen } from './decisions-screen.js';
import { openSettings, type Settings } from '../src/session/settings.js';
import { initialState, type Action, type State } from '../src/session/workstation-state.js';
import type { Doc } from '../src/session/document.js';
import type { Live } from '../src/session/live.js';
import { journaledStep, replay } from '../src/session/resume.js';
import { closeDoc, offerFor, discardEarlier, earlierSessions, forgetJournals, lockForEditing, performSplit, performWrite, viewOnly, type EarlierSession, type EditingLock } from '../src/session/workstation-effects.js';
import { OpenElsewhere, ResumePrompt } from './resume-prompt.js';

const MIN_COLUMNS = 80;
const MIN_ROWS = 20;

type Loader = (progress: (fraction: number, lines: number) => void) => Promise<Doc>;

function Loading({ fraction, rate, columns, rows, name }: { fraction: number; rate: number; columns: number; rows: number; name: string }) {
  const theme = useTheme();
  const width = Math.max(10, columns - 20);
  const done = Math.round(fraction * width);
  return (
    // Every frame is the full height, so Ink's line-by-line redraw never leaves a line behind.
    <Box flexDirection="column" height={rows}>
      <Line text={` Checking ${name}…`} width={columns} bold />
      <Line text={` ${theme.symbols.bar.repeat(done)}${theme.symbols.barEmpty.repeat(width - done)} ${Math.round(fraction * 100)}%`} width={columns} color={theme.colors.accent} />
      <Line text={rate > 0 ? ` ${count(Math.round(rate))} records/s` : ''} width={columns} />
    </Box>
  );
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'locked'; doc: Doc; lock: Extract<EditingLock, { kind: 'elsewhere' }>; tried: Date | null }
  | { kind: 'resume'; doc: Doc; earlier: EarlierSession | null; changedFile: Date | null; oldJournals: string[]; notes: string[] }
  | { kind: 'ready' };

function clock(iso: string): string {
  return iso ? ` (${iso.slice(11, 16)} UTC)` : '';
}

/** `onClose`: given when the App is one file of several; called on quit with the file written, if any. */
export function App({ load, name, settings, onError, onClose }: { load: Loader; name: string; settings: Settings; onError: (error: unknown) => void; onClose?: (written: string | null) => void }) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const [progress, setProgress] = useState({ fraction: 0, rate: 0 });
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [state, setState] = useState<State | null>(null);
  const current = useRef<State | null>(null);

  /** Every change of the edit log reaches the journal (fsynced) before it reaches the screen. */
  const dispatch = useCallback((action: Action) => {
    const before = current.current;
    if (!before) return;
    const next = journaledStep(before, action);
    current.current = next;
    setState(next);
  }, []);

  const leave = () => (onClose ? onClose(null) : exit());

  /** The journal is locked for this session first (or it is open elsewhere); then an earlier session is offered. */
  const lockThenResume = (doc: Doc, retry = false) => {
    const lock = lockForEditing(doc);
    if (lock.kind === 'elsewhere') {
      setPhase({ kind: 'locked', doc, lock, tried: retry ? new Date() : null });
      return;
    }
    const { earlier, changedFile, oldJournals, problem } = earlierSessions(doc);
    const gone = lock.takenOver && `Taken over from rollfix process ${lock.takenOver.pid}${clock(lock.takenOver.since)}, gone without closing`;
    const notes = [problem, lock.problem, gone].filter((n): n is string => Boolean(n));
    if (earlier || changedFile) setPhase({ kind: 'resume', doc, earlier, changedFile, oldJournals, notes });
    else start(doc, undefined, notes.join('; ') || null);
  };

  const start = (doc: Doc, live?: Live, message: string | null = null, readOnly: string | null = null) => {
    const initial = initialState(doc, size.columns, size.rows, settings);
    const opened = { ...initial, live: live ?? initial.live, message, readOnly };
    // Decisions made before about these students are offered first (readOnly: only shown).
    const offer = readOnly ? null : offerFor(doc, opened.live);
    const first = offer ? { ...opened, offer, screen: 'decisions' as const, message: message ?? offer.note } : opened;
    // The key that answered a prompt (r at the resume question) is the prompt's: the workstation
    // takes keys from the next one (both listen; which hears a key first changes with renders).
    queueMicrotask(() => {
      current.current = first;
    });
    setState(first);
    setPhase({ kind: 'ready' });
  };

  useEffect(() => {
    let last = 0;
    const started = performance.now();
    load((fraction, lines) => {
      if (fraction - last < 0.01) return;
      last = fraction;
      setProgress({ fraction, rate: lines / ((performance.now() - started) / 1000) });
    }).then(lockThenResume, (error) => { onError(error); exit(); });
  }, []);
  useEffect(() => {
    if (state && (state.columns !== size.columns || state.rows !== size.rows)) dispatch({ type: 'resize', ...size });
  }, [size, state?.columns, state?.rows]);
  useEffect(() => {
    if (state?.write.status !== 'writing') return;
    performWrite(state.doc, state.live, state.write, dispatch);
  }, [state?.write.status]);
  useEffect(() => {
    if (state?.splitting) performSplit(state.doc, state.splitting, dispatch);
  }, [state?.splitting]);
  useEffect(() => {
    const saving = state?.settings.saving;
    if (!saving) return;
    openSettings().then((store) => store.set(saving.key, saving.value)).then(
      () => dispatch({ type: 'settings.saved', key: saving.key, value: saving.value }),
      (error: Error) => dispatch({ type: 'settings.failed', error: error.message }),
    );
  }, [state?.settings.saving]);
  useEffect(() => {
    if (state?.quit) {
      closeDoc(state.doc);
      if (onClose) onClose(state.write.written?.output ?? null);
      else exit();
    }
  }, [state?.quit]);
  useKeys(() => current.current, dispatch); // set only once the file is open (start)

  if (phase.kind === 'locked') {
    const { doc, lock } = phase;
    const answer = (choice: 'view' | 'retry' | 'quit') => {
      if (choice === 'quit') leave();
      else if (choice === 'retry') lockThenResume(doc, true);
      else start(viewOnly(doc), undefined, 'Read-only: nothing you do here is kept (edit it in the other workstation)', `${doc.name} is open in another workstation`);
    };
    return <OpenElsewhere name={doc.name} file={doc.journal?.file ?? doc.path} holder={lock.holder} sameHost={lock.sameHost} lockPath={lock.lockPath} tried={phase.tried} columns={size.columns} rows={size.rows} onAnswer={answer} />;
  }
  if (phase.kind === 'resume') {
    const answer = (choice: 'resume' | 'discard' | 'ignore' | 'forget-old') => {
      const { doc, earlier } = phase;
      if (choice === 'forget-old') forgetJournals(phase.oldJournals);
      if (choice === 'resume' && earlier) {
        const live = replay(doc, earlier.ops);
        start(doc, live, `Resumed ${earlier.unsaved} unsaved edit${earlier.unsaved === 1 ? '' : 's'} (u undoes them one by one)`);
      } else {
        if (choice === 'discard') discardEarlier(doc);
        start(doc, undefined, choice === 'discard' ? 'Earlier edits discarded' : null);
      }
    };
    return <ResumePrompt earlier={phase.earlier} changedFile={phase.changedFile} notes={phase.notes} columns={size.columns} rows={size.rows} onAnswer={answer} />;
  }
  if (!state) return size.columns < MIN_COLUMNS || size.rows < MIN_ROWS ? <TooSmall columns={size.columns} rows={size.rows} /> : <Loading fraction={progress.fraction} rate={progress.rate} columns={size.columns} rows={size.rows} name={name} />;
  return <Frame state={{ ...state, columns: size.columns, rows: size.rows }} />;
}

function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  return <Box height={rows}><Text wrap="wrap">{`rollfix needs a terminal of at least ${MIN_COLUMNS}x${MIN_ROWS}; this one is ${columns}x${rows}. Make it larger, or press q to quit.`}</Text></Box>;
}

/** One whole screen for a state: what the snapshot tests render. */
export function Frame({ state }: { state: State }) {
  const theme = useTheme();
  if (state.columns < MIN_COLUMNS || state.rows < MIN_ROWS) return <TooSmall columns={state.columns} rows={state.rows} />;
  const height = state.rows - 3;
  const title = ` rollfix ${theme.symbols.separator} ${state.doc.name} ${theme.symbols.separator} ${state.help ? 'Help' : state.explain ? `Explain ${state.explain}` : { summary: 'Summary', table: 'Error table', record: 'Record', write: 'Write', settings: 'Settings', decisions: 'Decisions made before' }[state.screen]}${state.readOnly ? ` ${theme.symbols.separator} READ-ONLY` : ''}`;
  return (
    <Box flexDirection="column" height={state.rows}>
      <Line text={title} width={state.columns} inverse bold />
      {state.help ? <HelpScreen screen={state.screen} columns={state.columns} height={height} top={state.helpTop} />
        : state.explain ? <ExplainScreen state={state} height={height} />
        : state.screen === 'summary' ? <SummaryScreen state={state} height={height} />
        : state.screen === 'table' ? <TableScreen state={state} height={height} />
        : state.screen === 'record' ? <RecordScreen state={state} height={height} />
        : state.screen === 'settings' ? <SettingsScreen state={state} height={height} />
        : state.screen === 'decisions' ? <DecisionsScreen state={state} height={height} />
        : <WriteScreen state={state} height={height} />}
      <StatusLine state={state} />
    </Box>
  );
}
