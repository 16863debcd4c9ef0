// A handle table filled to its real capacity through the public C API alone, with no capacity
// hook (handle-space.test.ts lowers the capacity with ti_set_handle_capacity_ext to test every
// table quickly). Imports of one buffer fill the TiMemory table cheaply: an import makes no
// Vulkan object. The allocation refused on the full table must leak nothing, free nothing and
// touch no freed object (issue 19, defect 3: it once leaked its VkDeviceMemory and read the
// Memory that HandleTable::insert had just destroyed; scripts/sanitize.sh runs this file under
// AddressSanitizer). It uses only functions the runtime had before that fix, so the same file
// runs on the code the issue was filed against (docs/reliability.md, issue 19's table).

import { afterAll, beforeAll, expect, test } from 'vitest';
import { TaichiWasm } from '../../src/wasm.js';
import { TiArch, TiError } from '../../src/abi/taichi-enums.js';
import { TiMemoryAllocateInfo, TiVulkanMemoryInteropInfo } from '../../src/abi/taichi-structs.js';
import { instantiate, CApi } from '../helpers/taichi.js';

/** The default capacity of a table (docs/reliability.md, Handles). */
const MAX_LIVE = 65535;
/** Past any capacity the runtime ever had (2^20 - 1 before issue 19): a fill that gets here never ends. */
const FILL_BOUND = 1 << 21;

let wasm: TaichiWasm;
let c: CApi;
let rt: number;
beforeAll(async () => {
  wasm = await instantiate();
  c = new CApi(wasm);
  rt = await wasm.callAsync('ti_create_runtime', TiArch.VULKAN, 0);
});
afterAll(async () => {
  await wasm.callAsync('ti_destroy_runtime', rt);
  c.release();
});

test('a TiMemory table filled by imports: one more allocation is refused, leaks nothing, and the live allocation is intact', () => {
  const baseline = wasm.shim.liveObjects();
  const live = c.allocateMemory(rt, 16, { write: true });
  expect(live).not.toBe(0);
  const p = wasm.call('ti_map_memory', rt, live);
  new Uint32Array(wasm.heap.buffer, p, 4).set([11, 22, 33, 44]);
  wasm.call('ti_unmap_memory', rt, live);
  const exported = c.alloc(TiVulkanMemoryInteropInfo.size);
  wasm.call('ti_export_vulkan_memory', rt, live, exported);

  const imports: number[] = [];
  let refused = c.check(() => wasm.raw('ti_import_vulkan_memory', rt, exported));
  while (refused.result !== 0 && imports.length < FILL_BOUND) {
    imports.push(refused.result);
    refused = c.check(() => wasm.raw('ti_import_vulkan_memory', rt, exported));
  }
  expect(refused.result, 'the table never filled').toBe(0);
  expect(refused.code).toBe(TiError.OUT_OF_MEMORY);
  const filled = imports.length + 1;

  const before = wasm.shim.liveObjects();
  const info = c.struct(TiMemoryAllocateInfo, { size: 64n, host_write: 1, usage: 1 });
  const allocation = c.check(() => wasm.raw('ti_allocate_memory', rt, info));
  expect({ handle: allocation.result, code: allocation.code, shimObjects: wasm.shim.liveObjects() }, `on a table full at ${filled} TiMemory`).toEqual({ handle: 0, code: TiError.OUT_OF_MEMORY, shimObjects: before });

  const q = wasm.call('ti_map_memory', rt, live);
  expect([...new Uint32Array(wasm.heap.buffer, q, 4)]).toEqual([11, 22, 33, 44]);
  wasm.call('ti_unmap_memory', rt, live);
  for (const h of imports) wasm.call('ti_free_memory', rt, h);
  wasm.call('ti_free_memory', rt, live);
  expect(wasm.shim.liveObjects()).toEqual(baseline);
  expect(filled).toBe(MAX_LIVE);
});
