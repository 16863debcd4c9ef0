// Host services the C runtime imports (wasm/js/library_host.js): the files of an AOT module,
// from ZIP bytes (fflate) or from a path on the platform's file system, handed back as one blob
// in the wasm heap (format in wasm/src/archive.cpp).

import { checkModuleFiles, unzipModule, type ModuleFiles } from './archive.js';
import type { Platform } from './platform/types.js';

export interface HostHeap {
  heap(): Uint8Array;
  malloc(size: number): number;
}

export class Host {
  constructor(
    private readonly heap: HostHeap,
    private readonly platform: Platform,
  ) {}

  unzip(ptr: number, size: number): number {
    return this.pack(() => {
      if (size < 4) throw new Error(`${size} bytes are not a .tcm archive`);
      return unzipModule(this.heap.heap().slice(ptr, ptr + size));
    });
  }

  readModule(pathPtr: number): number {
    return this.pack(() => {
      const heap = this.heap.heap();
      let end = pathPtr;
      while (heap[end] !== 0 && end - pathPtr < 4096) end++;
      const path = new TextDecoder().decode(heap.subarray(pathPtr, end));
      if (!this.platform.readModuleFiles) throw new Error('loading a module by path needs a file system; pass the module bytes instead');
      return this.platform.readModuleFiles(path);
    });
  }

  private pack(read: () => ModuleFiles): number {
    const encoder = new TextEncoder();
    let parts: Uint8Array[];
    try {
      parts = [];
      const files = read();
      checkModuleFiles(files);
      parts.push(u32(files.size));
      for (const [name, data] of files) {
        const encoded = encoder.encode(name);
        parts.push(u32(encoded.length), encoded, u32(data.length), data);
      }
    } catch (e) {
      const message = encoder.encode(e instanceof Error ? e.message : String(e));
      parts = [u32(0xffffffff), u32(message.length), message];
    }
    const size = parts.reduce((n, p) => n + p.length, 0);
    // A null blob tells the runtime the heap had no room (OUT_OF_MEMORY).
    const ptr = this.heap.malloc(size);
    if (!ptr) return 0;
    let at = ptr;
    const heap = this.heap.heap();
    for (const p of parts) {
      heap.set(p, at);
      at += p.length;
    }
    return ptr;
  }
}

function u32(v: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v, true);
  return b;
}
