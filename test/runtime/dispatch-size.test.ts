// Taichi dispatches every range-for on its advisory grid (1024 workgroups of 128 here); the shim
// dispatches only the workgroups the loop's range fills (shim/spirv/passes/grid-stride.ts), reading the
// range from the args each launch wrote. Observed on the caller's GPUDevice: compute passes are
// wrapped to note each dispatchWorkgroups call and pass it on unchanged. The values are checked
// against the CPU.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { Runtime, type AotModule } from '../../src/index.js';
import { adapter } from '../helpers/gpu.js';
import { matmulError, matmulOperands } from '../helpers/aot.js';
import { fixtureBytes } from '../helpers/fixtures.js';

let device: GPUDevice;
let runtime: Runtime;
let mod: AotModule;
const dispatched: number[][] = [];

beforeAll(async () => {
  const { adapter: a } = await adapter();
  device = await a.requestDevice({ requiredLimits: { maxStorageBuffersPerShaderStage: a.limits.maxStorageBuffersPerShaderStage } });
  const createEncoder = device.createCommandEncoder.bind(device);
  device.createCommandEncoder = (descriptor?: GPUCommandEncoderDescriptor) => {
    const encoder = createEncoder(descriptor);
    const beginPass = encoder.beginComputePass.bind(encoder);
    encoder.beginComputePass = (passDescriptor?: GPUComputePassDescriptor) => {
      const pass = beginPass(passDescriptor);
      const dispatch = pass.dispatchWorkgroups.bind(pass);
      pass.dispatchWorkgroups = (x: number, y?: number, z?: number) => {
        dispatched.push([x, y ?? 1, z ?? 1]);
        dispatch(x, y, z);
      };
      return pass;
    };
    return encoder;
  };
  runtime = await Runtime.create({ device });
  mod = await runtime.loadModule(fixtureBytes('android_fill_matmul.tcm'));
});

afterAll(async () => {
  await mod?.destroy();
  await runtime?.destroy();
  device?.destroy();
});

test('fill on four shapes in one submission dispatches ceil(elements / 128) workgroups, at most 1024', async () => {
  const shapes: [number, number][] = [[32, 32], [7, 300], [1, 1], [600, 1024]];
  const arrays = shapes.map((s) => runtime.ndarray('f32', s, { hostRead: true }));
  await runtime.wait();
  dispatched.length = 0;
  arrays.forEach((a, i) => mod.kernel('fill').launch(a, i + 0.5));
  await runtime.wait();
  expect(dispatched).toEqual([[8, 1, 1], [17, 1, 1], [1, 1, 1], [1024, 1, 1]]);
  for (const [i, a] of arrays.entries()) {
    const values = await a.read();
    expect(values.every((v) => v === i + 0.5), `shape ${shapes[i].join('x')}`).toBe(true);
    a.free();
  }
});

test('matmul of 37x53 by 53x29 dispatches 9 workgroups for its 1073 outputs and equals the CPU product', async () => {
  const [n, m, p] = [37, 53, 29];
  const { av, bv, a, b, c } = matmulOperands(runtime, [n, m, p], 5, { hostRead: true });
  await runtime.wait();
  dispatched.length = 0;
  mod.kernel('matmul').launch(a, b, c);
  const out = await c.read();
  expect(dispatched).toEqual([[9, 1, 1]]);
  expect(matmulError(av, bv, out, n, m, p)).toBeLessThan(1e-4);
  for (const x of [a, b, c]) x.free();
});
