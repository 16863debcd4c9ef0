// A heap for driving the Vulkan shim straight from TypeScript: a WebAssembly.Memory the shim
// reads structs from, with a bump allocator (the tests are short-lived, so frees are counted,
// not reused).

import type { HeapHost } from '../../shim/src/abi/heap.js';

export class TestHeap implements HeapHost {
  readonly memory: WebAssembly.Memory;
  private next = 64;
  frees = 0;

  constructor(pages = 256) {
    this.memory = new WebAssembly.Memory({ initial: pages });
  }

  buffer(): ArrayBuffer {
    return this.memory.buffer;
  }

  malloc(size: number): number {
    const ptr = this.next;
    this.next = Math.ceil((ptr + Math.max(size, 1)) / 16) * 16;
    if (this.next > this.memory.buffer.byteLength) return 0;
    new Uint8Array(this.memory.buffer, ptr, size).fill(0);
    return ptr;
  }

  free(_ptr: number): void {
    this.frees++;
  }

  get view(): DataView {
    return new DataView(this.memory.buffer);
  }

  get u8(): Uint8Array {
    return new Uint8Array(this.memory.buffer);
  }

  words(ptr: number, count: number): Uint32Array {
    return new Uint32Array(this.memory.buffer, ptr, count);
  }
}
