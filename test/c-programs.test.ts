// Vulkan compute programs with main(), written in C as users write them (test/c/programs), built
// with emcc against libtaichi_c_api.a and run with runMain; each checks its results against the CPU.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram, compileShader, run } from './helpers/c-program.js';

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
