// One instance of the Taichi runtime compiled to wasm, with the Vulkan shim it calls into.
// Every C API call goes through `call` or `callAsync`, which clear the sticky error slot first
// and turn a failure into a TaichiError carrying the runtime's code and message.
//
// Calls that wait (callAsync) suspend wasm through Asyncify, and only one wasm stack can be
// suspended at a time: they run one after another in the order they were made. Calls that do
// not wait (call) run at once, even while a waiting call is suspended: they record work in call
// order, and the GPU queue runs it in that order, so callers see what sequential calls would.

import { VulkanShim, type GpuSource } from '../shim/src/vulkan.js';
import { currentPlatform } from './platform/index.js';
import type { EmscriptenModule, TaichiWasmFactory } from './platform/types.js';
import { TaichiError, errorCodeName } from './errors.js';
import { Host } from './host.js';

export type WasmArg = number | bigint;

/**
 * Awaits `promise` with a timer pending. V8 settles WebAssembly.instantiate from a task of its
 * own, not from the event loop, so in Node a program with nothing else pending leaves the loop
 * empty meanwhile; Node then drains V8's background work and runs everything after the
 * instantiation, the first module load included, from inside that drain: every wait for Dawn
 * (which Dawn answers from the event loop) then lasted until V8 had finished compiling all the
 * hot wasm in the background, 0.2-0.9 s of the first load.
 */
async function whileLoopAlive<T>(promise: Promise<T>): Promise<T> {
  const timer = setInterval(() => {}, 1000);
  try {
    return await promise;
  } finally {
    clearInterval(timer);
  }
}

interface Queued {
  start: () => void;
  cancel: (error: Error) => void;
}

export class TaichiWasm {
  /** Waiting calls not yet started, in call order. */
  private readonly queue: Queued[] = [];
  private running = false;
  private validationSeen = 0;
  private readonly exports = new Map<string, (...args: WasmArg[]) => unknown>();
  private cachedView: DataView | undefined;
  /** Run once, before the next C API call made through this object (beforeNextCall). */
  private readonly beforeCall: (() => void)[] = [];

  private constructor(
    readonly module: EmscriptenModule,
    readonly shim: VulkanShim,
  ) {}

  /**
   * Instantiates the runtime over a GPU source (an adapter, or an existing GPUDevice). `build`
   * replaces the packaged runtime with another program linked against libtaichi_c_api.a;
   * `moduleOptions` go to its emscripten factory as well (print, printErr, ...); `wasmUrl` loads
   * the packaged runtime's wasm from elsewhere.
   */
  static async instantiate(
    source: GpuSource,
    build?: { factory: TaichiWasmFactory; wasmBinary: Uint8Array; moduleOptions?: Record<string, unknown> },
    wasmUrl?: string | URL,
  ): Promise<TaichiWasm> {
    const platform = await currentPlatform();
    const [factory, wasmBinary] = build ? [build.factory, build.wasmBinary] : await Promise.all([platform.factory(), platform.wasmBytes(wasmUrl)]);
    let module: EmscriptenModule | undefined;
    const shim = new VulkanShim(
      {
        buffer: () => module!.HEAPU8.buffer as ArrayBuffer,
        malloc: (size) => module!._malloc(size as never) as number,
        free: (ptr) => void module!._free(ptr as never),
        call: (fn, args) => (module as unknown as { vulkanCall(fn: number): (...a: number[]) => number }).vulkanCall(fn)(...args),
      },
      { ...source, parallelPipelines: source.parallelPipelines ?? platform.parallelPipelines },
    );
    const host = new Host({ heap: () => module!.HEAPU8, malloc: (size) => module!._malloc(size as never) as number }, platform);
    module = await whileLoopAlive(factory({ ...build?.moduleOptions, wasmBinary, vulkan: shim, host }));
    return new TaichiWasm(module, shim);
  }

  get heap(): Uint8Array {
    return this.module.HEAPU8;
  }

  /**
   * Runs `hook` once, before the next C API call (call, callChecked or callAsync) starts; the
   * returned function withdraws it if it has not run. A read that waits and then reads memory in
   * place records its copy here instead, so no call made meanwhile can change what it reads.
   */
  beforeNextCall(hook: () => void): () => void {
    this.beforeCall.push(hook);
    return () => {
      const i = this.beforeCall.indexOf(hook);
      if (i >= 0) this.beforeCall.splice(i, 1);
    };
  }

  /**
   * Runs the hooks waiting for the next call now (every call does this first). A check that
   * compares the shim's objects around one call runs them before it looks: a hook records an
   * earlier read's copy, which is that read's work, not the call's.
   */
  runBeforeCall(): void {
    if (this.beforeCall.length === 0) return;
    // Taken first: a hook's own calls must not run it again.
    for (const hook of this.beforeCall.splice(0)) hook();
  }

  /** Calls a C API function that never waits. */
  call(name: string, ...args: WasmArg[]): number {
    this.runBeforeCall();
    if (!this.running) return this.callNow(name, args);
    // A waiting call is suspended: this one must not suspend too (it cannot), and must leave the
    // error slot as it found it, for the waiting call to report when it resumes.
    const { code, message } = this.lastError();
    const seen = this.validationSeen;
    try {
      return this.shim.notSuspending(() => this.callNow(name, args));
    } finally {
      this.validationSeen = seen;
      const text = this.allocCString(message);
      this.raw('ti_set_last_error', BigInt(code), text);
      this.free(text);
    }
  }

