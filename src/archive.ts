// The files of a .tcm (a ZIP archive), read under limits that hold while inflating: no entry and
// no archive may produce more bytes than the limits below, whatever its headers declare, and
// every entry must match its CRC-32. fflate does the inflating; the central directory is read
// here because fflate's unzipSync trusts declared sizes and checks no CRC.

import { Inflate } from 'fflate';

/** What a module may hold; docs/reliability.md states these to users. */
export const ARCHIVE_LIMITS = {
  /** Files in one archive. */
  entries: 4096,
  /** Bytes one file may inflate to (a SPIR-V task, a data file). */
  entryBytes: 64 << 20,
  /** Bytes a metadata.json or graphs.json may inflate to (the runtime parses them whole). */
  jsonBytes: 16 << 20,
  /** Bytes all files together may inflate to. */
  totalBytes: 256 << 20,
} as const;

export type ModuleFiles = Map<string, Uint8Array>;

/** Compressed bytes handed to the inflater at a time: bounds what one step can produce (~1000x). */
const STEP = 4096;

interface Entry {
  name: string;
  method: number;
  crc: number;
  storedSize: number;
  size: number;
  localOffset: number;
}

/** The limit on one file of a module, by its name. */
export function entryLimit(name: string): number {
  return name.endsWith('.json') ? ARCHIVE_LIMITS.jsonBytes : ARCHIVE_LIMITS.entryBytes;
}

/** Checks a module's files (from a ZIP or a directory) against the limits; throws on the first breach. */
export function checkModuleFiles(files: ModuleFiles): void {
  if (files.size > ARCHIVE_LIMITS.entries) throw new Error(`the module holds ${files.size} files, more than the ${ARCHIVE_LIMITS.entries} allowed`);
  let total = 0;
  for (const [name, data] of files) {
    if (data.length > entryLimit(name)) throw new Error(`${name} is ${data.length} bytes, more than the ${entryLimit(name)} allowed`);
    total += data.length;
    if (total > ARCHIVE_LIMITS.totalBytes) throw new Error(`the module's files exceed ${ARCHIVE_LIMITS.totalBytes} bytes in all`);
  }
}

/**
 * The files of a ZIP archive by base name (Taichi writes them flat; a folder prefix is dropped).
 * Throws an Error naming the entry and the rule on a damaged, lying or oversized archive.
 */
export function unzipModule(bytes: Uint8Array): ModuleFiles {
  const out: ModuleFiles = new Map();
  const fullNames = new Map<string, string>();
  let total = 0;
  for (const e of centralDirectory(bytes)) {
    if (e.name.endsWith('/')) continue;
    const base = e.name.slice(e.name.lastIndexOf('/') + 1);
    const earlier = fullNames.get(base);
    if (earlier !== undefined) throw new Error(`the archive holds two files named ${base} ('${earlier}' and '${e.name}')`);
    fullNames.set(base, e.name);
    const limit = Math.min(entryLimit(base), ARCHIVE_LIMITS.totalBytes - total);
    if (e.size > limit) throw new Error(`${e.name} declares ${e.size} bytes, more than the ${limit} allowed`);
    const data = inflateEntry(bytes, e, limit);
    if (crc32(data) !== e.crc) throw new Error(`${e.name} fails its CRC-32 check: the archive is damaged`);
    total += data.length;
    out.set(base, data);
  }
  return out;
}

function centralDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes, then a comment of up to 65535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP archive (no end of central directory)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count > ARCHIVE_LIMITS.entries) throw new Error(`the archive holds ${count} files, more than the ${ARCHIVE_LIMITS.entries} allowed`);
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new Error(`central directory entry ${i} is damaged`);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > bytes.length) throw new Error(`central directory entry ${i} runs past the archive`);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      storedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at = next;
  }
  return entries;
}

/** An entry's bytes, refused as soon as it produces more than its declared size or `limit`. */
function inflateEntry(bytes: Uint8Array, e: Entry, limit: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = e.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new Error(`${e.name}: local header missing or damaged`);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + e.storedSize > bytes.length) throw new Error(`${e.name}: its ${e.storedSize} stored bytes run past the archive`);
  const stored = bytes.subarray(start, start + e.storedSize);
  const cap = Math.min(e.size, limit);
  if (e.method === 0) {
    if (stored.length !== e.size) throw new Error(`${e.name}: stored size ${stored.length} differs from its declared ${e.size} bytes`);
    return stored.slice();
  }
  if (e.method !== 8) throw new Error(`${e.name}: compression method ${e.method} is not supported (only stored and deflate)`);
  const out = new Uint8Array(cap);
  let produced = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (produced + chunk.length > cap) {
      overflow = true;
      throw new Error('overflow');
    }
    out.set(chunk, produced);
    produced += chunk.length;
  });
  try {
    for (let at = 0; at < stored.length || at === 0; at += STEP) inflater.push(stored.subarray(at, at + STEP), at + STEP >= stored.length);
  } catch (err) {
    if (overflow) throw new Error(`${e.name} inflates past its declared ${e.size} bytes (limit ${limit})`);
    throw new Error(`${e.name}: the deflate stream is damaged (${err instanceof Error ? err.message : String(err)})`);
  }
  if (produced !== e.size) throw new Error(`${e.name} inflates to ${produced} bytes, not its declared ${e.size}`);
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** ZIP's CRC-32 (fflate keeps its own internal; the browser has none). */
function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
