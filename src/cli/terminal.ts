/**
 * The one way the CLI writes text to the terminal. Reports, messages and errors quote file names,
 * paths, field names and header facts taken from files and the command line; every line of what
 * is written goes through the sanitiser here, so no escape sequence, C1 control or bidi override
 * can reach the terminal however a message was built. Line breaks between lines are kept.
 */
import { sanitise } from '../core/printable.js';

/** Each line sanitised; the line breaks between them kept (a tab inside a line becomes visible). */
export function terminalSafe(text: string): string {
  return text.split('\n').map(sanitise).join('\n');
}

/**
 * A name or message put inside a line (a path, a file's message): its line breaks shown as
 * `<U+000A>`, so it cannot start a line of its own that looks like rollfix's. The rest is
 * sanitised once, by writeOut/writeErr.
 */
export function oneLine(text: string): string {
  return text.includes('\n') ? text.replaceAll('\n', '<U+000A>') : text;
}

export function writeOut(text: string): void {
  process.stdout.write(terminalSafe(text));
}

export function writeErr(text: string): void {
  process.stderr.write(terminalSafe(text));
}
