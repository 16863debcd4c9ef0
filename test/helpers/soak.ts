// Launch soak: many launches of fill (android_fill_matmul.tcm) on a tiny ndarray, checking that
// neither the wasm heap nor the shim's live objects grow. lavapipe runs each launch's 1024
// workgroups in about 1 ms.

import type { Runtime } from '../../src/runtime.js';
import { fixtureBytes } from './fixtures.js';

export interface SoakResult {
  launches: number;
  seconds: number;
  heapBefore: number;
  heapAfter: number;
  objectsBefore: number;
  objectsAfter: number;
}

function liveObjects(rt: Runtime): number {
  return Object.values(rt.diagnostics().vulkanObjects).reduce((a, b) => a + b, 0);
}

export async function soakLaunches(rt: Runtime, launches: number, onProgress?: (done: number) => void): Promise<SoakResult> {
  const mod = await rt.loadModule(fixtureBytes('android_fill_matmul.tcm'));
  const nd = rt.ndarray('f32', [4, 4], { hostRead: true });
  const fill = mod.kernel('fill');
  // Warm up with the run's own pattern (1,000 launches between waits, then a read): what the
  // runtime makes once (a second args-ring buffer with its descriptor set) is in the baseline.
  for (let round = 0; round < 5; round++) {
    for (let i = 0; i < 1000; i++) fill.launch(nd, i);
    await nd.read();
  }
  const heapBefore = rt.diagnostics().wasmHeapBytes;
  const objectsBefore = liveObjects(rt);
  const start = performance.now();
  for (let i = 0; i < launches; i++) {
    fill.launch(nd, i % 1000);
    if (i % 1000 === 999) {
      await rt.wait();
      onProgress?.(i + 1);
    }
  }
  const last = (launches - 1) % 1000;
  const values = await nd.read();
  if (values.some((v) => v !== last)) throw new Error(`after ${launches} launches the ndarray holds ${values[0]}, not ${last}`);
  const result = { launches, seconds: (performance.now() - start) / 1000, heapBefore, heapAfter: rt.diagnostics().wasmHeapBytes, objectsBefore, objectsAfter: liveObjects(rt) };
  nd.free();
  await mod.destroy();
  return result;
}
