/**
 * One record, field by field: name, value, status and proposed repair. The cursor row shows its
 * issue and repair in full below the fields; while a field is being edited its draft and the
 * draft's issues (checked at every keystroke by the reducer) are shown instead.
 */
import type { ReactElement } from 'react';
import { Box } from 'ink';
import { Cells, cursorCells } from './components/cells.js';
import { Line } from './components/line.js';
import { wrap } from './text.js';
import { useTheme } from './theme-context.js';
import { issuesAt, recordAt } from '../src/session/live.js';
import { fieldIssues, position, shown, type State } from '../src/session/workstation-state.js';
import type { Issue } from '../src/core/issue.js';

function repairText(issue: Issue, show: (field: string, value: string) => string): string {
  const r = issue.repair!;
  const values = r.values && !r.action ? Object.entries(r.values).map(([f, v]) => `${f} "${show(f, v)}"`).join(', ') : r.reason;
  return r.confidence === 'safe' ? `Proposed: ${values}` : `Proposed (check it: ${r.reason}): ${values}`;
}

export function RecordScreen({ state, height }: { state: State; height: number }) {
  const theme = useTheme();
  const { doc, live, record: view, columns, caretFromEnd } = state;
  const record = recordAt(doc, live, view.line);
  const issues = issuesAt(live, view.line);
  const { index, total, by } = position(state);
  const where = by ? (index > 0 ? `${index} of ${total} ${by}` : `not one ${by}`) : index > 0 ? `record ${index} of ${total} to look at` : 'not listed';
  // A warning never flags a record; a header or trailer says what it is.
  const errors = issues.filter((i) => i.severity !== 'warning').length;
  const warnings = issues.length - errors;
  const kind = record && record.layout.kind !== 'detail' ? `${record.layout.kind} record, ` : '';
  const found = [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`].filter(Boolean).join(', ');
  const status = live.deleted.has(view.line) ? `${theme.symbols.ok} deleted (u brings it back)` : `${errors ? theme.symbols.error : warnings ? theme.symbols.warning : theme.symbols.ok} ${kind}${found || 'no issues'}`;
  // Messages masked as values are; a revealed field (v) shows its own in clear.
  const masked = shown(state);
  const message = view.reveal ? (text: string) => text : masked.message;
  // A search or a line number being typed (/ or :) takes the title's place, as in the table.
  const prompt = state.table.prompt;
  const ask = prompt ? ` ${prompt.kind === 'search' ? 'Search every record' : 'Open line'}: ` : '';
  const lines: ReactElement[] = [prompt
    ? <Cells key="title" cells={[{ text: ask, width: ask.length, color: theme.colors.accent }, ...cursorCells(prompt.text, caretFromEnd, columns - ask.length, { color: theme.colors.accent })]} />
    : <Line key="title" text={` Line ${view.line}  ${theme.symbols.separator} ${where} ${theme.symbols.separator} ${status}`} width={columns} bold />];
  if (!record) {
    lines.push(<Line key="raw" text={`  ${masked.message(doc.store.line(view.line))}`} width={columns} />);
    for (const [i, issue] of issues.entries()) {
      for (const [j, part] of wrap(masked.message(issue.message), columns - 5, 8).entries()) lines.push(<Line key={`i${i}.${j}`} text={`  ${j ? ' ' : theme.symbols.error} ${part}`} width={columns} color={theme.colors.error} />);
    }
    return <Box flexDirection="column" height={height}>{lines}</Box>;
  }
  const cursor = Math.min(view.field, record.layout.fields.length - 1);
  // Only the field under the cursor is ever revealed (v), and only until the cursor moves.
  const revealed = view.reveal ? record.layout.fields[cursor].name : null;
  const show = (field: string, value: string) => (field === revealed ? value : masked.value(field, value));
  // Wide enough for names that differ only at their end (a name ending "(1)", another "(2)").
  const nameWidth = Math.max(24, Math.min(32, Math.max(...record.layout.fields.map((f) => f.name.length)) + 4));
  const valueWidth = Math.floor((columns - nameWidth - 2) * 0.45);
  const statusWidth = columns - nameWidth - valueWidth - 2;
  const detail: Array<{ text: string; color?: string; bold?: boolean }> = [];
  const say = (text: string, indent: string, props: { color?: string; bold?: boolean } = {}, max = 8) => {
    for (const [i, part] of wrap(text, columns - indent.length - 1, max).entries()) detail.push({ text: `${i === 0 ? indent : ' '.repeat(indent.length)}${part}`, ...props });
  };
  const spec = record.layout.fields[cursor];
  const name = spec.name;
  // Fixed-length records: where the field sits, since an edit must fit it exactly.
  if (spec.position) say(`${name}: bytes ${spec.position}-${spec.position + spec.maxLength - 1} (${spec.maxLength} wide); other bytes stay where they are`, ' ');
  if (view.keep) {
    say(`Keep ${view.keep.code} as it is: the value is real, because (Enter keeps, Esc cancels):`, ' ', { bold: true });
    detail.push({ text: '' }); // the reason's own line, drawn below with its cursor
  } else if (view.draft) {
    const draftIssues = view.draft.issues;
    if (draftIssues.length) say(message(draftIssues[0].message), ` ${theme.symbols.error} `, { color: theme.colors.error });
    else say(`${name} is valid: Enter keeps it, Esc cancels`, ` ${theme.symbols.ok} `, { color: theme.colors.ok });
  } else {
    const here = [...fieldIssues(state, view.line, cursor), ...fieldIssues(state, view.line, -1)];
    for (const issue of here) {
      say(message(issue.message), ` ${issue.severity === 'warning' ? theme.symbols.warning : theme.symbols.error} `, { color: issue.severity === 'warning' ? theme.colors.warning : theme.colors.error });
      if (issue.kept) say(message(`Kept: ${issue.kept.reason} (${issue.severity === 'warning' ? 'resolved' : 'still counts: the receiving system would still refuse it'}; k withdraws)`), '   ', { color: theme.colors.accent });
      else if (issue.repair) say(message(`${repairText(issue, show)}: a accepts, A accepts it everywhere`), '   ', { bold: true });
    }
    if (here.length === 0 && issues.length > 0) say(`Issues on: ${issues.map((i) => i.field ?? 'the record').join(', ')} (Tab goes to the next)`, ' ');
  }
  // Every issue of the field under the cursor is said in full (wrapped) below the fields; long
  // layouts (Enroll.asc has 22 fields and more) scroll: a window of fields around the cursor
  // in what is left, with a line that says where the window is.
  const all = record.layout.fields;
  const fieldRows = all.length <= height - 1 - detail.length ? all.length : Math.max(3, height - 2 - detail.length);
  const first = all.length <= fieldRows ? 0 : Math.min(Math.max(0, cursor - Math.floor(fieldRows / 2)), all.length - fieldRows);
  const visible = all.slice(first, first + fieldRows);
  if (visible.length < all.length) detail.unshift({ text: ` fields ${first + 1}-${first + visible.length} of ${all.length} (Up/Down scroll)` });
  visible.forEach((spec, at) => {
    const i = first + at;
    const editing = i === cursor && view.draft;
    // The field being typed shows its draft's issues, as the message below does, at every keystroke.
    const own = editing ? view.draft!.issues : issuesAt(live, view.line).filter((x) => x.field === spec.name);
    const issue = own[0];
    const value = show(spec.name, record.fields[i] ?? '');
    const proposal = issue?.repair?.values?.[spec.name];
    const mark = !issue ? theme.symbols.ok : issue.severity === 'warning' ? theme.symbols.warning : theme.symbols.error;
    const statusText = !issue ? mark : issue.kept ? `${mark} kept: ${issue.kept.reason}` : proposal !== undefined ? `${mark} ${theme.symbols.arrow} "${show(spec.name, proposal)}"` : `${mark} ${issue.code}`;
    const color = !issue ? theme.colors.ok : issue.kept ? theme.colors.accent : issue.severity === 'warning' ? theme.colors.warning : theme.colors.error;
    lines.push(
      <Cells key={spec.name} inverse={i === cursor && !editing} cells={[
        { text: `${i === cursor ? theme.symbols.cursor : ' '} ${spec.name}`, width: nameWidth, bold: Boolean(issue) },
        ...(editing
          ? [{ text: ' ', width: 1 }, ...cursorCells(view.draft!.text, caretFromEnd, valueWidth + 1, { color: theme.colors.accent, underline: !theme.color })]
          : [{ text: ` ${value}`, width: valueWidth + 2 }]),
        { text: ` ${statusText}`, width: statusWidth, color },
      ]} />,
    );
  });
  const room = height - lines.length;
  if (view.keep) detail.pop();
  for (const [i, d] of detail.slice(0, view.keep ? room - 1 : room).entries()) lines.push(<Line key={`d${i}`} text={d.text} width={columns} color={d.color} bold={d.bold} />);
  if (view.keep) lines.push(<Cells key="reason" cells={[{ text: '   ', width: 3 }, ...cursorCells(view.keep.text, caretFromEnd, columns - 4, { color: theme.colors.accent, underline: !theme.color })]} />);
  return <Box flexDirection="column" height={height}>{lines}</Box>;
}
