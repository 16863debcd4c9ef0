// A ZIP writer that lets the fuzzer say what fflate's writer will not: repeated names, entries in
// any order, declared sizes and CRCs that disagree with the data, and deflated bodies of any size.
import { crc32 } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** The uncompressed size written in the headers (default: the real length). */
  declaredSize?: number;
  /** The stored (compressed) size written in the headers (default: the real length). */
  storedSize?: number;
  /** The entry's body as raw deflate (method 8); `data` then only gives the CRC and real size. */
  deflated?: Uint8Array;
  /** The CRC-32 written in the headers (default: the data's). */
  crc?: number;
}

export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const body = e.deflated ?? e.data;
    const crc = (e.crc ?? crc32(e.data)) >>> 0;
    const stored = (e.storedSize ?? body.length) >>> 0;
    const size = (e.declaredSize ?? e.data.length) >>> 0;
    // The local header and the central directory entry share these fields; the central one's sit
    // two bytes later, after its "version made by".
    const fields = (view: DataView, at: number) => {
      view.setUint16(at, 20, true); // version needed
      view.setUint16(at + 4, e.deflated ? 8 : 0, true); // method
      view.setUint16(at + 8, 0x21, true); // date: 1980-01-01
      view.setUint32(at + 10, crc, true);
      view.setUint32(at + 14, stored, true);
      view.setUint32(at + 18, size, true);
      view.setUint16(at + 22, name.length, true);
    };
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    fields(local, 4);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    fields(cd, 6);
    cd.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), name, body);
    central.push(new Uint8Array(cd.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const cdSize = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
