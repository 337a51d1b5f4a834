/**
 * The zip container of an .xlsx workbook, read and written with Node's own zlib: no dependency.
 * Reading trusts nothing the archive says: every part is inflated with `maxOutputLength`, so a
 * zip bomb (a part that says 1 KB and inflates to gigabytes) stops at the limit with a message,
 * never holding more than the limit in memory. Writing copies every part's compressed bytes as
 * they were and deflates only the parts it was given anew.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Why the bytes are not a workbook rollfix can read: the message ends the command (exit 66). */
export class WorkbookError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where its local header starts. */
  offset: number;
  /** Its central-directory record, as read (copied when the archive is written again). */
  central: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of the archive, from its central directory. */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const from = Math.max(0, zip.length - 65557);
  let end = -1;
  for (let at = zip.length - 22; at >= from; at--) {
    if (zip.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new WorkbookError('it is not a complete zip archive (cut short, or another kind of file named .xlsx)');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (at === 0xffffffff || count === 0xffff) throw new WorkbookError('it is a zip64 archive (over 4 GB or 65,535 parts), larger than a batch workbook');
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new WorkbookError('its zip directory is damaged');
    const nameLength = zip.readUInt16LE(at + 28);
    const length = 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
      central: zip.subarray(at, at + length),
    });
    at += length;
  }
  return entries;
}

/** The compressed bytes of an entry, as stored. */
function rawData(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.offset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) throw new WorkbookError(`its part ${entry.name} is damaged`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + entry.compressedSize > zip.length) throw new WorkbookError(`its part ${entry.name} is cut short`);
  return zip.subarray(start, start + entry.compressedSize);
}

/** An entry's bytes, inflated to at most `limit` bytes (else a WorkbookError naming what it holds). */
export function inflateEntry(zip: Buffer, entry: ZipEntry, limit: number, what: string): Buffer {
  if (entry.flags & 1) throw new WorkbookError('it is encrypted (password-protected); remove the password in Excel and save it again');
  const data = rawData(zip, entry);
  if (entry.method === 0) {
    if (data.length > limit) throw new WorkbookError(`its ${what} is larger than ${limit >> 20} MB, more than rollfix reads`);
    return data;
  }
  if (entry.method !== 8) throw new WorkbookError(`its part ${entry.name} is compressed in a way Excel does not use (method ${entry.method})`);
  try {
    return inflateRawSync(data, { maxOutputLength: limit });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new WorkbookError(`its ${what} inflates to more than ${limit >> 20} MB (a zip bomb, or far larger than a batch file), more than rollfix reads`);
    }
    throw new WorkbookError(`its part ${entry.name} is damaged (${(error as Error).message})`);
  }
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(bytes: Buffer): number {
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/**
 * The archive again, in its order, with the parts in `replaced` (by name) deflated anew and
 * every other part's compressed bytes copied unchanged.
 */
export function rewriteZip(zip: Buffer, entries: readonly ZipEntry[], replaced: ReadonlyMap<string, Buffer>): Buffer {
  const pieces: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const fresh = replaced.get(entry.name);
    const data = fresh ? deflateRawSync(fresh) : rawData(zip, entry);
    const central = Buffer.from(entry.central);
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags & ~8 & 0xffff, 6); // sizes are in this header: no data descriptor
    local.writeUInt16LE(fresh ? 8 : entry.method, 8);
    central.copy(local, 10, 12, 16); // time and date
    local.writeUInt32LE(fresh ? crc32(fresh) : entry.crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(fresh ? fresh.length : entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    central.writeUInt16LE(entry.flags & ~8 & 0xffff, 8);
    central.writeUInt16LE(fresh ? 8 : entry.method, 10);
    local.copy(central, 16, 14, 26); // crc and sizes
    central.writeUInt32LE(offset, 42);
    pieces.push(local, name, data);
    centrals.push(central);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...pieces, directory, end]);
}
