// A task binds each ndarray, each SNode tree's root buffer and Taichi's temporaries as a storage
// buffer of one shader stage, which WebGPU bounds (maxStorageBuffersPerShaderStage: 8 on a device
// requested without limits). The corpus's bindings/twelve_ndarrays_and_a_field_in_one_loop (13
// storage buffers) runs on a device the runtime creates, which asks for the adapter's limit; on a
// caller's device of default limits its module is refused at load naming the task, the count and
// the limit, where WebGPU's rejected pipeline named neither. An ndarray is bound whole: one in a
// memory larger than maxStorageBufferBindingSize is refused at launch naming the argument, where
// WebGPU rejected the submission (and the launches recorded with it) at the next wait.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { Runtime } from '../../src/index.js';
import { adapter } from '../helpers/gpu.js';
import { expectTaichiError } from '../helpers/aot.js';

const CORPUS = fileURLToPath(new URL('../taichi/', import.meta.url));
const FILL_MATMUL = fileURLToPath(new URL('../../examples/modules/fill_matmul.tcm', import.meta.url));

describe.each(['taichi', 'forge'])('bindings.tcm exported by %s', (exporter) => {
  let device: GPUDevice;
  let runtime: Runtime;
  beforeAll(async () => {
    const { adapter: a } = await adapter();
    device = await a.requestDevice();
    runtime = await Runtime.create({ device });
  });
  afterAll(async () => {
    await runtime?.destroy();
    device?.destroy();
  });

  it('a task of 13 storage buffers on a device that allows 8 is refused at load, naming the task, the count and the limit', async () => {
    expect(device.limits.maxStorageBuffersPerShaderStage).toBe(8);
    await expectTaichiError(
      () => runtime.loadModule(`${CORPUS}${exporter}/bindings.tcm`),
      'INCOMPATIBLE_MODULE',
      "of kernel 'twelve' binds 13 storage buffers",
      'this device allows 8 in a shader stage',
      'maxStorageBuffersPerShaderStage',
    );
  });
});

describe('an ndarray larger than one storage buffer binding', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await Runtime.create();
  });
  afterAll(async () => {
    await runtime?.destroy();
  });

  it('is refused at launch naming the argument, its size and the limit; the runtime keeps running', async () => {
    const limit = runtime.gpuDevice.limits.maxStorageBufferBindingSize;
    const mod = await runtime.loadModule(FILL_MATMUL);
    const big = runtime.ndarray('f32', [1, limit / 4 + 1]);
    await expectTaichiError(() => mod.kernel('fill').launch(big, 1.5), 'INVALID_ARGUMENT', 'argument 0', `its memory of ${limit + 4} bytes`, 'maxStorageBufferBindingSize');
    big.free();
    const small = runtime.ndarray('f32', [4, 4]);
    mod.kernel('fill').launch(small, 1.5);
    expect(Array.from(await small.read())).toEqual(new Array(16).fill(1.5));
    small.free();
    await mod.destroy();
  });
});
