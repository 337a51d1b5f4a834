/**
 * Fixed-length records for the workstation and both passes: fields cut by position (read
 * without their padding), and written back so that every byte of an unchanged field stays
 * where it was; a changed value is padded with spaces to its width, and refused when wider.
 */
import type { RecordModel } from '../../../src/core/format.js';
import type { EisFileType } from './file-types.js';
import { otherLayout, recordLayouts, type FixedLayout } from './layouts.js';
import { checkFixedRecord } from './rules.js';
import { fieldIdentity } from '../../../src/core/record-identity.js';

/** A student is their MET number (with the record type: a student has several records). */
const IDENTITY = fieldIdentity({ keyTitle: 'MET Number and record type', alternatives: [['MET Number', 'Record Type']], scopeTitle: 'none: the records name no school, so every file of the kind shares one' });

const REWRITE = new Set(['eis/record-length']);

/** The bytes of field `i` of `text` as read: the last field also keeps whatever lies past the record's end. */
function slice(layout: FixedLayout, text: string, i: number): string {
  const spec = layout.fields[i];
  const start = spec.position! - 1;
  return i === layout.fields.length - 1 ? text.slice(start) : text.slice(start, start + spec.maxLength);
}

export function fixedRecordModel(type: EisFileType): RecordModel & { layoutOf(text: string): FixedLayout } {
  const layouts = recordLayouts(type);
  const other = otherLayout(type);
  const layoutOf = (text: string) => layouts.get(text[0]) ?? other;
  const parse = (text: string) => {
    if (text.trim() === '') return null;
    const layout = layoutOf(text);
    return { layout, fields: layout.fields.map((_, i) => slice(layout, text, i).trimEnd()) };
  };
  return {
    layoutOf,
    crossRecordCodes: new Set(),
    rewriteCodes: REWRITE,
    sharedKeys: [],
    identity: IDENTITY,
    keyFields: ['MET Number', 'Home Room', 'Record Type'],
    keyTitles: ['MET Number', 'Home Room', 'Type'],
    parse: (text) => parse(text),
    serialise(layout, fields, original) {
      const fixed = layout as FixedLayout;
      const before = parse(original)?.fields ?? [];
      return fixed.fields.map((spec, i) => {
        const last = i === fixed.fields.length - 1;
        if (fields[i] === before[i]) {
          const bytes = slice(fixed, original, i);
          // Past the record's end only spaces are dropped; anything else stays, to be seen.
          return last && bytes.trimEnd().length > spec.maxLength ? bytes.trimEnd() : bytes.slice(0, spec.maxLength).padEnd(spec.maxLength);
        }
        return fields[i].padEnd(spec.maxLength);
      }).join('');
    },
    check: (layout, fields, line) => checkFixedRecord(type, layout as FixedLayout, fields, line),
    fits(layout, index, value) {
      const spec = layout.fields[index];
      if (!spec?.position || value.length <= spec.maxLength) return null;
      return `${spec.name} is ${spec.maxLength} byte${spec.maxLength === 1 ? '' : 's'} wide (positions ${spec.position}–${spec.position + spec.maxLength - 1}); "${value}" is ${value.length}`;
    },
    fileIssues: (checked) => checked.filter((i) => i.code !== 'eis/line-endings'),
    trailerFor: () => null,
  };
}
