// NumPy's .npy format (versions 1.0 to 3.0): what `np.save` writes and `np.load` reads, so data
// moves between Taichi's Python side (`ndarray.to_numpy()`) and this runtime without conversion.
// Only little-endian, C-order arrays of the element types an ndarray can hold are accepted.

import { TaichiError } from './errors.js';
import { DTYPES, type DType } from './dtype.js';

/** The .npy descr of each dtype (one-byte types have no byte order: '|'). */
const DESCR: Record<DType, string> = { f32: '<f4', i32: '<i4', u32: '<u4', f16: '<f2', i16: '<i2', u16: '<u2', i8: '|i1', u8: '|u1' };

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** An array decoded from .npy bytes: its dtype, its full shape ([] for a 0-d array) and its values (f16 as raw bits). */
export interface NpyArray {
  dtype: DType;
  shape: number[];
  data: ArrayBufferView;
}

function fail(detail: string): never {
  throw new TaichiError('INVALID_ARGUMENT', `npy: ${detail}`);
}

/** The header's Python dict literal, reduced to its three keys. */
function parseHeader(text: string): { descr: string; fortran: boolean; shape: number[] } {
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text);
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text);
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(text);
  if (!descr || !fortran || !shape) fail(`header ${JSON.stringify(text.trim())} lacks descr, fortran_order or shape`);
  const dims = shape[1]
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : fail(`shape entry '${s}' is not a non-negative integer`)));
  return { descr: descr[1], fortran: fortran[1] === 'True', shape: dims };
}

/** Decodes .npy bytes (np.save's output). */
export function decodeNpy(bytes: Uint8Array): NpyArray {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) fail('not a .npy file (no \\x93NUMPY magic)');
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerLength: number;
  let start: number;
  if (major === 1) {
    headerLength = view.getUint16(8, true);
    start = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) fail('truncated header length');
    headerLength = view.getUint32(8, true);
    start = 12;
  } else {
    fail(`format version ${major}.${bytes[7]} (1.0 to 3.0 are read)`);
  }
  if (start + headerLength > bytes.length) fail('truncated header');
  const header = parseHeader(new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + headerLength)));
  if (header.fortran) fail('Fortran-order arrays are not read (save a C-order array: np.ascontiguousarray)');
  const dtype = (Object.keys(DESCR) as DType[]).find((d) => DESCR[d] === header.descr || (DESCR[d][0] === '|' && header.descr === `<${DESCR[d].slice(1)}`));
  if (!dtype) fail(`dtype '${header.descr}' is not one of ${Object.values(DESCR).join(', ')} (little-endian)`);
  const info = DTYPES[dtype];
  const count = header.shape.reduce((a, b) => a * b, 1);
  const offset = start + headerLength;
  if (bytes.length - offset !== count * info.bytes) fail(`shape (${header.shape.join(', ')}) of ${header.descr} needs ${count * info.bytes} data bytes, the file has ${bytes.length - offset}`);
  const copy = new ArrayBuffer(count * info.bytes);
  new Uint8Array(copy).set(bytes.subarray(offset));
  return { dtype, shape: header.shape, data: new info.array(copy) };
}

/** Encodes values as .npy (version 1.0; 2.0 where the header outgrows 64 KiB), as np.save does. */
export function encodeNpy(dtype: DType, shape: readonly number[], data: ArrayBufferView): Uint8Array {
  const info = DTYPES[dtype];
  if (!info) fail(`unknown dtype '${String(dtype)}'`);
  const count = shape.reduce((a, b) => a * b, 1);
  if (data.byteLength !== count * info.bytes) fail(`shape (${shape.join(', ')}) of ${dtype} needs ${count * info.bytes} bytes, got ${data.byteLength}`);
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '${DESCR[dtype]}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  // The header (with its magic and length) is padded with spaces to a multiple of 64 and ends with '\n'.
  const v1 = dict.length + 1 + 10 <= 0xffff + 10;
  const prefix = v1 ? 10 : 12;
  const padded = Math.ceil((prefix + dict.length + 1) / 64) * 64;
  const header = dict + ' '.repeat(padded - prefix - dict.length - 1) + '\n';
  const out = new Uint8Array(padded + data.byteLength);
  out.set(MAGIC);
  out[6] = v1 ? 1 : 2;
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (v1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[prefix + i] = header.charCodeAt(i);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), padded);
  return out;
}
