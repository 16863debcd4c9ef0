// Resources: launches without growth, runtimes created and destroyed with 300 MB each without
// leaking GPU memory or shim objects, and OUT_OF_MEMORY for every size the adapter refuses.

import { expect, test } from 'vitest';
import { Runtime, TaichiError } from '../../src/index.js';
import { soakLaunches } from '../helpers/soak.js';
import { checkKnownGood } from '../helpers/session.js';

/** Bytes of live GPUBuffers behind the shim's VkDeviceMemory objects. */
function gpuBytes(rt: Runtime): number {
  let bytes = 0;
  for (const m of rt.wasm.shim.handles.memories.values()) if (m.hasGpuBuffer()) bytes += m.paddedSize;
  return bytes;
}

test('5,000 launches (100,000 in `npm run soak`) grow neither the wasm heap nor the live shim objects', async () => {
  const rt = await Runtime.create();
  try {
    const r = await soakLaunches(rt, 5000);
    expect(r.heapAfter).toBe(r.heapBefore);
    expect(r.objectsAfter).toBe(r.objectsBefore);
  } finally {
    await rt.destroy();
  }
});

// Each round instantiates the wasm afresh: the sanitized build (scripts/sanitize.sh) is 15 MB of
// wasm, and 50 rounds of it take about a minute of CPU, more than a loaded machine gives it within
// the test's time. Its 10 rounds still see a leak: 5 leaked 300 MB buffers after round 4 are 1.5 GB.
const ROUNDS = process.env.TIW_SANITIZE === undefined ? 50 : 10;

test(`${ROUNDS} rounds of create / allocate 300 MB device-local / run a kernel / destroy leave nothing behind`, async () => {
  let rss0 = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const rt = await Runtime.create();
    // The first launch makes the runtime's own buffers (args ring, temporaries): the baseline.
    await checkKnownGood(rt);
    const heap = rt.diagnostics().wasmHeapBytes;
    const gpu = gpuBytes(rt);
    const big = rt.allocateMemory({ size: 300 << 20 });
    await checkKnownGood(rt);
    big.free();
    await rt.wait();
    expect(gpuBytes(rt), `round ${round}`).toBe(gpu);
    expect(rt.diagnostics().wasmHeapBytes, `round ${round}`).toBe(heap);
    const shim = rt.wasm.shim;
    await rt.destroy();
    expect(shim.liveObjects(), `round ${round}`).toEqual({});
    if (round === 4) rss0 = process.memoryUsage().rss;
  }
  // Host memory settles after the first rounds; 45 leaked 300 MB buffers would be 13.5 GB.
  expect(process.memoryUsage().rss - rss0).toBeLessThan(512 << 20);
});

test('every allocation size the adapter refuses gives OUT_OF_MEMORY, and the runtime goes on', async () => {
  const rt = await Runtime.create();
  try {
    const max = rt.gpuDevice.limits.maxBufferSize;
    for (const size of [max + 4, max * 2, 2 ** 40, 2 ** 52, Number.MAX_SAFE_INTEGER]) {
      let caught: unknown;
      try {
        rt.allocateMemory({ size });
      } catch (e) {
        caught = e;
      }
      expect(caught, `device-local ${size}`).toBeInstanceOf(TaichiError);
      expect((caught as TaichiError).code, (caught as TaichiError).message).toBe('OUT_OF_MEMORY');
    }
    // Host-visible memory is shadowed in the wasm heap, which stops at 2 GB.
    for (const size of [2 ** 31, 2 ** 32 - 4]) {
      let caught: unknown;
      try {
        rt.allocateMemory({ size, hostWrite: true });
      } catch (e) {
        caught = e;
      }
      expect((caught as TaichiError | undefined)?.code, `host-visible ${size}`).toBe('OUT_OF_MEMORY');
    }
    await checkKnownGood(rt);
  } finally {
    await rt.destroy();
  }
});
