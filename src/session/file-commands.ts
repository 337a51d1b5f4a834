/**
 * The workstation's commands on the whole file: F (every safe repair, as `fix --auto`), S (the
 * file as one file per part, as `fix --split`), and i (what an issue means, as `rollfix explain`).
 * Each asks before it changes anything; each reuses the command's own implementation.
 */
import { explainText } from '../core/issue-type.js';
import type { Issue } from '../core/issue.js';
import { planSplit, type SplitPlan } from '../core/split-file.js';
import { planFixAll } from './fix-all.js';
import { issuesAt, type Live } from './live.js';
import { writtenInput } from './written.js';
import { fieldIssues, tableRows, type State } from './workstation-state.js';

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

export function askFixAll(state: State): State {
  const plan = planFixAll(state.doc, state.live);
  if (typeof plan === 'string') return { ...state, message: `Nothing for F to do: ${plan}` };
  return { ...state, confirm: { kind: 'fix-all', plan } };
}

export function fixAll(state: State, plan: Extract<NonNullable<State['confirm']>, { kind: 'fix-all' }>['plan']): State {
  const left = plan.live.flagged;
  return { ...state, live: plan.live, message: `Applied every safe repair: ${plural(plan.records, 'record')} changed (u undoes it all); ${left ? `${left} still flagged` : 'nothing flagged'}` };
}

const splitByLive = new WeakMap<Live, SplitPlan | string>();

/** How the file as it would be written now splits (a transfer of unknown destination: one file per pupil), or why it does not. */
export function splitPlanFor(state: State): SplitPlan | string {
  const { doc, live } = state;
  let plan = splitByLive.get(live);
  if (plan === undefined) {
    if (!doc.format.split) plan = `${doc.format.id} files are not split`;
    else {
      const { input } = writtenInput(doc, live, doc.path);
      // Named and written as `fix --split` names and writes the file as read.
      plan = planSplit(doc.format, { ...input, eol: doc.report.input.eol }, doc.path);
    }
    splitByLive.set(live, plan);
  }
  return plan;
}

export function askSplit(state: State): State {
  const plan = splitPlanFor(state);
  if (typeof plan === 'string') return { ...state, message: `Not split: ${plan}` };
  return { ...state, confirm: { kind: 'split', plan } };
}

/** The question S asks: how many files, where, and what they replace. */
export function splitQuestion(state: State, plan: SplitPlan, keys: string): string {
  const taken = plan.taken.length ? `, replacing ${plan.taken.length} that exist${plan.taken.length === 1 ? 's' : ''}` : '';
  return `Write ${plural(plan.parts.length, 'file')}, one pupil each, beside ${state.doc.name}${taken}? ${keys}`;
}

/** The issue i explains: the one under the cursor (record screen), or the row's first (table). */
function issueToExplain(state: State): Issue | null {
  if (state.screen === 'record') {
    const { line, field } = state.record;
    return fieldIssues(state, line, field)[0] ?? issuesAt(state.live, line)[0] ?? null;
  }
  const line = tableRows(state)[state.table.row];
  return line === undefined ? null : (issuesAt(state.live, line)[0] ?? null);
}

export function explainHere(state: State): State {
  if (state.explain) return { ...state, explain: null };
  const issue = issueToExplain(state);
  return issue ? { ...state, explain: issue.code } : { ...state, message: 'No issue here to explain' };
}

/** What `rollfix explain CODE` prints for the code being explained. */
export function explanation(state: State): string {
  const code = state.explain ?? '';
  const type = state.doc.format.issueTypes.find((t) => t.code === code);
  return type ? explainText(type) : `${code}: no explanation is declared for this code`;
}
