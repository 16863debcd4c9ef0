// The JS heap stays flat over many launches: nothing the shim makes per submission (jobs,
// read-backs, completion promises) may stay reachable once the submission has completed.

import { expect, test } from 'vitest';
import { Runtime } from '../../src/index.js';
import { fixtureBytes } from '../helpers/fixtures.js';
import { jsHeapAfterGc } from '../helpers/host-memory.js';

test('10,000 launches after 5,000 of warm-up grow the JS heap by less than 1 MB', async () => {
  const rt = await Runtime.create();
  try {
    const mod = await rt.loadModule(fixtureBytes('android_fill_matmul.tcm'));
    const nd = rt.ndarray('f32', [4, 4], { hostRead: true });
    const fill = mod.kernel('fill');
    // Each launch is flushed at once, so every launch is a submission of its own.
    const run = async (n: number) => {
      for (let i = 0; i < n; i++) {
        fill.launch(nd, i);
        rt.flush();
        if (i % 500 === 499) await rt.wait();
      }
      await rt.wait();
    };
    // What grows once (JIT code, arrays sized to the peak) settles within the warm-up.
    await run(5000);
    const before = jsHeapAfterGc();
    await run(10_000);
    const after = jsHeapAfterGc();
    expect([...(await nd.read())]).toEqual(new Array(16).fill(9999));
    // A leak of the size once seen (3.5 KB a submission, every job kept by a race against the
    // device's `lost` promise) was 35 MB here.
    expect(after - before).toBeLessThan(1 << 20);
    nd.free();
    await mod.destroy();
  } finally {
    await rt.destroy();
  }
});
