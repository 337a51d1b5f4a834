import { EXIT } from './exit-codes.js';

/** A mistake in the command line: the message says what to type instead; exit 64. */
export class UsageError extends Error {
  readonly exitCode = EXIT.usage;
}
