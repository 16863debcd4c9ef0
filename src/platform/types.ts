/** What a platform (Node or browser) provides: a WebGPU entry point and the runtime's wasm bytes. */
export interface Platform {
  gpu(): Promise<GPU>;
  /** The bytes of taichi.wasm: the package's own, or those at `url` when given. */
  wasmBytes(url?: string | URL): Promise<Uint8Array>;
  /** The emscripten factory of the platform's build of the glue (wasm/build/taichi.{web,node}.mjs). */
  factory(): Promise<TaichiWasmFactory>;
  /**
   * Whether a module's pipelines compile with createComputePipelineAsync, all in flight at once
   * (GpuSource.parallelPipelines).
   */
  parallelPipelines: boolean;
  /** The files of a module directory or .tcm archive at `path` (platforms with a file system). */
  readModuleFiles?(path: string): Map<string, Uint8Array>;
}

export type TaichiWasmFactory = (options: Record<string, unknown>) => Promise<EmscriptenModule>;

/** The parts of the emscripten module object that the TS layer uses. */
export interface EmscriptenModule {
  HEAPU8: Uint8Array;
  ccall(name: string, returnType: string | null, argTypes: string[], args: unknown[], opts?: { async?: boolean }): unknown;
  [exported: `_${string}`]: (...args: never[]) => unknown;
}
