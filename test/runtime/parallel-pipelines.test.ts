// A module's pipelines are made in one vkCreateComputePipelines (wasm/src/aot_module.cpp), which
// the shim compiles in parallel with createComputePipelineAsync where the platform allows it
// (GpuSource.parallelPipelines) and one after another otherwise. Both ways run here on any
// machine: the kernels compute the same results, and a module with a task the shim cannot read
// is refused at load naming that task, after its other pipelines were already in flight.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Runtime } from '../../src/index.js';
import { expectTaichiError, fixture, matmulError, matmulOperands } from '../helpers/aot.js';
import { moduleFiles } from '../helpers/fixtures.js';
import { writeZip } from '../helpers/zip.js';

const FILL_MATMUL = fixture('android_fill_matmul.tcm');

/** android_fill_matmul.tcm with word 5 of `task`'s SPIR-V an unknown opcode. */
function corrupted(task: string): Uint8Array {
  const entries = moduleFiles('android_fill_matmul.tcm').entries.map((e) => {
    if (e.name !== `${task}.spv`) return e;
    const data = e.data.slice();
    new DataView(data.buffer).setUint32(20, (2 << 16) | 999, true);
    return { name: e.name, data };
  });
  return writeZip(entries);
}

describe.each([true, false])('pipelines compiled in parallel: %s', (parallelPipelines) => {
  let rt: Runtime;
  beforeAll(async () => {
    rt = await Runtime.create({ parallelPipelines });
  });
  afterAll(async () => {
    await rt.destroy();
  });

  test('fill and matmul of android_fill_matmul.tcm match the CPU, loaded twice', async () => {
    for (let load = 0; load < 2; load++) {
      const mod = await rt.loadModule(FILL_MATMUL);
      const [n, m, p] = [37, 53, 29];
      const { av, bv, a, b, c } = matmulOperands(rt, [n, m, p], 11 + load);
      const f = rt.ndarray('f32', [5, 7]);
      try {
        mod.kernel('matmul').launch(a, b, c);
        mod.kernel('fill').launch(f, -1.5);
        expect(matmulError(av, bv, await c.read(), n, m, p)).toBeLessThan(1e-4);
        expect(Array.from(await f.read())).toEqual(new Array(35).fill(-1.5));
      } finally {
        for (const x of [a, b, c, f]) x.free();
        await mod.destroy();
      }
    }
  });

  test.each(['fill_c78_0_0_t00', 'matmul_c76_0_0_t00'])('a module whose task %s is unreadable SPIR-V is CORRUPTED_DATA naming it; the runtime loads the module after', async (task) => {
    await expectTaichiError(() => rt.loadModule(corrupted(task)), 'CORRUPTED_DATA', `task ${task}`, 'not valid SPIR-V');
    expect(rt.diagnostics().vulkanObjects.pipelines ?? 0).toBe(0);
    const mod = await rt.loadModule(FILL_MATMUL);
    const f = rt.ndarray('f32', [1, 3]);
    try {
      mod.kernel('fill').launch(f, 4);
      expect(Array.from(await f.read())).toEqual([4, 4, 4]);
    } finally {
      f.free();
      await mod.destroy();
    }
  });
});
