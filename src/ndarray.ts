import type { RuntimeContext } from './context.js';
import { Memory } from './memory.js';
import { TaichiError, describe } from './errors.js';
import { TiNdArray, TiNdShape } from './abi/taichi-structs.js';
import { dtypeInfo, integerRange, type DType } from './dtype.js';
import { decodeNpy, encodeNpy } from './npy.js';

export interface NdArrayOptions<E extends readonly number[] = readonly number[]> {
  /** Shape of each element: [] for scalars, [2] for vec2, [3, 3] for a 3x3 matrix. */
  elementShape?: E;
  hostRead?: boolean;
  hostWrite?: boolean;
  /** View this existing memory (e.g. an imported GPUBuffer) instead of allocating. */
  memory?: Memory;
}

type ArrayFor<D extends DType> = D extends 'f32'
  ? Float32Array
  : D extends 'i32'
    ? Int32Array
    : D extends 'u32'
      ? Uint32Array
      : D extends 'i16'
        ? Int16Array
        : D extends 'i8'
          ? Int8Array
          : D extends 'u8'
            ? Uint8Array
            : Uint16Array;

/** What write() takes besides numbers: the dtype's typed array, and for u8 also a canvas's pixels (ImageData.data). */
type WritableFor<D extends DType> = ArrayFor<D> | (D extends 'u8' ? Uint8ClampedArray : never);

/**
 * An n-dimensional array in device memory, as Taichi kernels take it (TiNdArray).
 *
 * ```ts
 * const a = runtime.ndarray('f32', [37, 53]);
 * a.write(new Float32Array(37 * 53).fill(1));
 * const values = await a.read();
 * ```
 */
/** An ndarray's shape with `N` dimensions (a plain array of numbers where `N` is `number`). */
export type Shape<N extends number> = readonly number[] & { readonly length: N };

/**
 * `NdArray<'f32', 2>` is a 2-D ndarray of f32 scalars, `NdArray<'f32', 2, readonly [3]>` of f32
 * 3-vectors, `NdArray<'f32'>` any f32 ndarray; `runtime.ndarray` infers all three from its
 * arguments, so a typed kernel (see `taichi-wasm types`) can check them.
 */
export class NdArray<D extends DType = DType, N extends number = number, E extends readonly number[] = number extends N ? readonly number[] : readonly []> {
  /** @internal */
  constructor(
    readonly memory: Memory,
    readonly dtype: D,
    readonly shape: Shape<N>,
    readonly elementShape: E,
  ) {}

  /**
   * Allocates an ndarray holding the values of .npy bytes (np.save's output). The array's last
   * `elementDims` dimensions are the element shape (1 for an ndarray of vectors, 2 of matrices).
   * @internal
   */
  static fromNpy(runtime: RuntimeContext, bytes: Uint8Array, elementDims: number, options: Omit<NdArrayOptions, 'elementShape' | 'memory'>): NdArray {
    const npy = decodeNpy(bytes);
    if (!Number.isInteger(elementDims) || elementDims < 0 || elementDims > npy.shape.length) {
      throw new TaichiError('INVALID_ARGUMENT', `ndarrayFromNpy: elementDims ${elementDims} of an array of shape (${npy.shape.join(', ')})`);
    }
    const split = npy.shape.length - elementDims;
    const array = NdArray.allocate(runtime, npy.dtype, npy.shape.slice(0, split), { ...options, elementShape: npy.shape.slice(split), hostWrite: true });
    array.memory.write(npy.data);
    return array;
  }

  /** @internal */
  static allocate<D extends DType>(runtime: RuntimeContext, dtype: D, shape: readonly number[], options: NdArrayOptions = {}): NdArray<D> {
    const info = dtypeInfo(dtype);
    const elementShape = options.elementShape ?? [];
    for (const [what, dims] of [['shape', shape], ['elementShape', elementShape]] as const) {
      if (!Array.isArray(dims) || dims.length > 16 || dims.some((d) => !Number.isInteger(d) || d <= 0 || d > 0x7fffffff)) {
        throw new TaichiError('INVALID_ARGUMENT', `ndarray ${what} must be at most 16 positive integers, got ${JSON.stringify(dims)}`);
      }
    }
    const count = [...shape, ...elementShape].reduce((a, b) => a * b, 1);
    if (options.memory && options.memory.size < count * info.bytes) {
      throw new TaichiError('INVALID_ARGUMENT', `ndarray of ${count * info.bytes} bytes does not fit the ${options.memory.size}-byte memory`);
    }
    const memory = options.memory ?? Memory.allocate(runtime, { size: count * info.bytes, hostRead: options.hostRead, hostWrite: options.hostWrite });
    return new NdArray(memory, dtype, [...shape], [...elementShape]);
  }

