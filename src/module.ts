import type { RuntimeContext } from './context.js';
import { NdArray } from './ndarray.js';
import { dtypeInfo, type DataTypeName } from './dtype.js';
import { Image, type TextureArgument } from './image.js';
import { TaichiError } from './errors.js';
import { TiArgument, TiArgumentValue, TiNamedArgument, TiScalar, TiTensor, TiTensorValue, TiTensorValueWithLength } from './abi/taichi-structs.js';
import { TiArgumentType, TiDataType } from './abi/taichi-enums.js';

/** One argument of a kernel or graph, as the module's metadata declares it. */
export interface ArgumentSignature {
  name: string;
  kind: 'scalar' | 'ndarray' | 'texture' | 'rw_texture' | 'tensor';
  dtype: DataTypeName;
  /** An ndarray's number of dimensions. */
  ndim: number;
  /** An ndarray's element shape, or a tensor's shape. */
  elementShape: number[];
}

export interface KernelSignature {
  name: string;
  args: ArgumentSignature[];
}

export interface GraphSignature {
  name: string;
  dispatches: number;
  args: ArgumentSignature[];
}

/**
 * A value for one argument: an ndarray, a number (scalar), numbers (a vector or matrix argument:
 * flat, or a matrix as rows) or an image (texture, alone or with a sampler).
 */
export type ArgumentValue = NdArray | number | readonly number[] | readonly (readonly number[])[] | Image | TextureArgument;

/**
 * The argument types of a module's kernels (positional) and graphs (named), as the interface
 * that `taichi-wasm types module.tcm` writes; `runtime.loadModule<M>()` takes it.
 */
export interface ModuleTypes {
  kernels: { [name: string]: readonly ArgumentValue[] };
  graphs: { [name: string]: { [arg: string]: ArgumentValue } };
}

/** A module loaded without its types: any name, arguments checked at launch only. */
export interface UntypedModule extends ModuleTypes {
  kernels: { [name: string]: ArgumentValue[] };
  graphs: { [name: string]: Record<string, ArgumentValue> };
}

const ARG = TiArgument.size;

/** Writes TiArgument `index` of a list at `base`. */
/** Where an argument is, for errors: a kernel's by position (named only when an error needs it), a graph's by name. */
function place(where: string | number): string {
  return typeof where === 'number' ? `argument ${where}` : where;
}

function writeArgument(view: DataView, at: number, sig: ArgumentSignature, value: ArgumentValue, runtime: RuntimeContext, where: string | number): void {
  const v = at + TiArgument.offsets.value;
  switch (sig.kind) {
    case 'ndarray':
      if (!(value instanceof NdArray)) throw new TaichiError('INVALID_ARGUMENT', `${place(where)} ('${sig.name}') must be an NdArray`);
      if (value.memory.runtime !== runtime) throw new TaichiError('INVALID_ARGUMENT', `${place(where)} ('${sig.name}') belongs to another runtime`);
      if (value.memory.isFreed) throw new TaichiError('INVALID_STATE', `${place(where)} ('${sig.name}') was freed`);
      view.setUint32(at + TiArgument.offsets.type, TiArgumentType.NDARRAY, true);
      value.writeTo(view, v + TiArgumentValue.offsets.ndarray);
      return;
    case 'scalar': {
      if (typeof value !== 'number') throw new TaichiError('INVALID_ARGUMENT', `${place(where)} ('${sig.name}') must be a number`);
      const dtype = dtypeInfo(sig.dtype).value;
      if (dtype === TiDataType.F32) {
        view.setUint32(at + TiArgument.offsets.type, TiArgumentType.F32, true);
        view.setFloat32(v + TiArgumentValue.offsets.f32, value, true);
      } else if (dtype === TiDataType.I32) {
        view.setUint32(at + TiArgument.offsets.type, TiArgumentType.I32, true);
        view.setInt32(v + TiArgumentValue.offsets.i32, value, true);
      } else {
        view.setUint32(at + TiArgument.offsets.type, TiArgumentType.SCALAR, true);
        const s = v + TiArgumentValue.offsets.scalar;
        view.setUint32(s + TiScalar.offsets.type, dtype, true);
        const x = s + TiScalar.offsets.value;
        // An f16 travels as a 32-bit float; integers as their bits.
        if (dtype === TiDataType.F16) view.setFloat32(x, value, true);
        else if (dtype === TiDataType.U32) view.setUint32(x, value >>> 0, true);
        else view.setInt32(x, value | 0, true);
      }
      return;
    }
    case 'tensor': {
      const flat = Array.isArray(value) ? (value as readonly (number | readonly number[])[]).flat() : undefined;
      if (!flat || flat.some((x) => typeof x !== 'number')) {
        throw new TaichiError('INVALID_ARGUMENT', `${place(where)} ('${sig.name}') must be an array of numbers, or of rows of numbers`);
      }
      const info = dtypeInfo(sig.dtype);
      view.setUint32(at + TiArgument.offsets.type, TiArgumentType.TENSOR, true);
      const t = v + TiArgumentValue.offsets.tensor;
      view.setUint32(t + TiTensor.offsets.type, info.value, true);
      const c = t + TiTensor.offsets.contents;
      if (flat.length * info.bytes > TiTensorValue.size) throw new TaichiError('INVALID_ARGUMENT', `${place(where)} ('${sig.name}'): a tensor holds at most ${TiTensorValue.size} bytes`);
      view.setUint32(c + TiTensorValueWithLength.offsets.length, flat.length, true);
      const data = c + TiTensorValueWithLength.offsets.data;
      (flat as number[]).forEach((x, i) => {
        if (info.value === TiDataType.F32) view.setFloat32(data + 4 * i, x, true);
        else if (info.bytes === 4) view.setInt32(data + 4 * i, x | 0, true);
        else if (info.bytes === 2) view.setInt16(data + 2 * i, x | 0, true);
        else view.setInt8(data + i, x | 0);
      });
      return;
    }
    case 'texture':
    case 'rw_texture': {
      const texture = value instanceof Image ? { image: value } : value;
      if (typeof texture !== 'object' || !('image' in texture) || !(texture.image instanceof Image)) {
        throw new TaichiError('INVALID_ARGUMENT', `${place(where)} ('${sig.name}') must be an Image or { image, sampler? }`);
      }
      for (const owned of [texture.image, texture.sampler]) {
        if (owned && owned.runtime !== runtime) throw new TaichiError('INVALID_ARGUMENT', `${place(where)} ('${sig.name}') belongs to another runtime`);
      }
      texture.image.checkLive(`${place(where)} ('${sig.name}')`);
      if (texture.sampler?.isDestroyed) throw new TaichiError('INVALID_STATE', `${place(where)} ('${sig.name}'): the sampler was destroyed`);
      view.setUint32(at + TiArgument.offsets.type, TiArgumentType.TEXTURE, true);
      texture.image.writeTexture(view, v + TiArgumentValue.offsets.texture, texture.sampler);
      return;
    }
  }
}