  /**
   * call(name, ...args) in one crossing into wasm, for the launches: `checked` is the C function
   * that clears the error slot, calls `name` and answers the error code (wasm/src/launch.cpp).
   */
  callChecked(checked: string, name: string, ...args: WasmArg[]): void {
    this.runBeforeCall();
    if (this.running) {
      this.call(name, ...args);
      return;
    }
    this.validationSeen = this.shim.validation.count;
    if (this.raw(checked, ...args) !== 0) this.throwIfFailed();
  }

  private callNow(name: string, args: WasmArg[]): number {
    this.clearError();
    const result = this.raw(name, ...args);
    this.throwIfFailed();
    return result;
  }

  /**
   * Calls a C API function that may wait for the GPU (wasm suspends through Asyncify), after
   * every waiting call made before it has finished.
   */
  callAsync(name: string, ...args: WasmArg[]): Promise<number> {
    this.runBeforeCall();
    return new Promise<number>((resolve, reject) => {
      const start = () => {
        this.running = true;
        this.clearError();
        const done = () => {
          this.running = false;
          this.queue.shift()?.start();
        };
        this.shim
          .suspending(() => Promise.resolve(this.module.ccall(name, 'number', args.map(() => 'number'), args, { async: true })))
          .then((result) => {
            // The error slot is read before the next call can run and clear it.
            try {
              this.throwIfFailed();
              resolve(Number(result));
            } catch (e) {
              reject(e);
            }
          }, reject)
          .finally(done);
      };
      if (this.running) this.queue.push({ start, cancel: reject });
      else start();
    });
  }

  /** Rejects every waiting call not yet started with `error` (the one running finishes). */
  cancelQueued(error: Error): void {
    for (const q of this.queue.splice(0)) q.cancel(error);
  }

  /** A C function called as is, with no error-slot handling (for ti_get_last_error and tests). */
  raw(name: string, ...args: WasmArg[]): number {
    let fn = this.exports.get(name);
    if (!fn) {
      fn = this.module[`_${name}`] as ((...a: WasmArg[]) => unknown) | undefined;
      if (!fn) throw new TaichiError('NOT_SUPPORTED', `${name} is not exported by the wasm runtime`);
      this.exports.set(name, fn);
    }
    const result = fn(...args);
    return typeof result === 'bigint' ? Number(BigInt.asIntN(64, result)) : (result as number);
  }

  /** The error slot as (code, message), read with ti_get_last_error. */
  lastError(): { code: number; message: string } {
    return this.withHeap(8, (sizePtr) => {
      this.view().setBigUint64(sizePtr, 0n, true);
      const code = this.raw('ti_get_last_error', sizePtr, 0);
      const size = Number(this.view().getBigUint64(sizePtr, true));
      if (size <= 1) return { code, message: '' };
      return this.withHeap(size, (msgPtr) => {
        this.view().setBigUint64(sizePtr, BigInt(size), true);
        this.raw('ti_get_last_error', sizePtr, msgPtr);
        return { code, message: this.readCString(msgPtr, size - 1) };
      });
    });
  }

  /** A DataView of the heap, renewed only when wasm memory grows. */
  view(): DataView {
    const buffer = this.module.HEAPU8.buffer;
    if (this.cachedView?.buffer !== buffer) this.cachedView = new DataView(buffer);
    return this.cachedView;
  }

  /** Runs `fn` with `size` bytes of zeroed heap memory, freed afterwards. */
  withHeap<T>(size: number, fn: (ptr: number) => T): T {
    const ptr = this.malloc(size);
    try {
      return fn(ptr);
    } finally {
      this.free(ptr);
    }
  }

  async withHeapAsync<T>(size: number, fn: (ptr: number) => Promise<T>): Promise<T> {
    const ptr = this.malloc(size);
    try {
      return await fn(ptr);
    } finally {
      this.free(ptr);
    }
  }

  malloc(size: number): number {
    const ptr = this.raw('malloc', Math.max(size, 1));
    if (!ptr) throw new TaichiError('OUT_OF_MEMORY', `the wasm heap has no room for ${size} bytes`);
    this.heap.fill(0, ptr, ptr + size);
    return ptr;
  }

  free(ptr: number): void {
    this.raw('free', ptr);
  }

  /** A NUL-terminated copy of `text` in the heap; free it with `free`. */
  allocCString(text: string): number {
    const bytes = new TextEncoder().encode(text);
    const ptr = this.malloc(bytes.length + 1);
    this.heap.set(bytes, ptr);
    return ptr;
  }

  readCString(ptr: number, max: number): string {
    const heap = this.heap;
    let end = ptr;
    while (end < ptr + max && heap[end] !== 0) end++;
    return new TextDecoder().decode(heap.subarray(ptr, end));
  }

  private clearError(): void {
    this.raw('ti_set_last_error', 0n, 0);
    this.validationSeen = this.shim.validation.count;
  }

  /**
   * Throws the error slot's failure, with the shim's own account when a vk* call was behind it:
   * the first of the call, since later ones are its consequences.
   */
  private throwIfFailed(): void {
    const code = this.raw('ti_get_last_error', 0, 0);
    if (code === 0) return;
    let { message } = this.lastError();
    const fresh = this.shim.validation.count - this.validationSeen;
    const recent = this.shim.validation.messages();
    const shimMessage = fresh > 0 ? recent[Math.max(0, recent.length - fresh)] : undefined;
    if (shimMessage) message += ` (${shimMessage.entryPoint}: ${shimMessage.message})`;
    throw new TaichiError(errorCodeName(code), message);
  }
}
