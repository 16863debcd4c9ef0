// A bounded map of things a device made that a module loaded again would make again: WGSL
// translated from SPIR-V, compiled GPUComputePipelines. Runtimes destroy their pipelines with
// their module and load the same module again (a reload, a fuzzer, a test suite), and compiling
// dominates loading: a pipeline of the mpm3D fixture costs tens of milliseconds on lavapipe. The
// least recently used entry goes once `limit` are kept, so the memory held stays bounded.

export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** FNV-1a over 32-bit words: a map key for SPIR-V, whose words are then compared in full. */
export function hashWords(words: Uint32Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 0x01000193);
  return `${words.length}:${(h >>> 0).toString(16)}`;
}

export function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