/**
 * A kernel of a loaded module.
 *
 * ```ts
 * mod.kernel('fill').launch(ndarray, 3.5);
 * await runtime.wait();
 * ```
 */
export class Kernel<A extends readonly ArgumentValue[] = ArgumentValue[]> {
  private argsPtr = 0;

  /** @internal */
  constructor(
    readonly module: AotModule<ModuleTypes>,
    readonly handle: number,
    readonly signature: KernelSignature,
  ) {}

  get name(): string {
    return this.signature.name;
  }

  /** Records a launch; it runs at the next flush or wait. */
  launch(...args: A): void {
    const runtime = this.module.runtime;
    this.module.checkLive('launch');
    const sigs = this.signature.args;
    if (args.length !== sigs.length) {
      throw new TaichiError('INVALID_ARGUMENT', `kernel '${this.name}' takes ${sigs.length} arguments (${sigs.map((s) => s.name).join(', ')}), got ${args.length}`);
    }
    const wasm = runtime.wasm;
    if (!this.argsPtr && sigs.length > 0) this.argsPtr = this.module.ownHeap(ARG * sigs.length);
    const view = wasm.view();
    for (let i = 0; i < sigs.length; i++) writeArgument(view, this.argsPtr + i * ARG, sigs[i], args[i], runtime, i);
    wasm.callChecked('tiw_launch_kernel_checked', 'ti_launch_kernel', runtime.handle, this.handle, sigs.length, this.argsPtr);
  }
}

/**
 * A compute graph of a loaded module, launched with named arguments.
 *
 * ```ts
 * mod.graph('update').launch({ x, v, C, J, grid_v, grid_m, pos });
 * ```
 */
export class ComputeGraph<A extends { [arg: string]: ArgumentValue } = Record<string, ArgumentValue>> {
  private argsPtr = 0;
  private readonly namePtrs: number[] = [];

  /** @internal */
  constructor(
    readonly module: AotModule<ModuleTypes>,
    readonly handle: number,
    readonly signature: GraphSignature,
  ) {}

  get name(): string {
    return this.signature.name;
  }

