// The main job (`npm run demo`): runs the real Taichi mpm88 module (2-D MPM fluid, compiled by
// Taichi 1.8.0) in Node on the default WebGPU adapter, prints progress and substeps per second,
// and draws the particles into out/mpm88.png. It exits non-zero if any particle ends up
// non-finite or outside the unit square.
//
//   npm run demo                       # default number of updates
//   npm run demo -- --updates 20       # or MPM88_UPDATES=20; one update is 50 substeps

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PNG } from 'pngjs';
import { Runtime } from '../src/index.js';

const PARTICLES = 8192;
const GRID = 128;
// 1.5-3 s per update on lavapipe (two CPU cores), so the default run takes 12-24 s there.
const DEFAULT_UPDATES = 8;
const IMAGE_SIZE = 512;
const MODULE = 'examples/modules/mpm88.cgraph.tcm';

/** The checkout's root: the nearest folder upwards holding package.json (src or dist layout). */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('main job: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

function describeAdapter(runtime: Runtime): string {
  const info = runtime.adapterInfo;
  if (!info) return 'adapter: (the device did not report adapter information)';
  return `adapter: vendor=${info.vendor || '?'} architecture=${info.architecture || '?'} device=${info.device || info.description || '?'}`;
}

/** Particles as soft dots on a dark background, y up; brighter where they pile up. */
function drawParticles(x: Float32Array, path: string): void {
  const png = new PNG({ width: IMAGE_SIZE, height: IMAGE_SIZE });
  const density = new Float32Array(IMAGE_SIZE * IMAGE_SIZE);
  for (let p = 0; p < x.length / 2; p++) {
    const cx = Math.floor(x[2 * p] * IMAGE_SIZE);
    const cy = Math.floor((1 - x[2 * p + 1]) * IMAGE_SIZE);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const [px, py] = [cx + dx, cy + dy];
        if (px >= 0 && py >= 0 && px < IMAGE_SIZE && py < IMAGE_SIZE) density[py * IMAGE_SIZE + px] += dx === 0 && dy === 0 ? 1 : 0.35;
      }
    }
  }
  const background = [0x10, 0x14, 0x1c];
  const particle = [0x5c, 0xc8, 0xff];
  for (let i = 0; i < density.length; i++) {
    const a = Math.min(1, density[i]);
    for (let c = 0; c < 3; c++) png.data[4 * i + c] = Math.round(background[c] + (particle[c] - background[c]) * a);
    png.data[4 * i + 3] = 255;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, PNG.sync.write(png));
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { updates: { type: 'string' }, module: { type: 'string' } } });
  const updates = Number(values.updates ?? process.env.MPM88_UPDATES ?? DEFAULT_UPDATES);
  if (!Number.isInteger(updates) || updates < 1) throw new Error(`--updates must be a positive integer, got ${values.updates ?? process.env.MPM88_UPDATES}`);
  const root = repositoryRoot();
  const modulePath = values.module ?? resolve(root, MODULE);

  const runtime = await Runtime.create();
  try {
    console.log(describeAdapter(runtime));
    const mod = await runtime.loadModule(modulePath);
    console.log(`module: ${modulePath} (graphs ${mod.graphs.map((g) => `${g.name}: ${g.dispatches} dispatches`).join(', ')})`);
    const a = {
      x: runtime.ndarray('f32', [PARTICLES], { elementShape: [2] }),
      v: runtime.ndarray('f32', [PARTICLES], { elementShape: [2] }),
      C: runtime.ndarray('f32', [PARTICLES], { elementShape: [2, 2] }),
      J: runtime.ndarray('f32', [PARTICLES]),
      grid_v: runtime.ndarray('f32', [GRID, GRID], { elementShape: [2] }),
      grid_m: runtime.ndarray('f32', [GRID, GRID]),
      pos: runtime.ndarray('f32', [PARTICLES], { elementShape: [3] }),
    };
    mod.graph('init').launch({ x: a.x, v: a.v, J: a.J });
    await runtime.wait();

    // The first update compiles pipelines and warms caches: the steady-state rate leaves it out.
    const update = mod.graph('update');
    const seconds: number[] = [];
    for (let i = 1; i <= updates; i++) {
      const started = performance.now();
      update.launch(a);
      await runtime.wait();
      seconds.push((performance.now() - started) / 1000);
      console.log(`update ${i}/${updates}: 50 substeps in ${seconds[i - 1].toFixed(2)} s (${(50 / seconds[i - 1]).toFixed(0)} substeps/s)${i === 1 ? ', warm-up' : ''}`);
    }
    const steady = seconds.slice(1);
    if (steady.length > 0) {
      const total = steady.reduce((x, y) => x + y, 0);
      console.log(`steady state (updates 2-${updates}): ${((50 * steady.length) / total).toFixed(1)} substeps/s`);
    }

    const x = await a.x.read();
    let bad = 0;
    for (const q of x) if (!(q > 0 && q < 1)) bad++;
    const image = join(root, 'out', 'mpm88.png');
    drawParticles(x, image);
    console.log(`image: ${image} (${PARTICLES} particles after ${updates * 50} substeps)`);
    if (bad > 0) {
      console.error(`mpm88: FAILED, ${bad} particle coordinates are non-finite or outside (0, 1)`);
      return 1;
    }
    console.log('mpm88: OK, every particle is finite and inside (0, 1)^2');
    await mod.destroy();
    return 0;
  } finally {
    await runtime.destroy();
  }
}

// Dawn can keep Node's event loop alive after the work is done, so the exit is explicit.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
