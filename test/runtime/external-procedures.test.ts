// Issue 5's external procedure: a C program (test/runtime/c/external_procedures.c) with its own Vulkan
// objects, linked against the runtime library, shares buffers, images and events with Taichi both ways.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TaichiWasm } from '../../src/wasm.js';
import { currentPlatform } from '../../src/platform/index.js';
import type { TaichiWasmFactory } from '../../src/platform/types.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FILL_MATMUL = join(root, 'examples/modules/fill_matmul.tcm');
let dir: string;
let wasm: TaichiWasm;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tiw-ext-'));
  for (const shader of ['scale', 'iota', 'image_read', 'image_write']) {
    execFileSync('glslangValidator', ['-V', '--target-env', 'vulkan1.1', join(root, `test/runtime/c/${shader}.comp`), '-o', join(dir, `${shader}.spv`)]);
  }
  execFileSync(
    'emcc',
    [
      '-O1', '-std=c11', '-Wall', '-Werror', `-I${join(root, 'wasm/include')}`, `-isystem${join(root, 'wasm/build/include')}`,
      join(root, 'test/runtime/c/external_procedures.c'), join(root, 'wasm/build/libtaichi_c_api.a'), `@${join(root, 'wasm/build/link.rsp')}`,
      '-sEXPORT_NAME=createExternalProcedures',
      '-sEXPORTED_FUNCTIONS=["_run_external_procedures","_malloc","_free","_ti_get_last_error","_ti_set_last_error"]',
      '-o', join(dir, 'external.cjs'),
    ],
    { cwd: root, env: { ...process.env, NODE_PATH: '/usr/share/nodejs' } },
  );
  const gpu = await (await currentPlatform()).gpu();
  const adapter = (await gpu.requestAdapter())!;
  const factory = createRequire(import.meta.url)(join(dir, 'external.cjs')) as TaichiWasmFactory;
  wasm = await TaichiWasm.instantiate({ gpu, adapter }, { factory, wasmBinary: new Uint8Array(readFileSync(join(dir, 'external.wasm'))) });
}, 300_000);

afterAll(() => {
  for (const d of wasm?.shim.handles.devices.values() ?? []) d.gpu.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a C program shares its Vulkan buffers, image and events with Taichi, and uses Taichi\'s', async () => {
  const inputs = [FILL_MATMUL, ...['scale', 'iota', 'image_read', 'image_write'].map((s) => join(dir, `${s}.spv`))].map((f) => readFileSync(f));
  const pointers = inputs.map((bytes) => {
    const ptr = wasm.malloc(bytes.length);
    wasm.heap.set(bytes, ptr);
    return ptr;
  });
  const failedAtLine = await wasm.callAsync('run_external_procedures', ...inputs.flatMap((bytes, i) => [pointers[i], bytes.length]));
  expect(failedAtLine).toBe(0);
  // Everything the program made it also destroyed: the shim holds nothing more.
  expect(wasm.shim.liveObjects()).toEqual({});
  for (const p of pointers) wasm.free(p);
});
