/**
 * Shown when an earlier session left unsaved edits in its journal: resume them, discard them, or
 * view what they were. Also says when edits were left for an earlier version of the file, which
 * are never applied to this one.
 */
import { Box, useInput } from 'ink';
import { useState } from 'react';
import { Line } from './components/line.js';
import { useTheme } from './theme-context.js';
import type { EarlierSession } from '../src/session/workstation-effects.js';

function when(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

export function ResumePrompt({ earlier, changedFile, columns, rows, onAnswer }: {
  earlier: EarlierSession | null;
  changedFile: Date | null;
  columns: number;
  rows: number;
  onAnswer: (answer: 'resume' | 'discard' | 'ignore' | 'forget-old') => void;
}) {
  const theme = useTheme();
  const [viewing, setViewing] = useState(false);
  useInput((input, key) => {
    if (earlier && input === 'r') onAnswer('resume');
    else if (earlier && input === 'd') onAnswer('discard');
    else if (input === 'v') setViewing((v) => !v);
    else if (!earlier && (key.return || key.escape)) onAnswer('ignore');
    else if (!earlier && input === 'x') onAnswer('forget-old');
  });
  const lines: Array<{ text: string; bold?: boolean; color?: string }> = [{ text: ' rollfix', bold: true }, { text: '' }];
  if (earlier) {
    lines.push({ text: ` ${earlier.unsaved} unsaved edit${earlier.unsaved === 1 ? '' : 's'} from ${when(earlier.modified)} UTC (not written when that session ended)`, bold: true, color: theme.colors.warning });
    lines.push({ text: '   r resume them   d discard them   v view them' });
  }
  if (changedFile) {
    lines.push({ text: ` ${theme.symbols.warning} Unsaved edits from ${when(changedFile)} UTC were for an earlier version of this file.`, color: theme.colors.warning });
    lines.push({ text: '   The file has changed since: they cannot be applied (nor read: they are sealed' });
    lines.push({ text: '   with the old content).' + (earlier ? '' : '   x deletes them   Enter continues') });
  }
  if (viewing && earlier) {
    lines.push({ text: '' });
    const labels = earlier.ops.map((op) => (op.op === 'commit' ? op.entry.label : op.op === 'saved' ? `written to ${op.output}` : op.op));
    for (const label of labels.slice(-(rows - lines.length - 2))) lines.push({ text: `   ${label}` });
  }
  return (
    <Box flexDirection="column" height={rows}>
      {lines.map((l, i) => <Line key={i} text={l.text} width={columns} bold={l.bold} color={l.color} />)}
    </Box>
  );
}
