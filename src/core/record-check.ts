/**
 * Runs the generic field checks of a layout over one record and turns findings into issues with
 * their proposed repairs. `plain`: the whole line is known to be printable ASCII (see
 * profileLine), so per-field searches for control and multi-byte characters are skipped.
 */
import type { RecordLayout } from './format.js';
import type { Issue } from './issue.js';
import { fieldFinding, repairField } from './field-checks.js';
import { fastChecks } from './fast-checks.js';

export function checkFields(layout: RecordLayout, fields: readonly string[], line: number, plain: boolean, out: Issue[]): void {
  const specs = layout.fields;
  const fast = fastChecks(layout);
  const n = Math.min(specs.length, fields.length);
  for (let i = 0; i < n; i++) {
    if (plain && fast[i](fields[i])) continue;
    const finding = fieldFinding(specs[i], fields[i], plain);
    if (finding === null) continue;
    const proposal = repairField(specs[i], fields[i]);
    out.push({
      code: finding.code,
      severity: finding.severity,
      scope: 'field',
      line,
      field: specs[i].name,
      message: finding.message,
      repair: proposal && { confidence: proposal.confidence, reason: proposal.reason, values: { [specs[i].name]: proposal.value } },
    });
  }
}
