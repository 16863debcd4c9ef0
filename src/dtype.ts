import { TaichiError } from './errors.js';
import { TiDataType } from './abi/taichi-enums.js';

/** The data types a module's metadata names (wasm/src/describe.cpp), as Taichi names them. */
export type DataTypeName = 'f16' | 'f32' | 'f64' | 'i8' | 'i16' | 'i32' | 'i64' | 'u1' | 'u8' | 'u16' | 'u32' | 'u64' | 'gen' | 'unknown';

interface DTypeInfo {
  value: number;
  bytes: number;
  array: { new (buffer: ArrayBuffer): ArrayBufferView; BYTES_PER_ELEMENT: number };
}

/** The data types an ndarray can hold, and how. f16 data travels as its raw 16-bit patterns (Uint16Array). */
export const DTYPES = {
  f32: { value: TiDataType.F32, bytes: 4, array: Float32Array },
  i32: { value: TiDataType.I32, bytes: 4, array: Int32Array },
  u32: { value: TiDataType.U32, bytes: 4, array: Uint32Array },
  f16: { value: TiDataType.F16, bytes: 2, array: Uint16Array },
  i16: { value: TiDataType.I16, bytes: 2, array: Int16Array },
  u16: { value: TiDataType.U16, bytes: 2, array: Uint16Array },
  i8: { value: TiDataType.I8, bytes: 1, array: Int8Array },
  u8: { value: TiDataType.U8, bytes: 1, array: Uint8Array },
} as const satisfies Partial<Record<DataTypeName, DTypeInfo>>;

/** Element types an ndarray can hold. */
export type DType = keyof typeof DTYPES;

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

/** Whether `name` (a module's data type, or a name from the command line) is a DType. */
export function isDType(name: string): name is DType {
  return BY_NAME.has(name);
}

/** How `dtype` is stored; INVALID_ARGUMENT for a type no ndarray holds. */
export function dtypeInfo(dtype: DataTypeName | DType): DTypeInfo {
  const info = BY_NAME.get(dtype);
  if (!info) throw new TaichiError('INVALID_ARGUMENT', `unknown dtype '${dtype}' (one of ${Object.keys(DTYPES).join(', ')})`);
  return info;
}
