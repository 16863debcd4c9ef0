// Loader and launch errors: each is refused with the right TiError code and a message naming what
// is wrong, by the C runtime itself where the TS layer checks first, and the runtime keeps working
// after every one of them.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';
import { NdArray, type AotModule } from '../../src/index.js';
import { TiArgument, TiArgumentValue, TiNamedArgument } from '../../src/abi/taichi-structs.js';
import { TiArgumentType } from '../../src/abi/taichi-enums.js';
import { expectTaichiError, fixture, useRuntime } from '../helpers/aot.js';

const runtime = useRuntime();
const FILL_MATMUL = fixture('android_fill_matmul.tcm');

let original: Record<string, Uint8Array>;
let fillMatmul: AotModule;
let temp: string;

beforeAll(async () => {
  original = unzipSync(await readFile(FILL_MATMUL));
  fillMatmul = await runtime().loadModule(FILL_MATMUL);
  temp = await mkdtemp(join(tmpdir(), 'taichi-wasm-errors-'));
});

afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

/** The archive re-zipped after `edit` changes its files. */
function variant(edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = { ...original };
  edit(files);
  return zipSync(files, { level: 0 });
}

function editMetadata(edit: (meta: { kernels: unknown[]; required_caps: { key: string; value: number }[] }) => void): Uint8Array {
  return variant((files) => {
    const meta = JSON.parse(strFromU8(files['metadata.json']));
    edit(meta);
    files['metadata.json'] = strToU8(JSON.stringify(meta));
  });
}

/** A known-good launch with its result checked: the runtime survived the previous error. */
async function expectRuntimeWorks(): Promise<void> {
  const a = runtime().ndarray('f32', [7, 3]);
  try {
    fillMatmul.kernel('fill').launch(a, 2.5);
    expect(Array.from(await a.read())).toEqual(new Array(21).fill(2.5));
  } finally {
    a.free();
  }
}

/** Calls `fn` with `count` zeroed TiArguments in the wasm heap. */
function withArguments<T>(count: number, fn: (ptr: number, view: DataView) => T): T {
  const wasm = runtime().wasm;
  return wasm.withHeap(Math.max(1, count) * TiArgument.size, (ptr) => fn(ptr, wasm.view()));
}

const argValue = (ptr: number, index: number) => ptr + index * TiArgument.size + TiArgument.offsets.value;
const setType = (view: DataView, ptr: number, index: number, type: number) => view.setUint32(ptr + index * TiArgument.size + TiArgument.offsets.type, type, true);

function setNdArray(view: DataView, ptr: number, index: number, a: NdArray): void {
  setType(view, ptr, index, TiArgumentType.NDARRAY);
  a.writeTo(view, argValue(ptr, index) + TiArgumentValue.offsets.ndarray);
}

function setF32(view: DataView, ptr: number, index: number, value: number): void {
  setType(view, ptr, index, TiArgumentType.F32);
  view.setFloat32(argValue(ptr, index) + TiArgumentValue.offsets.f32, value, true);
}

/** ti_launch_kernel on the fill kernel, straight through the C API. */
function launchFillRaw(count: number, write: (ptr: number, view: DataView) => void): void {
  const rt = runtime();
  const kernel = fillMatmul.kernel('fill');
  withArguments(count, (ptr, view) => {
    write(ptr, view);
    rt.wasm.call('ti_launch_kernel', rt.handle, kernel.handle, count, ptr);
  });
}

