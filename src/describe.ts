// A module's kernels and graphs read from its bytes alone: the wasm runtime parses the archive's
// metadata (ti_describe_aot_archive_ext) with no runtime and no GPU, for tools such as
// `taichi-wasm inspect` and `taichi-wasm types`.
import { TaichiWasm } from './wasm.js';
import type { GraphSignature, KernelSignature } from './module.js';

export interface ModuleDescription {
  kernels: KernelSignature[];
  graphs: GraphSignature[];
}

/** The kernels and graphs of the .tcm archive `bytes`, with their arguments; needs no GPU. */
export async function describeModule(bytes: Uint8Array | ArrayBuffer): Promise<ModuleDescription> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const wasm = await TaichiWasm.instantiate({});
  return wasm.withHeap(data.length, (tcm) => {
    wasm.heap.set(data, tcm);
    const size = wasm.call('ti_describe_aot_archive_ext', tcm, BigInt(data.length), 0, 0n);
    return wasm.withHeap(size, (json) => {
      wasm.call('ti_describe_aot_archive_ext', tcm, BigInt(data.length), json, BigInt(size));
      return JSON.parse(wasm.readCString(json, size)) as ModuleDescription;
    });
  });
}
