// Input the TS API used to drop or misread without a word: writes of the wrong kind of data,
// dtype names that a plain-object lookup would half-accept, and SPIR-V the shim cannot read
// (bad data, so CORRUPTED_DATA naming the task and the instruction).

import { expect, test } from 'vitest';
import { TaichiError } from '../../src/index.js';
import { expectTaichiError, useRuntime } from '../helpers/aot.js';
import { moduleFiles } from '../helpers/fixtures.js';
import { writeZip } from '../helpers/zip.js';

const rt = useRuntime();

test('memory.write takes typed arrays and DataViews only; anything else is a TypeError and writes nothing', async () => {
  const m = rt().allocateMemory({ size: 16, hostWrite: true, hostRead: true });
  m.write(new Uint32Array([7, 7, 7, 7]));
  for (const bad of [[1, 2, 3], 'abcd', { length: 4 }, null, 42, new ArrayBuffer(16)]) {
    expect(() => m.write(bad as unknown as ArrayBufferView), String(bad)).toThrow(TypeError);
  }
  expect(() => m.write([1, 2, 3] as unknown as ArrayBufferView)).toThrow(/typed array or DataView, got a Array/);
  expect([...(await m.read(Uint32Array))]).toEqual([7, 7, 7, 7]);
  m.free();
});

test("ndarray.write takes a typed array of the ndarray's dtype, or numbers that fit it", async () => {
  const f = rt().ndarray('f32', [4], { hostRead: true });
  expect(() => f.write(new Float64Array(4) as unknown as Float32Array)).toThrow(/f32 ndarray takes a Float32Array or an array of numbers, got a Float64Array/);
  expect(() => f.write(new Int32Array(4) as unknown as Float32Array)).toThrow(TypeError);
  expect(() => f.write(['a', 'b', 'c', 'd'] as unknown as number[])).toThrow(/element 0 is a string, not a number/);
  expect(() => f.write('abcd' as unknown as number[])).toThrow(TypeError);
  f.write([0.5, -1, 3, 1e30]);
  expect([...(await f.read())]).toEqual([0.5, -1, 3, Math.fround(1e30)]);
  const i = rt().ndarray('i32', [3], { hostRead: true });
  for (const bad of [[1, 2.5, 3], [1, 2, 2 ** 31], [NaN, 0, 0]]) {
    await expectTaichiError(() => i.write(bad), 'ARGUMENT_OUT_OF_RANGE', 'is not a i32 value');
  }
  i.write([-(2 ** 31), 0, 2 ** 31 - 1]);
  expect([...(await i.read())]).toEqual([-(2 ** 31), 0, 2 ** 31 - 1]);
  const u = rt().ndarray('u8', [2]);
  await expectTaichiError(() => u.write([256, 0]), 'ARGUMENT_OUT_OF_RANGE', 'element 0 (256)');
  await expectTaichiError(() => u.write([0, -1]), 'ARGUMENT_OUT_OF_RANGE', 'element 1 (-1)');
  for (const a of [f, i, u]) a.free();
});

test("a u8 ndarray takes a canvas's pixels (Uint8ClampedArray); no other dtype does", async () => {
  const pixels = rt().ndarray('u8', [2, 3], { elementShape: [4] });
  const data = new Uint8ClampedArray(24).map((_, k) => 10 * k + 1);
  pixels.write(data);
  expect([...(await pixels.read())]).toEqual([...data]);
  const signed = rt().ndarray('i8', [24]);
  expect(() => signed.write(data as unknown as Int8Array)).toThrow(/i8 ndarray takes a Int8Array or an array of numbers, got a Uint8ClampedArray/);
  for (const a of [pixels, signed]) a.free();
});

test('dtype names are looked up in a Map: __proto__, toString and constructor are unknown dtypes', async () => {
  for (const name of ['__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
    await expectTaichiError(() => rt().ndarray(name as 'f32', [4]), 'INVALID_ARGUMENT', `unknown dtype '${name}'`);
  }
});

test('SPIR-V the shim cannot read is CORRUPTED_DATA naming the task and the instruction', async () => {
  const entries = moduleFiles('android_fill_matmul.tcm').entries.map((e) => {
    if (!e.name.startsWith('fill') || !e.name.endsWith('.spv')) return e;
    const data = e.data.slice();
    new DataView(data.buffer).setUint32(20, (2 << 16) | 999, true); // word 5: an unknown opcode
    return { name: e.name, data };
  });
  const error = await expectTaichiError(() => rt().loadModule(writeZip(entries)), 'CORRUPTED_DATA', 'task fill_c78_0_0_t00', 'not valid SPIR-V');
  expect(error.detail).toMatch(/word 5 \(opcode 999\)/);
  expect(error).toBeInstanceOf(TaichiError);
});
