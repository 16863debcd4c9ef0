// What an object allocated from a runtime holds of it: the wasm instance, the TiRuntime handle,
// whether the runtime is still alive, and its wait. Runtime (runtime.ts) is the one
// implementation; memories, ndarrays, images, events, modules and the interop name this instead
// of Runtime, so that the runtime can make them without an import circle.

import type { TaichiWasm } from './wasm.js';
import { TaichiError } from './errors.js';

export interface RuntimeContext {
  /** @internal */
  readonly wasm: TaichiWasm;
  /** The TiRuntime handle. */
  readonly handle: number;
  readonly isDestroyed: boolean;
  /** @internal Throws INVALID_STATE once the runtime is destroyed. */
  checkLive(what: string): void;
  /** Submits the work recorded so far and waits until the device has finished it. */
  wait(): Promise<void>;
}

/** Runs a call into the shim's WebGPU interop, its failures reported as INVALID_INTEROP. */
export function interopCall<T>(runtime: RuntimeContext, fn: () => T): T {
  runtime.checkLive('vulkan interop');
  try {
    return fn();
  } catch (e) {
    if (e instanceof TaichiError) throw e;
    throw new TaichiError('INVALID_INTEROP', e instanceof Error ? e.message : String(e));
  }
}