  /** Records every dispatch of the graph; they run at the next flush or wait. */
  launch(args: A): void {
    const runtime = this.module.runtime;
    this.module.checkLive('launch');
    const sigs = this.signature.args;
    if (typeof args !== 'object' || args === null || Array.isArray(args) || args instanceof NdArray || args instanceof Image) {
      throw new TaichiError('INVALID_ARGUMENT', `graph '${this.name}' takes its arguments by name, as one object: launch({ ${sigs.map((s) => s.name).join(', ')} })`);
    }
    for (const sig of sigs) {
      if (!(sig.name in args)) throw new TaichiError('INVALID_ARGUMENT', `graph '${this.name}' needs argument '${sig.name}'`);
    }
    for (const name of Object.keys(args)) {
      if (!sigs.some((s) => s.name === name)) throw new TaichiError('INVALID_ARGUMENT', `graph '${this.name}' has no argument '${name}'`);
    }
    const wasm = runtime.wasm;
    const N = TiNamedArgument.size;
    if (!this.argsPtr && sigs.length > 0) {
      this.argsPtr = this.module.ownHeap(N * sigs.length);
      for (const sig of sigs) this.namePtrs.push(this.module.ownCString(sig.name));
    }
    const view = wasm.view();
    sigs.forEach((sig, i) => {
      const at = this.argsPtr + i * N;
      view.setUint32(at + TiNamedArgument.offsets.name, this.namePtrs[i], true);
      writeArgument(view, at + TiNamedArgument.offsets.argument, sig, args[sig.name], runtime, `argument '${sig.name}'`);
    });
    wasm.callChecked('tiw_launch_compute_graph_checked', 'ti_launch_compute_graph', runtime.handle, this.handle, sigs.length, this.argsPtr);
  }
}

/**
 * A loaded AOT module (.tcm or module directory).
 *
 * ```ts
 * const mod = await runtime.loadModule('fractal.kernel.tcm');
 * console.log(mod.kernels.map((k) => k.name));
 * ```
 */
export class AotModule<M extends ModuleTypes = UntypedModule> {
  readonly kernels: readonly KernelSignature[];
  readonly graphs: readonly GraphSignature[];
  private destroyed = false;
  private readonly heapBlocks: number[] = [];
  private readonly kernelCache = new Map<string, Kernel<readonly ArgumentValue[]>>();
  private readonly graphCache = new Map<string, ComputeGraph<{ [arg: string]: ArgumentValue }>>();

  /** @internal */
  constructor(
    readonly runtime: RuntimeContext,
    readonly handle: number,
  ) {
    const wasm = runtime.wasm;
    const size = wasm.call('ti_describe_aot_module_ext', handle, 0, 0n);
    const described = wasm.withHeap(size, (ptr) => {
      wasm.call('ti_describe_aot_module_ext', handle, ptr, BigInt(size));
      return JSON.parse(wasm.readCString(ptr, size)) as { kernels: KernelSignature[]; graphs: GraphSignature[] };
    });
    this.kernels = described.kernels;
    this.graphs = described.graphs;
  }

  kernel<K extends keyof M['kernels'] & string>(name: K): Kernel<M['kernels'][K]> {
    this.checkLive('kernel');
    let k = this.kernelCache.get(name);
    if (!k) {
      const handle = this.lookup('ti_get_aot_module_kernel', name);
      k = new Kernel(this, handle, this.kernels.find((s) => s.name === name)!);
      this.kernelCache.set(name, k);
    }
    return k as Kernel<M['kernels'][K]>;
  }

  graph<K extends keyof M['graphs'] & string>(name: K): ComputeGraph<M['graphs'][K]> {
    this.checkLive('graph');
    let g = this.graphCache.get(name);
    if (!g) {
      const handle = this.lookup('ti_get_aot_module_compute_graph', name);
      g = new ComputeGraph(this, handle, this.graphs.find((s) => s.name === name)!);
      this.graphCache.set(name, g);
    }
    return g as ComputeGraph<M['graphs'][K]>;
  }

  /** Waits for recorded work, then frees the module's pipelines and buffers. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.checkLive('destroy');
    this.destroyed = true;
    await this.runtime.wasm.callAsync('ti_destroy_aot_module', this.handle);
    for (const p of this.heapBlocks) this.runtime.wasm.free(p);
  }

  /** @internal */
  checkLive(what: string): void {
    if (this.destroyed) throw new TaichiError('INVALID_STATE', `${what}: the module was destroyed`);
    this.runtime.checkLive(what);
  }

  /** @internal Heap memory that lives as long as the module (argument lists). */
  ownHeap(size: number): number {
    const ptr = this.runtime.wasm.malloc(size);
    this.heapBlocks.push(ptr);
    return ptr;
  }

  /** @internal */
  ownCString(text: string): number {
    const ptr = this.runtime.wasm.allocCString(text);
    this.heapBlocks.push(ptr);
    return ptr;
  }

  private lookup(fn: string, name: string): number {
    const wasm = this.runtime.wasm;
    const namePtr = wasm.allocCString(name);
    try {
      return wasm.call(fn, this.handle, namePtr);
    } finally {
      wasm.free(namePtr);
    }
  }
}
