// A small struct-layout engine for the wasm32 C ABI, so the TypeScript side can read and write
// C structs in the wasm heap by name instead of by hand-counted offsets.
//
// wasm32 rules (clang, the same as any ILP32 target with natural alignment): every scalar is
// aligned to its own size, pointers and size_t are 4 bytes, 64-bit integers and doubles are
// 8 bytes with alignment 8, a struct is aligned to its most aligned member and padded to a
// multiple of that, a union is as large as its largest member rounded up the same way.
// test/shim/abi.test.ts compares every table built here with what emcc computes.

export type ScalarType =
  | 'u8'
  | 'u16'
  | 'u32'
  | 'i32'
  | 'f32'
  | 'u64'
  | 'f64'
  // size_t: kept apart from u32 so a reader knows the C type, though both are 4 bytes here.
  | 'usize'
  | 'ptr'
  // Vulkan non-dispatchable handles (uint64_t on 32-bit targets).
  | 'handle64'
  // Vulkan dispatchable handles and Taichi handles (pointers).
  | 'handle32';

export interface ArrayType {
  readonly array: FieldType;
  readonly count: number;
}

export type FieldType = ScalarType | ArrayType | StructLayout;

export interface FieldLayout {
  readonly name: string;
  readonly type: FieldType;
  readonly offset: number;
  readonly size: number;
  readonly align: number;
}

export interface StructLayout<K extends string = string> {
  readonly kind: 'struct' | 'union';
  readonly name: string;
  readonly size: number;
  readonly align: number;
  readonly offsets: Readonly<Record<K, number>>;
  readonly fields: readonly FieldLayout[];
}

export type FieldList = readonly (readonly [string, FieldType])[];

const SCALAR_SIZES: Readonly<Record<ScalarType, number>> = {
  u8: 1,
  u16: 2,
  u32: 4,
  i32: 4,
  f32: 4,
  u64: 8,
  f64: 8,
  usize: 4,
  ptr: 4,
  handle64: 8,
  handle32: 4,
};

export function isArrayType(type: FieldType): type is ArrayType {
  return typeof type === 'object' && 'array' in type;
}

export function isStructLayout(type: FieldType): type is StructLayout {
  return typeof type === 'object' && 'fields' in type;
}

export function sizeOf(type: FieldType): number {
  if (typeof type === 'string') return SCALAR_SIZES[type];
  if (isArrayType(type)) return sizeOf(type.array) * type.count;
  return type.size;
}

export function alignOf(type: FieldType): number {
  if (typeof type === 'string') return SCALAR_SIZES[type];
  if (isArrayType(type)) return alignOf(type.array);
  return type.align;
}

export function arrayOf(type: FieldType, count: number): ArrayType {
  if (!Number.isInteger(count) || count <= 0) {
    throw new RangeError(`array count must be a positive integer, got ${count}`);
  }
  return { array: type, count };
}

function alignUp(value: number, align: number): number {
  return Math.ceil(value / align) * align;
}

function layout<const F extends FieldList>(
  kind: 'struct' | 'union',
  name: string,
  fields: F,
): StructLayout<F[number][0]> {
  const placed: FieldLayout[] = [];
  const offsets: Record<string, number> = {};
  let end = 0;
  let align = 1;
  for (const [fieldName, type] of fields) {
    if (fieldName in offsets) throw new Error(`${name}: duplicate field ${fieldName}`);
    const fieldSize = sizeOf(type);
    const fieldAlign = alignOf(type);
    const offset = kind === 'struct' ? alignUp(end, fieldAlign) : 0;
    placed.push({ name: fieldName, type, offset, size: fieldSize, align: fieldAlign });
    offsets[fieldName] = offset;
    end = Math.max(end, offset + fieldSize);
    align = Math.max(align, fieldAlign);
  }
  return {
    kind,
    name,
    size: alignUp(end, align),
    align,
    offsets: offsets as Record<F[number][0], number>,
    fields: placed,
  };
}

export function defineStruct<const F extends FieldList>(
  name: string,
  fields: F,
): StructLayout<F[number][0]> {
  return layout('struct', name, fields);
}

export function defineUnion<const F extends FieldList>(
  name: string,
  fields: F,
): StructLayout<F[number][0]> {
  return layout('union', name, fields);
}

/** The field called `name`; throws when the layout has none, which is always a programming error. */
export function field(struct: StructLayout, name: string): FieldLayout {
  const found = struct.fields.find((f) => f.name === name);
  if (!found) throw new Error(`${struct.name} has no field ${name}`);
  return found;
}

/**
 * Byte offset of a dotted path inside `struct`, descending into nested structs and unions, with
 * numeric segments for array elements: `offsetOf(VkImageCopy, 'dstOffset.y')`,
 * `offsetOf(VkPhysicalDeviceMemoryProperties, 'memoryHeaps.2.size')`.
 */
export function offsetOf(struct: StructLayout, path: string): number {
  let type: FieldType = struct;
  let offset = 0;
  for (const segment of path.split('.')) {
    if (isArrayType(type)) {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0 || index >= type.count) {
        throw new RangeError(`${path}: index ${segment} out of range`);
      }
      offset += index * sizeOf(type.array);
      type = type.array;
    } else if (isStructLayout(type)) {
      const f = field(type, segment);
      offset += f.offset;
      type = f.type;
    } else {
      throw new Error(`${path}: ${segment} indexes into a scalar`);
    }
  }
  return offset;
}
