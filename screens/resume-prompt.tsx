/**
 * Shown when an earlier session left unsaved edits in its journal: resume them, discard them, or
 * view what they were. Also says when edits were left for an earlier version of the file, which
 * are never applied to this one, and what else was found on the way (damaged journal lines, a
 * stale lock taken over). And OpenElsewhere: the file is open in another workstation.
 */
import { Box } from 'ink';
import { useKeyPresses } from './use-keys.js';
import { useState } from 'react';
import { Line } from './components/line.js';
import { useTheme } from './theme-context.js';
import { ModeHelp } from './help-screen.js';
import { modeKey } from '../src/session/key-map.js';
import { bindingsIn, type Mode } from '../src/session/mode-keys.js';
import type { EarlierSession } from '../src/session/workstation-effects.js';
import type { LockHolder } from '../src/session/lock.js';

function when(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

export function ResumePrompt({ earlier, changedFile, notes, columns, rows, onAnswer }: {
  earlier: EarlierSession | null;
  changedFile: Date | null;
  /** Said above the question: a damaged journal, a lock taken over. */
  notes: readonly string[];
  columns: number;
  rows: number;
  onAnswer: (answer: 'resume' | 'discard' | 'ignore' | 'forget-old') => void;
}) {
  const theme = useTheme();
  const [viewing, setViewing] = useState(false);
  const [help, setHelp] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const kind = earlier ? 'earlier' : 'changed';
  useKeyPresses((input, key) => {
    const found = modeKey('resume', input, key, kind);
    const command = found && 'command' in found ? found.command : null;
    setMessage(found && 'reason' in found ? found.reason : null);
    if (help || command === 'app.help') {
      if (command === 'app.help' || key.escape) setHelp(!help);
      return false;
    }
    const answer = ({ 'resume.resume': 'resume', 'resume.discard': 'discard', 'resume.continue': 'ignore', 'resume.forget': 'forget-old' } as const)[command as string] ?? null;
    if (command === 'resume.view') setViewing((v) => !v);
    if (answer) onAnswer(answer);
    return Boolean(answer);
  });
  if (help) return <ModeHelp mode="resume" title="Help" columns={columns} rows={rows} />;
  const lines: Array<{ text: string; bold?: boolean; color?: string }> = [{ text: ' rollfix', bold: true }, { text: '' }];
  for (const note of notes) lines.push({ text: ` ${theme.symbols.warning} ${note}`, color: theme.colors.warning });
  if (notes.length) lines.push({ text: '' });
  if (earlier) {
    lines.push({ text: ` ${earlier.unsaved} unsaved edit${earlier.unsaved === 1 ? '' : 's'} from ${when(earlier.modified)} UTC (not written when that session ended)`, bold: true, color: theme.colors.warning });
    lines.push({ text: `   ${keysLine('resume', 'earlier')}` });
  }
  if (changedFile) {
    lines.push({ text: ` ${theme.symbols.warning} Unsaved edits from ${when(changedFile)} UTC were for an earlier version of this file.`, color: theme.colors.warning });
    lines.push({ text: '   The file has changed since: they cannot be applied (nor read: they are sealed' });
    lines.push({ text: '   with the old content).' + (earlier ? '' : `   ${keysLine('resume', 'changed')}`) });
  }
  if (viewing && earlier) {
    lines.push({ text: '' });
    const labels = earlier.ops.map((op) => (op.op === 'commit' ? op.entry.label : op.op === 'saved' ? `written to ${op.output}` : op.op));
    for (const label of labels.slice(-(rows - lines.length - 2))) lines.push({ text: `   ${label}` });
  }
  return (
    <Box flexDirection="column" height={rows}>
      {lines.map((l, i) => <Line key={i} text={l.text} width={columns} bold={l.bold} color={l.color} />)}
      <Box flexGrow={1} />
      <Line text={` ${message ?? '? help'}`} width={columns} />
    </Box>
  );
}

/** The keys a prompt offers, from its table: "r resume them   d discard them   v view them". */
function keysLine(mode: Mode, kind?: string): string {
  return bindingsIn(mode, kind).filter((b) => b.footer && b.command !== 'app.help').map((b) => b.footer).join('   ');
}

function since(holder: LockHolder): string {
  return holder.since ? `, since ${when(new Date(holder.since))} UTC` : '';
}

/**
 * The file is open in another workstation, which records its edits in the journal: this one may
 * view it (read-only, nothing kept), try again once the other is closed, or quit. Never silent.
 */
export function OpenElsewhere({ name, file, holder, sameHost, lockPath, tried, columns, rows, onAnswer }: {
  name: string;
  /** The path this session opened: a holder that opened a copy with the same content says so. */
  file: string;
  holder: LockHolder;
  sameHost: boolean;
  lockPath: string;
  /** When r last found it still open there. */
  tried: Date | null;
  columns: number;
  rows: number;
  onAnswer: (answer: 'view' | 'retry' | 'quit') => void;
}) {
  const theme = useTheme();
  const [help, setHelp] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useKeyPresses((input, key) => {
    const found = modeKey('open-elsewhere', input, key);
    const command = found && 'command' in found ? found.command : null;
    setMessage(found && 'reason' in found ? found.reason : null);
    if (command === 'app.help' || (help && key.escape)) {
      setHelp(!help);
      return false;
    }
    const answer = ({ 'elsewhere.view': 'view', 'elsewhere.retry': 'retry', 'app.quit': 'quit' } as const)[command as string] ?? null;
    if (answer) onAnswer(answer);
    return Boolean(answer);
  });
  if (help) return <ModeHelp mode="open-elsewhere" title="Help" columns={columns} rows={rows} />;
  const lines: Array<{ text: string; bold?: boolean; color?: string }> = [{ text: ' rollfix', bold: true }, { text: '' }];
  lines.push({ text: ` ${theme.symbols.warning} ${name} is open in another rollfix workstation`, bold: true, color: theme.colors.warning });
  lines.push({ text: `   process ${holder.pid} on ${sameHost ? 'this computer' : `the computer ${holder.host}`}${since(holder)}` });
  if (holder.file && holder.file !== file) lines.push({ text: `   (the same content, opened there as ${holder.file})` });
  lines.push({ text: '' });
  lines.push({ text: '   Two workstations on one file would undo and save each other\'s edits:' });
  lines.push({ text: '   this one cannot edit it. Quit it there (its edits are kept), then press r.' });
  if (!sameHost) {
    lines.push({ text: `   If that computer is off and its session gone for good, delete the lock` });
    lines.push({ text: `   ${lockPath} and press r.` });
  }
  lines.push({ text: '' });
  if (tried) lines.push({ text: `   Still open there at ${tried.toISOString().slice(11, 19)} UTC.`, color: theme.colors.warning }, { text: '' });
  for (const text of keysLine('open-elsewhere').split('   ')) lines.push({ text: `   ${text}` });
  return (
    <Box flexDirection="column" height={rows}>
      {lines.map((l, i) => <Line key={i} text={l.text} width={columns} bold={l.bold} color={l.color} />)}
      <Box flexGrow={1} />
      <Line text={` ${message ?? '? help'}`} width={columns} />
    </Box>
  );
}
