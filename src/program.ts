// Runs the main() of a C program linked against libtaichi_c_api.a with wasm/build/main.rsp
// (docs/c-programs.md): its arguments, input files in emscripten's in-memory file system, and
// the files it wrote read back. main is called asynchronously, so the program's vkWaitForFences
// and the other waiting calls suspend wasm while the GPU works; it works alike in Node and in a page.

import { TaichiWasm } from './wasm.js';
import { TaichiError } from './errors.js';
import type { GpuSource } from '../shim/src/vulkan.js';
import type { TaichiWasmFactory } from './platform/types.js';

export interface RunMainOptions {
  /**
   * The WebGPU source the program's Vulkan calls run on: `{ gpu: navigator.gpu }` (or Dawn's
   * `create([])`), whose adapter runMain requests, or an adapter or device of the caller's.
   */
  gpu: GpuSource;
  /** The emscripten factory of the program (the default export of its .cjs/.mjs output). */
  factory: TaichiWasmFactory;
  /** The program's .wasm file. */
  wasmBinary: Uint8Array;
  /** argv[1..]; argv[0] is "program". */
  args?: string[];
  /** Files placed in the program's file system before main runs, by path (folders are made). */
  files?: Record<string, Uint8Array | string>;
  /** Paths read back after main returns (their folders are made first); a path the program did not write is left out. */
  outputs?: string[];
  /** Receives each line the program prints (default: collected only). */
  print?: (line: string) => void;
}

export interface MainResult {
  /** What main returned, or the status it passed to exit(). */
  exitCode: number;
  /** The lines printed to stdout and stderr, in order. */
  output: string[];
  /** The files of `outputs` that the program wrote. */
  files: Map<string, Uint8Array>;
  /** Objects the program created and did not destroy, by type (empty for a tidy program). */
  liveObjects: Record<string, number>;
}

interface FileSystem {
  mkdirTree(path: string): void;
  writeFile(path: string, data: Uint8Array | string): void;
  readFile(path: string): Uint8Array;
  analyzePath(path: string): { exists: boolean };
}

/** Emscripten's exit(): an exception that carries the status. */
function exitStatus(e: unknown): number | undefined {
  if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'ExitStatus') {
    return Number((e as { status?: unknown }).status);
  }
  return undefined;
}

/** The source with an adapter when it names only a GPU: the program's VkPhysicalDevice reports its limits and features. */
async function withAdapter(source: GpuSource): Promise<GpuSource> {
  if (source.device || source.adapter) return source;
  if (!source.gpu) throw new TaichiError('INVALID_ARGUMENT', 'runMain: gpu names no GPU, adapter or device');
  const adapter = await source.gpu.requestAdapter();
  if (!adapter) throw new TaichiError('NOT_SUPPORTED', 'runMain: no WebGPU adapter is available');
  return { ...source, adapter };
}

export async function runMain(options: RunMainOptions): Promise<MainResult> {
  const output: string[] = [];
  const print = (line: string): void => {
    output.push(line);
    options.print?.(line);
  };
  // An abort (a trap, a failed suspension) ends the run with an error rather than leaving main pending.
  let aborted: (reason: unknown) => void = () => {};
  const abort = new Promise<never>((_, reject) => {
    aborted = reject;
  });
  abort.catch(() => {});
  const onAbort = (what: unknown): void => aborted(new TaichiError('UNKNOWN', `the program aborted: ${String(what)}`));
  const wasm = await TaichiWasm.instantiate(await withAdapter(options.gpu), {
    factory: options.factory,
    wasmBinary: options.wasmBinary,
    moduleOptions: { print, printErr: print, noInitialRun: true, onAbort },
  });
  const fs = (wasm.module as unknown as { FS?: FileSystem }).FS;
  if (!fs) throw new TaichiError('INVALID_ARGUMENT', 'runMain: the program has no file system; link it with wasm/build/main.rsp');
  const makeFolder = (path: string): void => {
    const folder = path.slice(0, path.lastIndexOf('/'));
    if (folder) fs.mkdirTree(folder);
  };
  for (const [path, data] of Object.entries(options.files ?? {})) {
    makeFolder(path);
    fs.writeFile(path, data);
  }
  // The program can write its outputs where they are expected, folders and all.
  for (const path of options.outputs ?? []) makeFolder(path);
  const argv = ['program', ...(options.args ?? [])];
  const strings = argv.map((a) => wasm.allocCString(a));
  const argvPtr = wasm.malloc(4 * (argv.length + 1));
  strings.forEach((ptr, i) => wasm.view().setUint32(argvPtr + 4 * i, ptr, true));
  let exitCode: number;
  try {
    // main runs until its first wait inside ccall, so suspension is allowed before the call.
    const main = () => wasm.module.ccall('main', 'number', ['number', 'number'], [argv.length, argvPtr], { async: true }) as Promise<number>;
    exitCode = Number(await wasm.shim.suspending(() => Promise.race([main(), abort])));
  } catch (e) {
    const status = exitStatus(e);
    if (status === undefined) {
      destroyOwnedDevices(wasm);
      throw e;
    }
    exitCode = status;
  }
  const files = new Map<string, Uint8Array>();
  for (const path of options.outputs ?? []) {
    if (fs.analyzePath(path).exists) files.set(path, fs.readFile(path));
  }
  const liveObjects = wasm.shim.liveObjects();
  destroyOwnedDevices(wasm);
  return { exitCode, output, files, liveObjects };
}

/** A program that ends without vkDestroyDevice (an exit, an abort) would keep its GPUDevice (and Node) alive. */
function destroyOwnedDevices(wasm: TaichiWasm): void {
  for (const device of wasm.shim.handles.devices.values()) if (device.owned) device.gpu.destroy();
}
