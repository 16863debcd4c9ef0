// WebGPU rejects a submission that uses a destroyed buffer, and says so only to an error scope.
// The shim catches it, so wait() reports that the work did not run instead of succeeding, and
// the runtime goes on working.
import { expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { Runtime, TaichiError } from '../../src/index.js';

const FILL_MATMUL = fileURLToPath(new URL('../../examples/modules/fill_matmul.tcm', import.meta.url));

test('a submission WebGPU rejects fails the wait, and the runtime stays usable', async () => {
  const runtime = await Runtime.create();
  try {
    const mod = await runtime.loadModule(FILL_MATMUL);
    const device = runtime.gpuDevice;
    const external = device.createBuffer({ size: 256, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
    const a = runtime.ndarray('f32', [8, 8], { memory: runtime.importBuffer(external) });
    external.destroy();
    mod.kernel('fill').launch(a, 1);
    const error = await runtime.wait().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaichiError);
    expect((error as TaichiError).code).toBe('INVALID_STATE');
    expect((error as TaichiError).detail).toMatch(/rejected/);
    // The first cause (issue 21, item 6): WebGPU's own words about the destroyed buffer.
    expect((error as TaichiError).detail).toMatch(/vkQueueSubmit: WebGPU rejected the submission: .*destroyed/);

    await runtime.wait();
    const b = runtime.ndarray('f32', [4, 4]);
    mod.kernel('fill').launch(b, 2.5);
    expect(Array.from(await b.read())).toEqual(new Array(16).fill(2.5));
  } finally {
    await runtime.destroy();
  }
});