describe('loading', () => {
  test('a Taichi 1.4 module is refused as incompatible, naming the format', async () => {
    await expectTaichiError(() => runtime().loadModule(fixture('implicit_fem.kernel.tcm')), 'INCOMPATIBLE_MODULE', '1.4', 'metadata.tcb');
    await expectRuntimeWorks();
  });

  test("a path that does not exist ('ssssss///') is corrupted data", async () => {
    await expectTaichiError(() => runtime().loadModule('ssssss///'), 'CORRUPTED_DATA', 'ssssss///');
    await expectRuntimeWorks();
  });

  test('a module loads from a directory, a .tcm path and bytes, and each runs', async () => {
    const rt = runtime();
    const dir = join(temp, 'fill_matmul');
    await mkdir(dir);
    for (const [name, bytes] of Object.entries(original)) await writeFile(join(dir, name), bytes);
    for (const source of [dir, FILL_MATMUL, new Uint8Array(await readFile(FILL_MATMUL)), variant(() => {})]) {
      const mod = await rt.loadModule(source);
      const a = rt.ndarray('f32', [4, 5]);
      mod.kernel('fill').launch(a, -7);
      expect((await a.read()).every((x) => x === -7)).toBe(true);
      a.free();
      await mod.destroy();
    }
  });

  test("unknown kernel and graph names ('#$#%*(') are NAME_NOT_FOUND", async () => {
    await expectTaichiError(() => fillMatmul.kernel('#$#%*('), 'NAME_NOT_FOUND', '#$#%*(');
    await expectTaichiError(() => fillMatmul.graph('#$#%*('), 'NAME_NOT_FOUND', '#$#%*(');
    await expectRuntimeWorks();
  });

  test('broken archive bytes are corrupted data', async () => {
    const whole = variant(() => {});
    await expectTaichiError(() => runtime().loadModule(whole.subarray(0, whole.length >> 1)), 'CORRUPTED_DATA');
    await expectTaichiError(() => runtime().loadModule(strToU8('PK\u0003\u0004 not a zip archive at all')), 'CORRUPTED_DATA');
    await expectTaichiError(() => runtime().loadModule(new Uint8Array(64)), 'CORRUPTED_DATA');
    await expectRuntimeWorks();
  });

  test('broken metadata.json is corrupted data', async () => {
    const bytes = variant((files) => {
      files['metadata.json'] = files['metadata.json'].subarray(0, 200);
    });
    await expectTaichiError(() => runtime().loadModule(bytes), 'CORRUPTED_DATA', 'metadata.json');
    const wrongType = editMetadata((meta) => {
      (meta.kernels[0] as { ctx_attribs: { args_bytes_: unknown } }).ctx_attribs.args_bytes_ = 'many';
    });
    await expectTaichiError(() => runtime().loadModule(wrongType), 'CORRUPTED_DATA', 'args_bytes_');
    await expectRuntimeWorks();
  });

  test('a missing .spv is corrupted data, from bytes and from a directory', async () => {
    const spv = Object.keys(original).find((name) => name.startsWith('fill') && name.endsWith('.spv'))!;
    const bytes = variant((files) => delete files[spv]);
    await expectTaichiError(() => runtime().loadModule(bytes), 'CORRUPTED_DATA', spv);
    const dir = join(temp, 'missing_spv');
    await mkdir(dir);
    for (const [name, content] of Object.entries(original)) if (name !== spv) await writeFile(join(dir, name), content);
    await expectTaichiError(() => runtime().loadModule(dir), 'CORRUPTED_DATA', spv);
    await expectRuntimeWorks();
  });

  test('required_caps above what the runtime has are incompatible, naming the capability', async () => {
    const bytes = editMetadata((meta) => meta.required_caps.push({ key: 'spirv_has_int64', value: 1 }));
    await expectTaichiError(() => runtime().loadModule(bytes), 'INCOMPATIBLE_MODULE', 'spirv_has_int64');
    const newer = editMetadata((meta) => {
      meta.required_caps[0].value = 0x10600;
    });
    await expectTaichiError(() => runtime().loadModule(newer), 'INCOMPATIBLE_MODULE', 'spirv_version');
    await expectRuntimeWorks();
  });
});

