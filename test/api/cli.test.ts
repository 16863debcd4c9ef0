// The taichi-wasm command line, called in-process through main() with its output captured.

import { describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { main, type CliIo } from '../../src/cli.js';
import { fileURLToPath } from 'node:url';
import { fixture } from '../helpers/aot.js';
import { juliaStable, juliaValue } from '../helpers/julia.js';

/** The project's own modules (examples/*.py exports them). */
const example = (name: string) => fileURLToPath(new URL(`../../examples/modules/${name}`, import.meta.url));

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
    const r = await cli('inspect', example('mpm88.cgraph.tcm'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('kernel substep_reset_grid_c82_0(_grid_v: ndarray<f32, ndim=2, element=[2]>, _grid_m: ndarray<f32, ndim=2>)');
    expect(r.out).toMatch(/graph update \[200 dispatches\]\(.*C: ndarray<f32, ndim=1, element=\[2,2\]>/);
    expect(r.out).toContain('graph init [1 dispatches](');
    const fill = await cli('inspect', example('fill_matmul.tcm'));
    expect(fill.out).toContain('kernel fill(_a: ndarray<f32, ndim=2>, val: scalar<f32>)');
  });

  test('run launches a kernel with a scalar and a zeroed ndarray and summarises it', async () => {
    const r = await cli('run', example('fill_matmul.tcm'), 'fill', 'a=f32[5,7]', 'val=2.5');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^kernel fill: ran in/);
    expect(r.out).toContain('a: f32[5,7] min 2.5 max 2.5 mean 2.5; first [2.5, 2.5, 2.5, 2.5, 2.5, 2.5]');
  });

  test('run --deterministic gives each ndarray the SHA-256 of its bytes', async () => {
    const r = await cli('run', example('fill_matmul.tcm'), 'fill', 'a=f32[5,7]', 'val=2.5', '--deterministic');
    expect(r.code).toBe(0);
    const filled = new Float32Array(35).fill(2.5);
    const digest = createHash('sha256').update(new Uint8Array(filled.buffer)).digest('hex');
    expect(r.out).toContain(`a: f32[5,7] min 2.5 max 2.5 mean 2.5; first [2.5, 2.5, 2.5, 2.5, 2.5, 2.5], sha256 ${digest}`);
  });

  test('run launches a graph by named arguments, element shapes taken from its signature', async () => {
    const r = await cli('run', example('mpm88.cgraph.tcm'), 'init', 'x=f32[256]', 'v=f32[256]', 'J=f32[256]');
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
      writeFileSync(spv, unzipSync(readFileSync(example('fill_matmul.tcm')))['fill_c80_0_0_t00.spv']);
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

  test('errors name the unknown subcommand, option or argument, the missing argument and the missing file', async () => {
    const unknown = await cli('run', example('fill_matmul.tcm'), 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("no kernel or graph named 'nope'; the module has fill, matmul, scale_c84_0, matmul_c82_0, fill_c80_0, fill_matmul");
    const missing = await cli('run', example('fill_matmul.tcm'), 'fill', 'a=f32[2,2]');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('missing argument val (val: scalar<f32>)');
    const misspelled = await cli('run', example('fill_matmul.tcm'), 'fill', 'a=f32[2,2]', 'vall=1');
    expect(misspelled.code).toBe(2);
    expect(misspelled.err).toContain("'fill' has no argument 'vall'; its arguments are _a, val");
    const option = await cli('inspect', example('fill_matmul.tcm'), '--jsn');
    expect(option.code).toBe(2);
    expect(option.err).toContain("Unknown option '--jsn'");
    const noFile = await cli('inspect', 'no/such/module.tcm');
    expect(noFile.code).toBe(1);
    expect(noFile.err).toBe('no/such/module.tcm: no such file or directory\n');
    const badNdarray = await cli('run', example('fill_matmul.tcm'), 'fill', 'a=5', 'val=1');
    expect(badNdarray.code).toBe(2);
    expect(badNdarray.err).toContain('an ndarray is given as dtype[shape]');
    const wrongShape = await cli('run', example('fill_matmul.tcm'), 'fill', 'a=f32[4]', 'val=1');
    expect(wrongShape.code).toBe(1);
    expect(wrongShape.err).toContain('TI_ERROR_INVALID_ARGUMENT');
    const notModule = join(mkdtempSync(join(tmpdir(), 'cli-bad-')), 'bad.tcm');
    writeFileSync(notModule, 'not a zip');
    const bad = await cli('inspect', notModule);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('bad.tcm: TI_ERROR_CORRUPTED_DATA');
    rmSync(notModule, { force: true });
    const old = await cli('inspect', fixture('implicit_fem.kernel.tcm'));
    expect(old.code).toBe(1);
    expect(old.err).toContain('TI_ERROR_INCOMPATIBLE_MODULE');
    expect((await cli('inspect')).code).toBe(2);
    const sub = await cli('frobnicate');
    expect(sub.code).toBe(2);
    expect(sub.err).toContain("unknown subcommand 'frobnicate'");
  });

  test('--help and --version print on stdout and succeed', async () => {
    const help = await cli('--help');
    expect([help.code, help.err]).toEqual([0, '']);
    expect(help.out).toContain('taichi-wasm inspect <module> [--json]');
    const subHelp = await cli('run', '--help');
    expect([subHelp.code, subHelp.err]).toEqual([0, '']);
    expect(subHelp.out).toMatch(/^usage: taichi-wasm run /);
    const version = await cli('--version');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(version).toEqual({ code: 0, out: `taichi-wasm ${pkg.version}\n`, err: '' });
  });

  test('inspect --json gives the signatures as data', async () => {
    const r = await cli('inspect', example('fill_matmul.tcm'), '--json');
    expect(r.code).toBe(0);
    const described = JSON.parse(r.out) as { kernels: { name: string; args: unknown[] }[]; graphs: unknown[] };
    expect(described.kernels.find((k) => k.name === 'fill')).toEqual({
      name: 'fill',
      args: [
        { name: '_a', kind: 'ndarray', dtype: 'f32', ndim: 2, elementShape: [] },
        { name: 'val', kind: 'scalar', dtype: 'f32', ndim: 0, elementShape: [] },
      ],
    });
    expect(described.graphs.map((g) => (g as { name: string }).name)).toEqual(['fill_matmul']);
  });

  test('run --times repeats the launch with a progress bar; --png writes the 2-D result as a picture', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-png-'));
    try {
      const file = join(dir, 'canvas.png');
      const t = 0.9;
      const r = await cli('run', fixture('fractal.kernel.tcm'), 'fractal', `t=${t}`, 'canvas=f32[640,320]', '--times', '40', '--png', `canvas=${file}`);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/^kernel fractal: ran 40 times in [\d.]+ ms \([\d.]+ ms each\)/);
      expect(r.err.trim().split('\n').pop()).toBe('[####################] 100% (40/40)');
      const png = PNG.sync.read(readFileSync(file));
      expect([png.width, png.height]).toEqual([640, 320]);
      // Grey from the canvas' minimum to its maximum; pixel (x, y) shows canvas[x, 319 - y].
      const { min, max } = stats(r.out.split('\n').find((l) => /^\s*_?canvas:/.test(l))!);
      let [compared, matching] = [0, 0];
      for (let y = 4; y < 316; y += 6) {
        for (let x = 4; x < 636; x += 6) {
          if (!juliaStable(t, x, 319 - y)) continue;
          compared++;
          const expected = Math.round((255 * (juliaValue(t, x, 319 - y) - min)) / (max - min));
          const at = (y * 640 + x) * 4;
          if (Math.abs(png.data[at] - expected) <= 1 && png.data[at] === png.data[at + 2] && png.data[at + 3] === 255) matching++;
        }
      }
      expect(compared).toBeGreaterThan(2000);
      expect(matching / compared).toBeGreaterThanOrEqual(0.99);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
