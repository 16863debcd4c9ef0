import { TaichiError } from './errors.js';
import { TiDataType } from './abi/taichi-enums.js';

/** Element types an ndarray can hold, as Taichi names them. */
export type DType = 'f32' | 'i32' | 'u32' | 'f16' | 'i16' | 'u16' | 'i8' | 'u8';

interface DTypeInfo {
  value: number;
  bytes: number;
  array: { new (buffer: ArrayBuffer): ArrayBufferView; BYTES_PER_ELEMENT: number };
}

/** f16 data travels as its raw 16-bit patterns (Uint16Array). */
export const DTYPES: Record<DType, DTypeInfo> = {
  f32: { value: TiDataType.F32, bytes: 4, array: Float32Array },
  i32: { value: TiDataType.I32, bytes: 4, array: Int32Array },
  u32: { value: TiDataType.U32, bytes: 4, array: Uint32Array },
  f16: { value: TiDataType.F16, bytes: 2, array: Uint16Array },
  i16: { value: TiDataType.I16, bytes: 2, array: Int16Array },
  u16: { value: TiDataType.U16, bytes: 2, array: Uint16Array },
  i8: { value: TiDataType.I8, bytes: 1, array: Int8Array },
  u8: { value: TiDataType.U8, bytes: 1, array: Uint8Array },
};

/** By name in a Map: a plain object would also answer '__proto__', 'toString', ... */
const BY_NAME = new Map<string, DTypeInfo>(Object.entries(DTYPES));

/** The range a plain number must be in to become an element of each integer dtype (f16: its bit pattern). */
const INTEGER_RANGE: Partial<Record<DType, [number, number]>> = {
  i32: [-(2 ** 31), 2 ** 31 - 1],
  u32: [0, 2 ** 32 - 1],
  f16: [0, 0xffff],
  i16: [-(2 ** 15), 2 ** 15 - 1],
  u16: [0, 0xffff],
  i8: [-128, 127],
  u8: [0, 255],
};

/** [min, max] of the integers a dtype holds; undefined for f32, which takes any number. */
export function integerRange(dtype: DType): [number, number] | undefined {
  return INTEGER_RANGE[dtype];
}

export function dtypeInfo(dtype: string): DTypeInfo {
  const info = BY_NAME.get(dtype);
  if (!info) throw new TaichiError('INVALID_ARGUMENT', `unknown dtype '${dtype}' (one of ${Object.keys(DTYPES).join(', ')})`);
  return info;
}
