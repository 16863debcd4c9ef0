// Vulkan compute programs with main(), written in C as users write them (test/runtime/c/programs), built
// with emcc against libtaichi_c_api.a and run with runMain; each checks its results against the CPU.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { buildProgram, compileShader, run } from '../helpers/c-program.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiw-c-programs-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test.each([
  ['called directly and through vkGet*ProcAddr', 'waits', [] as string[]],
  ['through the pointers volk fills', 'waits-volk', ['-DVKC_VOLK', 'wasm/build/include/volk.c']],
])('every waiting command waits, %s', async (_how, name, flags) => {
  const add = compileShader('add', dir);
  const program = buildProgram(dir, name, ['waits.c'], flags);
  const result = await run(program, { args: ['add.spv'], files: { 'add.spv': add } });
  expect(result.output.join('\n')).toContain('waits: 12 rounds');
  expect(result.exitCode).toBe(0);
  expect(result.liveObjects).toEqual({});
}, 300_000);

test('a host loop polling vkGetFenceStatus and vkGetEventStatus sees the GPU finish', async () => {
  const program = buildProgram(dir, 'polls', ['polls.c']);
  const result = await run(program, { args: ['add.spv'], files: { 'add.spv': compileShader('add', dir) } });
  expect(result.output.join('\n')).toMatch(/polls: 2 fences and 1 event polled until the GPU was done, 262144 elements at 12 match the CPU/);
  expect(result.exitCode).toBe(0);
  expect(result.liveObjects).toEqual({});
}, 300_000);

test('saxpy: push constants recorded between dispatches reach each dispatch', async () => {
  const program = buildProgram(dir, 'saxpy', ['saxpy.c']);
  const result = await run(program, { args: ['saxpy.spv'], files: { 'saxpy.spv': compileShader('saxpy', dir) } });
  expect(result.output.join('\n')).toContain('saxpy: 2 submissions of 4 dispatches with push constants match the CPU');
  expect(result.exitCode).toBe(0);
  expect(result.liveObjects).toEqual({});
}, 300_000);

test('matmul: the tile size is a specialization constant (workgroup size and shared arrays)', async () => {
  const program = buildProgram(dir, 'matmul', ['matmul.c']);
  const result = await run(program, { args: ['matmul.spv'], files: { 'matmul.spv': compileShader('matmul', dir) } });
  expect(result.output.join('\n')).toContain('matmul: tiles 4, 8 and 16 match the CPU');
  expect(result.exitCode).toBe(0);
  expect(result.liveObjects).toEqual({});
}, 300_000);

test('a shared-memory reduction and a prefix sum over several blocks', async () => {
  const program = buildProgram(dir, 'reduce-scan', ['reduce_scan.c']);
  const result = await run(program, {
    args: ['reduction.spv', 'prefix_sum.spv'],
    files: { 'reduction.spv': compileShader('reduction', dir), 'prefix_sum.spv': compileShader('prefix_sum', dir) },
  });
  const output = result.output.join('\n');
  expect(output).toContain('reduction: 64 partial sums match the CPU');
  expect(output).toContain('prefix sum: 3000 elements match the CPU');
  expect(result.exitCode).toBe(0);
  expect(result.liveObjects).toEqual({});
}, 300_000);

test('mandelbrot to a PNG', async () => {
  const program = buildProgram(dir, 'mandelbrot', ['mandelbrot.c']);
  const result = await run(program, {
    args: ['mandelbrot.spv', 'out/mandelbrot.png'],
    files: { 'mandelbrot.spv': compileShader('mandelbrot', dir) },
    outputs: ['out/mandelbrot.png'],
  });
  expect(result.output.join('\n')).toMatch(/mandelbrot: 256x192, \d+ pixels inside the set/);
  expect(result.exitCode).toBe(0);
  const png = PNG.sync.read(Buffer.from(result.files.get('out/mandelbrot.png')!));
  expect([png.width, png.height]).toEqual([256, 192]);
  // The centre of the main cardioid is inside the set (black), the corner far outside (white).
  const at = (x: number, y: number): number => png.data[4 * (y * png.width + x)];
  expect(at(Math.round(((-0.25 + 2.25) / 3) * 256), 96)).toBe(0);
  expect(at(0, 0)).toBeGreaterThan(240);
  expect(result.liveObjects).toEqual({});
}, 300_000);

test('VK_EXT_debug_utils messengers receive the validation messages with their severities', async () => {
  const program = buildProgram(dir, 'debug-utils', ['debug_utils.c']);
  const result = await run(program, {});
  expect(result.output.join('\n')).toContain('debug utils: errors 1, warnings 1, own messages 1');
  expect(result.exitCode).toBe(0);
  expect(result.liveObjects).toEqual({});
}, 300_000);
