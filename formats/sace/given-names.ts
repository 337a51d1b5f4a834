/**
 * Common given names in South Australian schools, for one purpose: telling a Given Names column
 * from a Family Name column when a spreadsheet swapped them (seed 002's own example). A column
 * whose values are mostly in this list holds given names.
 */
const GIVEN_NAMES = new Set(`
oliver noah jack william leo lucas thomas henry charlie james harrison ethan mason liam alexander hudson archie max
oscar isaac hunter levi lachlan samuel jacob joshua benjamin cooper xavier harry theodore elijah ryan riley aiden
daniel luke dylan nathan matthew joseph edward george hugo felix arlo louis finn austin jayden tyler zachary owen
charlotte olivia amelia isla mia ava grace chloe willow matilda ella sophie zoe evie ruby sienna harper lily emily
isabella sophia evelyn audrey hazel frankie ivy scarlett layla poppy georgia emma hannah jessica sarah chelsea
madison lucy alice annabelle eva aria piper violet stella bella jasmine summer imogen holly abigail ellie maya
michael david john peter paul mark andrew stephen christopher anthony robert richard kevin jason adam simon
jennifer michelle lisa karen nicole rebecca rachel amy laura kate katie anna emma mary elizabeth margaret helen
liam jack tom ben sam alex max jake josh nick tim dan joe ned kai eli ari zac jed
`.split(/\s+/).filter(Boolean));

/** The share of `values` whose first word is a common given name. */
export function givenNameShare(values: readonly string[]): number {
  const named = values.filter((v) => v.trim() !== '');
  if (named.length === 0) return 0;
  return named.filter((v) => GIVEN_NAMES.has(v.trim().split(/[\s-]+/)[0].toLowerCase())).length / named.length;
}
