/**
 * Runs the generic field checks of a layout over one record and turns findings into issues with
 * their proposed repairs. `printable` is false when the whole line was already tested clean of
 * control characters: one regex per line instead of one per field, on the hot path.
 */
import type { RecordLayout } from './format.js';
import type { Issue } from './issue.js';
import { fieldFinding, repairField } from './field-checks.js';

export function checkFields(layout: RecordLayout, fields: readonly string[], line: number, printable: boolean, out: Issue[]): void {
  const specs = layout.fields;
  const n = Math.min(specs.length, fields.length);
  for (let i = 0; i < n; i++) {
    const finding = fieldFinding(specs[i], fields[i], printable);
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