  /** Number of scalar values (shape and element shape multiplied out). */
  get length(): number {
    return [...this.shape, ...this.elementShape].reduce((a, b) => a * b, 1);
  }

  /**
   * Writes all values (row-major, element components innermost): a typed array of the dtype's own
   * kind (Float32Array for f32; Uint16Array bit patterns for f16; Uint8Array or Uint8ClampedArray
   * for u8), or an array of numbers, each checked to fit the dtype. Anything else is a TypeError.
   *
   * ```ts
   * // A canvas's pixels into a kernel taking ti.types.ndarray(ti.types.vector(4, ti.u8), ndim=2):
   * const pixels = runtime.ndarray('u8', [height, width], { elementShape: [4] });
   * pixels.write(context.getImageData(0, 0, width, height).data);
   * ```
   */
  write(values: WritableFor<D> | readonly number[]): void {
    const info = dtypeInfo(this.dtype);
    let typed: ArrayBufferView;
    if (values instanceof info.array || (this.dtype === 'u8' && values instanceof Uint8ClampedArray)) {
      typed = values;
    } else if (Array.isArray(values)) {
      typed = this.convert(values, info);
    } else {
      throw new TypeError(`write: a ${this.dtype} ndarray takes a ${info.array.name} or an array of numbers, got ${describe(values)}`);
    }
    if (typed.byteLength !== this.length * info.bytes) {
      throw new TaichiError('INVALID_ARGUMENT', `write: ${typed.byteLength} bytes given, the ndarray holds ${this.length * info.bytes}`);
    }
    this.memory.write(typed);
  }

  /** Writes the values of .npy bytes: their dtype and shape (shape, then element shape) must be this ndarray's. */
  writeNpy(bytes: Uint8Array): void {
    const npy = decodeNpy(bytes);
    const shape = [...this.shape, ...this.elementShape];
    if (npy.dtype !== this.dtype || npy.shape.length !== shape.length || npy.shape.some((d, i) => d !== shape[i])) {
      throw new TaichiError('INVALID_ARGUMENT', `writeNpy: the file holds ${npy.dtype} (${npy.shape.join(', ')}), the ndarray is ${this.dtype} (${shape.join(', ')})`);
    }
    this.memory.write(npy.data);
  }

  /** Waits for the runtime's work and reads all values back as .npy bytes (np.load reads them; shape then element shape). */
  async readNpy(): Promise<Uint8Array> {
    return encodeNpy(this.dtype, [...this.shape, ...this.elementShape], await this.read());
  }

  private convert(values: readonly unknown[], info: ReturnType<typeof dtypeInfo>): ArrayBufferView {
    const range = integerRange(this.dtype);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== 'number') throw new TypeError(`write: element ${i} is ${describe(v)}, not a number`);
      if (range && !(Number.isInteger(v) && v >= range[0] && v <= range[1])) {
        throw new TaichiError('ARGUMENT_OUT_OF_RANGE', `write: element ${i} (${v}) is not a ${this.dtype} value (an integer in [${range[0]}, ${range[1]}])`);
      }
    }
    const converted = new info.array(new ArrayBuffer(values.length * info.bytes)) as ArrayBufferView & { set(a: ArrayLike<number>): void };
    converted.set(values as readonly number[]);
    return converted;
  }

  /** Waits for the runtime's work and reads all values back. */
  async read(): Promise<ArrayFor<D>> {
    return (await this.memory.read(dtypeInfo(this.dtype).array)) as ArrayFor<D>;
  }

  free(): void {
    this.memory.free();
  }

  /** @internal Writes this ndarray as a TiNdArray at `ptr`. */
  writeTo(view: DataView, ptr: number): void {
    view.setUint32(ptr + TiNdArray.offsets.memory, this.memory.handle, true);
    writeShape(view, ptr + TiNdArray.offsets.shape, this.shape);
    writeShape(view, ptr + TiNdArray.offsets.elem_shape, this.elementShape);
    view.setUint32(ptr + TiNdArray.offsets.elem_type, dtypeInfo(this.dtype).value, true);
  }
}

/** The runtime reads dims[0, dim_count) only, so the unused slots are left as they are (this runs per launch). */
function writeShape(view: DataView, ptr: number, dims: readonly number[]): void {
  view.setUint32(ptr + TiNdShape.offsets.dim_count, dims.length, true);
  for (let i = 0; i < dims.length; i++) view.setUint32(ptr + TiNdShape.offsets.dims + 4 * i, dims[i], true);
}

