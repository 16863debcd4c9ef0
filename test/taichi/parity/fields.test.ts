// Issue 21, item 0: fields-only programs whose stepping kernels take no arguments (so their
// tasks bind no args buffer), exported by fields.py and compared with Taichi's CPU backend.

import { describe, expect, test } from 'vitest';
import { useRuntime } from '../../helpers/aot.js';
import { expected, expectClose, loadModule, type Stored } from './load.js';

const runtime = useRuntime();
const want = expected<{ life: { steps: number; board: Stored; result: Stored }; fem: { steps: number; start: Stored; result: Stored } }>('fields');

describe('fields and argument-less kernels', () => {
  test('game of life matches ti.cpu exactly', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'fields');
    const [n] = want.life.board.shape;
    const board = rt.ndarray('i32', [n, n], { hostWrite: true });
    board.write(Int32Array.from(want.life.board.data));
    mod.kernel('life_load').launch(board);
    for (let s = 0; s < want.life.steps; s++) {
      mod.kernel('life_step').launch();
      mod.kernel('life_swap').launch();
    }
    const out = rt.ndarray('i32', [n, n], { hostRead: true });
    mod.kernel('life_read').launch(out);
    await rt.wait();
    const cells = await out.read();
    expect(Array.from(cells)).toEqual(want.life.result.data);
    expect(want.life.result.data.some((c) => c === 1)).toBe(true);
  });

  test('explicit FEM steps match ti.cpu', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'fields');
    const nv = want.fem.start.shape[0];
    const pos = rt.ndarray('f32', [nv], { elementShape: [2], hostWrite: true, hostRead: true });
    mod.kernel('fem_init').launch();
    pos.write(Float32Array.from(want.fem.start.data));
    mod.kernel('fem_load').launch(pos);
    for (let s = 0; s < want.fem.steps; s++) {
      mod.kernel('fem_force').launch();
      mod.kernel('fem_advance').launch();
    }
    mod.kernel('fem_read').launch(pos);
    await rt.wait();
    const got = await pos.read();
    // Compared as displacements from the start: atomic force sums add in another order, and log
    // differs in the last bits, so each displacement may differ by a small fraction of the largest.
    const start = want.fem.start.data;
    const moved = (p: ArrayLike<number>) => Array.from(start, (s, i) => p[i] - s);
    const wantMoved = moved(want.fem.result.data);
    const largest = Math.max(...wantMoved.map(Math.abs));
    expect(largest).toBeGreaterThan(1e-3);
    expectClose(moved(got), wantMoved, 1e-3 * largest, 'displacement');
  });
});
