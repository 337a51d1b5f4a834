/** Exit codes: a public contract for scripts (README, "Exit codes"). Extend, never renumber. */
export const EXIT = {
  clean: 0,
  flagged: 1,
  rejected: 2,
  usage: 64,
  notRecognised: 65,
  unreadable: 66,
  internal: 70,
  cannotWrite: 73,
  badSettings: 78,
} as const;
