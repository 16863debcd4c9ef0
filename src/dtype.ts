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

export function dtypeInfo(dtype: string): DTypeInfo {
  const info = (DTYPES as Record<string, DTypeInfo | undefined>)[dtype];
  if (!info) throw new TaichiError('INVALID_ARGUMENT', `unknown dtype '${dtype}' (one of ${Object.keys(DTYPES).join(', ')})`);
  return info;
}
