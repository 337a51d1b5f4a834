/**
 * A record's identity declared as data: the fields its key is made of and the fields that say
 * which school the file is for. Most formats need no more (a pupil number, a student code); a
 * format with its own rule (a local ID, and the state ID when present) writes one.
 */
import type { RecordIdentity, RecordLayout } from './format.js';

/** The values of the named fields that this layout has, in the order named. */
function valuesOf(indexCache: WeakMap<RecordLayout, number[]>, layout: RecordLayout, fields: readonly string[], names: readonly string[]): string[] {
  let at = indexCache.get(layout);
  if (!at) {
    at = names.map((n) => layout.fields.findIndex((f) => f.name === n)).filter((i) => i >= 0);
    indexCache.set(layout, at);
  }
  return at.map((i) => (fields[i] ?? '').trim());
}

/**
 * The key is the first of `alternatives` (each a list of fields) whose fields the record has
 * and fills; the scope the first record that fills `scopeFields`. `kinds`: the layouts that hold
 * students (by default every one but a header or a trailer).
 */
export function fieldIdentity(spec: { keyTitle: string; alternatives: ReadonlyArray<readonly string[]>; scopeTitle: string; scopeFields?: readonly string[]; kinds?: readonly string[] }): RecordIdentity {
  const holds = (kind: string) => (spec.kinds ? spec.kinds.includes(kind) : kind !== 'header' && kind !== 'trailer');
  const caches = spec.alternatives.map(() => new WeakMap<RecordLayout, number[]>());
  const scopeCache = new WeakMap<RecordLayout, number[]>();
  const key = (layout: RecordLayout, fields: readonly string[]): string => {
    if (!holds(layout.kind)) return '';
    for (const [k, names] of spec.alternatives.entries()) {
      let at = caches[k].get(layout);
      if (!at) caches[k].set(layout, (at = names.map((n) => layout.fields.findIndex((f) => f.name === n))));
      if (at.some((i) => i < 0)) continue;
      const values = at.map((i) => (fields[i] ?? '').trim());
      if (values.some((v) => v !== '')) return values.join(' / ');
    }
    return '';
  };
  return {
    keyTitle: spec.keyTitle,
    scopeTitle: spec.scopeTitle,
    key,
    scope(records) {
      if (!spec.scopeFields) return null;
      for (const r of records) {
        const values = valuesOf(scopeCache, r.layout, r.fields, spec.scopeFields);
        if (values.length === spec.scopeFields.length && values.every((v) => v !== '')) return values.join('/');
      }
      return null;
    },
  };
}
