// The taichi-wasm command line, called in-process through main() with its output captured.

import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { main, type CliIo } from '../src/cli.js';
import { fixture } from './helpers/aot.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let [out, err] = ['', ''];
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await main(argv, io);
  return { code, out, err };
}

/** The numbers after `min`, `max` and `mean` in a summary line. */
function stats(line: string): { min: number; max: number; mean: number } {
  const m = /min (\S+) max (\S+) mean (\S+);/.exec(line);
  expect(m, line).not.toBeNull();
  return { min: Number(m![1]), max: Number(m![2]), mean: Number(m![3]) };
}

describe('taichi-wasm CLI', () => {
  test('inspect lists kernels and graphs with argument kinds, dtypes, ndim and element shapes', async () => {
    const r = await cli('inspect', fixture('mpm88.cgraph.tcm'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('kernel substep_reset_grid_c76_0(grid_v: ndarray<f32, ndim=2, element=[2]>, grid_m: ndarray<f32, ndim=2>)');
    expect(r.out).toMatch(/graph update \[200 dispatches\]\(.*C: ndarray<f32, ndim=1, element=\[2,2\]>/);
    expect(r.out).toContain('graph init [1 dispatches](');
    const fill = await cli('inspect', fixture('android_fill_matmul.tcm'));
    expect(fill.out).toContain('kernel fill(a: ndarray<f32, ndim=2>, val: scalar<f32>)');
  });

  test('run launches a kernel with a scalar and a zeroed ndarray and summarises it', async () => {
    const r = await cli('run', fixture('android_fill_matmul.tcm'), 'fill', 'a=f32[5,7]', 'val=2.5');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^kernel fill: ran in/);
    expect(r.out).toContain('a: f32[5,7] min 2.5 max 2.5 mean 2.5; first [2.5, 2.5, 2.5, 2.5, 2.5, 2.5]');
  });

  test('run launches a graph by named arguments, element shapes taken from its signature', async () => {
    const r = await cli('run', fixture('mpm88.cgraph.tcm'), 'init', 'x=f32[256]', 'v=f32[256]', 'J=f32[256]');
    expect(r.code).toBe(0);
    const line = (name: string) => r.out.split('\n').find((l) => l.trim().startsWith(`${name}:`))!;
    expect(line('x')).toContain('x: f32[256](2)');
    const x = stats(line('x'));
    // init places particles uniformly in [0.2, 0.6]^2, with v = (0, -1) and J = 1.
    expect(x.min).toBeGreaterThanOrEqual(0.2);
    expect(x.max).toBeLessThanOrEqual(0.6);
    expect(stats(line('v'))).toEqual({ min: -1, max: 0, mean: -0.5 });
    expect(stats(line('J'))).toEqual({ min: 1, max: 1, mean: 1 });
  });

  test('translate prints the WGSL of a task, and with --reflect its bindings and loop bounds as JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-translate-'));
    try {
      const spv = join(dir, 'fill.spv');
      writeFileSync(spv, unzipSync(readFileSync(fixture('android_fill_matmul.tcm')))['fill_c78_0_0_t00.spv']);
      const r = await cli('translate', spv, '--reflect');
      expect(r.code).toBe(0);
      expect(r.out).toContain('@compute @workgroup_size(128, 1, 1)');
      const reflection = JSON.parse(r.err) as { bindings: { kind: string }[]; gridStride: { groupSize: number } };
      expect(reflection.bindings.map((b) => b.kind)).toEqual(['uniform', 'storage']);
      expect(reflection.gridStride.groupSize).toBe(128);
      const bad = join(dir, 'bad.spv');
      writeFileSync(bad, new Uint8Array(20));
      const refused = await cli('translate', bad);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('bad.spv');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('errors: unknown names, missing arguments, bad values, bad modules, bad usage', async () => {
    const unknown = await cli('run', fixture('android_fill_matmul.tcm'), 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("no kernel or graph named 'nope'; the module has matmul, fill");
    const missing = await cli('run', fixture('android_fill_matmul.tcm'), 'fill', 'a=f32[2,2]');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('missing argument val (val: scalar<f32>)');
    const badNdarray = await cli('run', fixture('android_fill_matmul.tcm'), 'fill', 'a=5', 'val=1');
    expect(badNdarray.code).toBe(2);
    expect(badNdarray.err).toContain('an ndarray is given as dtype[shape]');
    const wrongShape = await cli('run', fixture('android_fill_matmul.tcm'), 'fill', 'a=f32[4]', 'val=1');
    expect(wrongShape.code).toBe(1);
    expect(wrongShape.err).toContain('TI_ERROR_INVALID_ARGUMENT');
    const old = await cli('inspect', fixture('implicit_fem.kernel.tcm'));
    expect(old.code).toBe(1);
    expect(old.err).toContain('TI_ERROR_INCOMPATIBLE_MODULE');
    expect((await cli('inspect')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('--help')).code).toBe(0);
  });
});
