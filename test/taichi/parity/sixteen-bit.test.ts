// Issue 21, item 3: 16-bit data. f16 ndarrays and fields (which Taichi reads through 16-bit
// integers), an f16 scalar argument, and i16/u16 arithmetic on ndarrays, exported by
// sixteen_bit.py and compared with Taichi's CPU backend. WGSL has no 16-bit integers: the
// translator holds them in 32-bit words (shim/spirv/passes/narrow-int.ts), which must be exact.

import { describe, expect, test } from 'vitest';
import { useRuntime } from '../../helpers/aot.js';
import { halfToNumber } from '../../helpers/corpus-run.js';
import { expected, loadModule, type Stored } from './load.js';

const runtime = useRuntime();
interface Want {
  x: Stored; y: Stored; s: number; ai: Stored; bi: Stored; au: Stored; bu: Stored;
  fill: Stored; axpy: Stored; wide: Stored; field: Stored; ai_after: Stored; out_i: Stored; bu_after: Stored; out_u: Stored;
}
const want = expected<Want>('sixteen_bit');
const N = want.x.shape[0];

/** f16 results within one f16 ulp of Taichi's: the GPU fuses a multiply-add that ti.cpu rounds twice. */
function expectHalvesClose(actual: Uint16Array, wantBits: number[], what: string): void {
  expect(actual.length, `${what}: length`).toBe(wantBits.length);
  for (let i = 0; i < wantBits.length; i++) {
    const a = halfToNumber(actual[i]);
    const w = halfToNumber(wantBits[i]);
    const ulp = 2 ** (Math.max(Math.floor(Math.log2(Math.abs(w) || 2 ** -14)), -14) - 10);
    expect(Math.abs(a - w), `${what}[${i}]: ${a}, Taichi's ${w}`).toBeLessThanOrEqual(ulp);
  }
}

describe('16-bit ndarrays and arguments against ti.cpu', () => {
  test('the module loads on a device with shader-f16 and lists 16-bit parameters', async () => {
    const mod = await loadModule(runtime(), 'sixteen_bit');
    const axpy = mod.kernels.find((k) => k.name === 'axpy_f16')!;
    expect(axpy.args.map((a) => [a.kind, a.dtype])).toEqual([['ndarray', 'f16'], ['ndarray', 'f16'], ['scalar', 'f16']]);
  });

  test('an f16 fill is exact (every value is representable)', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'sixteen_bit');
    const a = rt.ndarray('f16', [N], { hostRead: true });
    mod.kernel('fill_f16').launch(a);
    await rt.wait();
    expect(Array.from(await a.read())).toEqual(want.fill.data);
  });

  test('f16 axpy with an f16 scalar argument, each element written beside its neighbour', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'sixteen_bit');
    const x = rt.ndarray('f16', [N], { hostWrite: true });
    const y = rt.ndarray('f16', [N], { hostRead: true, hostWrite: true });
    x.write(Uint16Array.from(want.x.data));
    y.write(Uint16Array.from(want.y.data));
    mod.kernel('axpy_f16').launch(x, y, want.s);
    await rt.wait();
    expectHalvesClose(await y.read(), want.axpy.data, 'axpy');
  });

  test('f16 read into f32, and an f16 field written then read', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'sixteen_bit');
    const x = rt.ndarray('f16', [N], { hostWrite: true });
    x.write(Uint16Array.from(want.x.data));
    const wide = rt.ndarray('f32', [N], { hostRead: true });
    mod.kernel('widen_f16').launch(x, wide);
    const field = rt.ndarray('f32', [N], { hostRead: true });
    mod.kernel('field_f16').launch(field);
    await rt.wait();
    expect(Array.from(await wide.read())).toEqual(want.wide.data);
    expect(Array.from(await field.read())).toEqual(want.field.data);
  });

  test('i16 arithmetic wraps, divides and shifts exactly as Taichi does', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'sixteen_bit');
    const a = rt.ndarray('i16', [N], { hostRead: true, hostWrite: true });
    const b = rt.ndarray('i16', [N], { hostWrite: true });
    a.write(Int16Array.from(want.ai.data));
    b.write(Int16Array.from(want.bi.data));
    const out = rt.ndarray('i32', [N, 9], { hostRead: true });
    mod.kernel('ops_i16').launch(a, b, out);
    await rt.wait();
    expect(Array.from(await out.read())).toEqual(want.out_i.data);
    expect(Array.from(await a.read())).toEqual(want.ai_after.data);
  });

  test('u16 arithmetic wraps, divides and shifts exactly as Taichi does', async () => {
    const rt = runtime();
    const mod = await loadModule(rt, 'sixteen_bit');
    const a = rt.ndarray('u16', [N], { hostWrite: true });
    const b = rt.ndarray('u16', [N], { hostRead: true, hostWrite: true });
    a.write(Uint16Array.from(want.au.data));
    b.write(Uint16Array.from(want.bu.data));
    const out = rt.ndarray('u32', [N, 9], { hostRead: true });
    mod.kernel('ops_u16').launch(a, b, out);
    await rt.wait();
    expect(Array.from(await out.read())).toEqual(want.out_u.data);
    expect(Array.from(await b.read())).toEqual(want.bu_after.data);
  });
});
