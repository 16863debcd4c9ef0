// When the runtime submits its command list without a flush or wait: once the list holds as many
// launches as the lists still in flight and at least two (so after a wait the first list goes
// with its second launch and the lists double while the device is busy, while a lone launch
// followed by a read is one submission), and once it has been pending for more than 2 ms (as
// Taichi's GfxRuntime does). Observed on the caller's GPUDevice: queue.submit is wrapped to count
// calls and passes them on unchanged.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { Runtime } from '../../src/index.js';
import { adapter } from '../helpers/gpu.js';
import { fixtureBytes } from '../helpers/fixtures.js';

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

test('after a wait the first list goes with its second launch, then lists of 2 and 4 launches', async () => {
  const mod = await runtime.loadModule(fixtureBytes('android_fill_matmul.tcm'));
  const fill = mod.kernel('fill');
  const arrays = Array.from({ length: 15 }, () => runtime.ndarray('f32', [16, 16], { hostRead: true }));
  await runtime.wait();

  const before = submits;
  const seen: number[] = [];
  const t0 = performance.now();
  arrays.forEach((a, i) => {
    fill.launch(a, i);
    seen.push(submits - before);
  });
  const elapsedMs = performance.now() - t0;
  // By length, lists go after launches 2, 4 and 8 (then 16): three submissions for 15 launches.
  // A slow host (a loaded machine) may add one per 2 ms of recording, even at the first launch.
  if (elapsedMs < 2) expect(seen.slice(0, 4)).toEqual([0, 1, 1, 2]);
  expect(seen[1]).toBeGreaterThanOrEqual(1);
  expect(seen[7]).toBeGreaterThanOrEqual(3);
  expect(seen[14]).toBeLessThanOrEqual(3 + Math.floor(elapsedMs / 2));
  for (const [i, a] of arrays.entries()) expect(Array.from(await a.read())).toEqual(new Array(256).fill(i));
  await mod.destroy();
});

test('a lone launch, a copy and a read after a wait are one submission', async () => {
  const mod = await runtime.loadModule(fixtureBytes('android_fill_matmul.tcm'));
  const fill = mod.kernel('fill');
  const a = runtime.ndarray('f32', [16, 16]);
  const probe = runtime.allocateMemory({ size: 4, hostRead: true });
  await runtime.wait();
  for (let i = 0; i < 3; i++) {
    const before = submits;
    const t0 = performance.now();
    fill.launch(a, i + 0.5);
    runtime.copy({ memory: probe }, { memory: a.memory, size: 4 });
    const recordMs = performance.now() - t0;
    expect(Array.from(await probe.read(Float32Array))).toEqual([i + 0.5]);
    // A slow host (a loaded machine) may take more than 2 ms to record the two, and the list
    // then goes when the copy is recorded, before the read's.
    if (recordMs < 2) expect(submits - before).toBe(1);
    else expect(submits - before).toBeLessThanOrEqual(2);
  }
  probe.free();
  await mod.destroy();
});

test('a launch recorded after the command list has waited 2 ms submits it, and the values are right', async () => {
  const mod = await runtime.loadModule(fixtureBytes('android_fill_matmul.tcm'));
  const fill = mod.kernel('fill');
  const a = runtime.ndarray('f32', [16, 16], { hostRead: true });
  const b = runtime.ndarray('f32', [16, 16], { hostRead: true });
  await runtime.wait();
  // Four launches leave four in flight, so the next list is not due by its length for a while.
  for (let i = 0; i < 4; i++) fill.launch(a, 0.5);

  fill.launch(a, 1.5);
  const before = submits;
  busyWait(5);
  fill.launch(b, 2.5);
  // No flush or wait was called: the second launch found the list pending for more than 2 ms.
  expect(submits).toBe(before + 1);

  expect(Array.from(await a.read())).toEqual(new Array(256).fill(1.5));
  expect(Array.from(await b.read())).toEqual(new Array(256).fill(2.5));
  await mod.destroy();
});
