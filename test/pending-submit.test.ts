// The runtime submits its command list once it has been pending for more than 2 ms (as Taichi's
// GfxRuntime does), so the device starts on recorded work without a flush or wait. Observed on
// the caller's GPUDevice: queue.submit is wrapped to count calls and passes them on unchanged.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { Runtime } from '../src/index.js';
import { adapter } from './helpers/gpu.js';
import { fixtureBytes } from './fuzz/fixtures.js';

let device: GPUDevice;
let runtime: Runtime;
let submits = 0;

beforeAll(async () => {
  const { adapter: a } = await adapter();
  device = await a.requestDevice({ requiredLimits: { maxStorageBuffersPerShaderStage: a.limits.maxStorageBuffersPerShaderStage } });
  const submit = device.queue.submit.bind(device.queue);
  device.queue.submit = (buffers: Iterable<GPUCommandBuffer>) => {
    submits++;
    submit(buffers);
  };
  runtime = await Runtime.create({ device });
});

afterAll(async () => {
  await runtime?.destroy();
  device?.destroy();
});

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

test('a launch recorded after the command list has waited 2 ms submits it, and the values are right', async () => {
  const mod = await runtime.loadModule(fixtureBytes('android_fill_matmul.tcm'));
  const fill = mod.kernel('fill');
  const a = runtime.ndarray('f32', [16, 16], { hostRead: true });
  const b = runtime.ndarray('f32', [16, 16], { hostRead: true });
  await runtime.wait();

  const before = submits;
  fill.launch(a, 1.5);
  busyWait(5);
  fill.launch(b, 2.5);
  // No flush or wait was called: the second launch found the list pending for more than 2 ms.
  expect(submits).toBeGreaterThan(before);

  expect(Array.from(await a.read())).toEqual(new Array(256).fill(1.5));
  expect(Array.from(await b.read())).toEqual(new Array(256).fill(2.5));
  await mod.destroy();
});