describe('launching', () => {
  test('a wrong argument count is refused by the TS layer and by ti_launch_kernel', async () => {
    const a = runtime().ndarray('f32', [2, 2]);
    try {
      await expectTaichiError(() => fillMatmul.kernel('fill').launch(a), 'INVALID_ARGUMENT', 'takes 2 arguments', '_a', 'val');
      await expectTaichiError(() => launchFillRaw(1, (ptr, view) => setNdArray(view, ptr, 0, a)), 'INVALID_ARGUMENT', "kernel 'fill' takes 2 arguments, got 1");
      await expectTaichiError(
        () =>
          launchFillRaw(3, (ptr, view) => {
            setNdArray(view, ptr, 0, a);
            setF32(view, ptr, 1, 1);
            setF32(view, ptr, 2, 1);
          }),
        'INVALID_ARGUMENT',
        'got 3',
      );
    } finally {
      a.free();
    }
    await expectRuntimeWorks();
  });

  test('a wrong argument kind names the argument index and name, in TS and in C', async () => {
    const a = runtime().ndarray('f32', [2, 2]);
    try {
      await expectTaichiError(() => fillMatmul.kernel('fill').launch(1.5, a as never), 'INVALID_ARGUMENT', 'argument 0', "'_a'");
      await expectTaichiError(() => fillMatmul.kernel('fill').launch(a, a as never), 'INVALID_ARGUMENT', 'argument 1', "'val'");
      // The C runtime's own check: a float where the ndarray belongs, an ndarray for the scalar.
      await expectTaichiError(
        () =>
          launchFillRaw(2, (ptr, view) => {
            setF32(view, ptr, 0, 1.5);
            setF32(view, ptr, 1, 1.5);
          }),
        'INVALID_ARGUMENT',
        "argument 0 ('_a') must be an ndarray",
      );
      await expectTaichiError(
        () =>
          launchFillRaw(2, (ptr, view) => {
            setNdArray(view, ptr, 0, a);
            setNdArray(view, ptr, 1, a);
          }),
        'INVALID_ARGUMENT',
        "argument 1 ('val') must be a scalar",
      );
    } finally {
      a.free();
    }
    await expectRuntimeWorks();
  });

  test('ndarray ndim, element shape and dtype mismatches are refused by the runtime', async () => {
    const rt = runtime();
    const fill = fillMatmul.kernel('fill');
    const cases: [NdArray, string[]][] = [
      [rt.ndarray('f32', [12]), ['argument 0', "'_a'", '2-D', '[12]']],
      [rt.ndarray('f32', [3, 4, 2]), ['argument 0', '2-D', '[3, 4, 2]']],
      [rt.ndarray('f32', [3, 4], { elementShape: [2] }), ['argument 0', 'element shape [2]']],
      [rt.ndarray('i32', [3, 4]), ['argument 0', 'element type i32', 'f32']],
      [rt.ndarray('f16', [3, 4]), ['argument 0', 'element type f16']],
    ];
    for (const [a, fragments] of cases) {
      await expectTaichiError(() => fill.launch(a, 1), 'INVALID_ARGUMENT', ...fragments);
      a.free();
    }
    await expectRuntimeWorks();
  });

  test('an ndarray whose memory is smaller than its shape is refused by the runtime', async () => {
    const rt = runtime();
    const memory = rt.allocateMemory({ size: 64 });
    try {
      // 16 x 16 f32 needs 1024 bytes; the memory has 64. The TS API never builds such an ndarray,
      // so the TiNdArray is written by hand.
      const liar = new NdArray(memory, 'f32', [16, 16], []);
      await expectTaichiError(
        () =>
          launchFillRaw(2, (ptr, view) => {
            setNdArray(view, ptr, 0, liar);
            setF32(view, ptr, 1, 1);
          }),
        'INVALID_ARGUMENT',
        "argument 0 ('_a')",
        'needs 1024 bytes',
        'has 64',
      );
    } finally {
      memory.free();
    }
    await expectRuntimeWorks();
  });

  test('a missing named graph argument is refused by the TS layer and by ti_launch_compute_graph', async () => {
    const rt = runtime();
    const mod = await rt.loadModule(fixture('fractal.cgraph.tcm'));
    const canvas = rt.ndarray('f32', [640, 320]);
    try {
      await expectTaichiError(() => mod.graph('fractal').launch({ canvas }), 'INVALID_ARGUMENT', "graph 'fractal' needs argument 't'");
      await expectTaichiError(() => mod.graph('fractal').launch({ canvas, t: 0.5, extra: 1 }), 'INVALID_ARGUMENT', "no argument 'extra'");
      const graph = mod.graph('fractal');
      const wasm = rt.wasm;
      const name = wasm.allocCString('canvas');
      try {
        await expectTaichiError(
          () =>
            wasm.withHeap(TiNamedArgument.size, (ptr) => {
              const view = wasm.view();
              view.setUint32(ptr + TiNamedArgument.offsets.name, name, true);
              const arg = ptr + TiNamedArgument.offsets.argument;
              view.setUint32(arg + TiArgument.offsets.type, TiArgumentType.NDARRAY, true);
              canvas.writeTo(view, arg + TiArgument.offsets.value + TiArgumentValue.offsets.ndarray);
              wasm.call('ti_launch_compute_graph', rt.handle, graph.handle, 1, ptr);
            }),
          'INVALID_ARGUMENT',
          "graph 'fractal' needs argument 't'",
        );
      } finally {
        wasm.free(name);
      }
      // The graph itself still launches with both arguments.
      graph.launch({ canvas, t: 0.5 });
      expect((await canvas.read()).some((x) => x !== 0)).toBe(true);
    } finally {
      canvas.free();
      await mod.destroy();
    }
    await expectRuntimeWorks();
  });
});
