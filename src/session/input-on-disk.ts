/**
 * Whether the file the clerk opened is still, on disk, the file they are editing: asked at write
 * time, since the output is built from the bytes read when it was opened. Another program (an
 * export run again, a colleague's editor) may have changed it, replaced it or deleted it since;
 * writing then would quietly drop what it changed, so the clerk is asked first.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync, type Stats } from 'node:fs';
import { sameStat, type Doc } from './document.js';

export interface InputChange {
  /** changed: the same file, other content; replaced: another file at its path; deleted: none. */
  how: 'changed' | 'replaced' | 'deleted';
  /** When the file now there was last modified (none when deleted). */
  modified: Date | null;
}

function hashOf(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path).on('data', (chunk) => hash.update(chunk)).on('error', reject).on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * How the input differs from the file as opened, or null when it is the same content. The same
 * size, times and inode mean the same file (any write changes ctime); otherwise the content is
 * read again and compared with the SHA-256 of the bytes held, so a file merely touched or copied
 * back unchanged asks nothing.
 */
export async function inputChange(doc: Doc): Promise<InputChange | null> {
  const opened = doc.opened;
  if (!opened) return null;
  const path = doc.report.input.path;
  let now: Stats;
  try {
    now = statSync(path);
  } catch {
    return { how: 'deleted', modified: null }; // gone, or a folder on its way is gone
  }
  if (!now.isFile()) return { how: 'replaced', modified: now.mtime };
  if (sameStat(now, opened)) return null;
  let hash: string;
  try {
    hash = await hashOf(path);
  } catch {
    return { how: 'replaced', modified: now.mtime }; // there, but no longer readable
  }
  if (hash === opened.hash()) return null;
  return { how: now.ino === opened.ino && now.dev === opened.dev ? 'changed' : 'replaced', modified: now.mtime };
}
