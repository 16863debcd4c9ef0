// The wasm linear memory as the shim sees it: typed reads and writes of C values at byte
// addresses, re-viewed whenever the memory grows, plus the host's malloc/free for memory the
// shim hands to C (mapped device memory).

export interface HeapHost {
  /** The current backing buffer (it changes when wasm memory grows). */
  buffer(): ArrayBuffer;
  malloc(size: number): number;
  free(ptr: number): void;
  /** Calls the wasm function at table index `fn` (a C function pointer), when the host can. */
  call?(fn: number, args: number[]): number;
}

const decoder = new TextDecoder();

export class Heap {
  private cached: ArrayBuffer | undefined;
  private view!: DataView;
  private bytes!: Uint8Array;

  constructor(private readonly host: HeapHost) {}

  get u8(): Uint8Array {
    this.refresh();
    return this.bytes;
  }

  get data(): DataView {
    this.refresh();
    return this.view;
  }

  malloc(size: number): number {
    return this.host.malloc(size);
  }

  /** Calls a C function pointer; undefined where the host offers no calls (tests' heaps). */
  call(fn: number, args: number[]): number | undefined {
    return this.host.call?.(fn, args);
  }

  free(ptr: number): void {
    this.host.free(ptr);
  }

  u32(ptr: number): number {
    return this.data.getUint32(ptr, true);
  }
  i32(ptr: number): number {
    return this.data.getInt32(ptr, true);
  }
  f32(ptr: number): number {
    return this.data.getFloat32(ptr, true);
  }
  /** A uint64 as a JS number: exact below 2^53, which covers every size a device accepts. */
  u64(ptr: number): number {
    const v = this.data;
    return v.getUint32(ptr, true) + v.getUint32(ptr + 4, true) * 0x1_0000_0000;
  }
  setU32(ptr: number, value: number): void {
    this.data.setUint32(ptr, value >>> 0, true);
  }
  setI32(ptr: number, value: number): void {
    this.data.setInt32(ptr, value, true);
  }
  setF32(ptr: number, value: number): void {
    this.data.setFloat32(ptr, value, true);
  }
  setU64(ptr: number, value: number): void {
    const v = this.data;
    v.setUint32(ptr, value % 0x1_0000_0000, true);
    v.setUint32(ptr + 4, Math.floor(value / 0x1_0000_0000), true);
  }
  setU8(ptr: number, value: number): void {
    this.data.setUint8(ptr, value);
  }

  /** A NUL-terminated string, read at most `max` bytes far. */
  cstring(ptr: number, max = 4096): string {
    const u8 = this.u8;
    let end = ptr;
    const limit = Math.min(u8.length, ptr + max);
    while (end < limit && u8[end] !== 0) end++;
    return decoder.decode(u8.subarray(ptr, end));
  }

  /** Writes `text` NUL-terminated into a fixed char array of `capacity` bytes. */
  setCString(ptr: number, capacity: number, text: string): void {
    const encoded = new TextEncoder().encode(text);
    const n = Math.min(encoded.length, capacity - 1);
    const u8 = this.u8;
    u8.set(encoded.subarray(0, n), ptr);
    u8.fill(0, ptr + n, ptr + capacity);
  }

  /** True when [ptr, ptr + size) lies inside the heap and ptr is not NULL. */
  inBounds(ptr: number, size: number): boolean {
    return ptr > 0 && size >= 0 && ptr + size <= this.u8.length;
  }

  private refresh(): void {
    const buffer = this.host.buffer();
    if (buffer !== this.cached) {
      this.cached = buffer;
      this.view = new DataView(buffer);
      this.bytes = new Uint8Array(buffer);
    }
  }
}
