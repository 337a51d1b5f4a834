/**
 * Runs the generic field checks of a layout over one record and turns findings into issues with
 * their proposed repairs. `plain`: the whole line is known to be printable ASCII (see
 * profileLine), so per-field searches for control and multi-byte characters are skipped.
 */
import type { RecordLayout } from './format.js';
import type { FieldSpec } from './field-spec.js';
import type { Issue } from './issue.js';
import { fieldFinding, repairField } from './field-checks.js';
import { fastChecks } from './fast-checks.js';

/** One field's first problem as an issue, with the repair that makes it pass, or null. */
export function checkField(spec: FieldSpec, value: string, line: number, plain = false): Issue | null {
  const finding = fieldFinding(spec, value, plain);
  if (finding === null) return null;
  const proposal = repairField(spec, value);
  return {
    code: finding.code,
    severity: finding.severity,
    scope: 'field',
    line,
    field: spec.name,
    message: finding.message,
    repair: proposal && { confidence: proposal.confidence, reason: proposal.reason, values: { [spec.name]: proposal.value } },
  };
}

export function checkFields(layout: RecordLayout, fields: readonly string[], line: number, plain: boolean, out: Issue[]): void {
  const specs = layout.fields;
  const fast = fastChecks(layout);
  const n = Math.min(specs.length, fields.length);
  for (let i = 0; i < n; i++) {
    if (plain && fast[i](fields[i])) continue;
    const issue = checkField(specs[i], fields[i], line, plain);
    if (issue) out.push(issue);
  }
}
