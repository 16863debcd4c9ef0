// Writes and reads C structs by field name in any heap (a wasm runtime's or a test's own), with
// the layout tables the project uses everywhere, so tests never count offsets by hand.

import { isArrayType, isStructLayout, type FieldType, type StructLayout } from '../../shim/src/abi/layout.js';

export type FieldValue = number | bigint;

function writeScalar(view: DataView, at: number, type: FieldType, value: FieldValue, name: string): void {
  if (isArrayType(type) || isStructLayout(type)) throw new Error(`${name}: write nested fields one by one`);
  switch (type) {
    case 'u8':
      return view.setUint8(at, Number(value));
    case 'u16':
      return view.setUint16(at, Number(value), true);
    case 'f32':
      return view.setFloat32(at, Number(value), true);
    case 'f64':
      return view.setFloat64(at, Number(value), true);
    case 'i32':
      return view.setInt32(at, Number(value), true);
    case 'u64':
    case 'handle64':
      return view.setBigUint64(at, BigInt.asUintN(64, BigInt(value)), true);
    default:
      return view.setUint32(at, Number(value) >>> 0, true);
  }
}

/** Zeroes `layout.size` bytes at `ptr`, then writes the given fields. */
export function writeStruct(view: DataView, ptr: number, layout: StructLayout, values: Record<string, FieldValue>): void {
  new Uint8Array(view.buffer, ptr, layout.size).fill(0);
  for (const [name, value] of Object.entries(values)) {
    const field = layout.fields.find((f) => f.name === name);
    if (!field) throw new Error(`${layout.name} has no field ${name}`);
    writeScalar(view, ptr + field.offset, field.type, value, `${layout.name}.${name}`);
  }
}

export function readU64(view: DataView, ptr: number): bigint {
  return view.getBigUint64(ptr, true);
}
