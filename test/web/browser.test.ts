// The web demos in a real browser: Debian's Chromium (playwright-core, headless, WebGPU on
// SwiftShader) opens each page of the static build (web/dist, rebuilt here when missing or
// older than its sources), waits for frames, requires a clean console and checks the pixels of
// a screenshot: the fractal against the Julia set computed on the CPU for the t the page
// reports, the fluid's particles inside their box, the FEM plate against a CPU run of its scheme. Screenshots land in test-output/.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { serveStatic, type StaticServer } from '../helpers/static-server.js';
import { launchChromium } from '../helpers/chromium.js';
import { juliaStable, juliaValue } from '../helpers/julia.js';
import { initPlate, stepPlate } from '../helpers/fem.js';
import * as Fem from '../../web/src/fem-view.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'web', 'dist');
const OUTPUT = join(ROOT, 'test-output');

/** Newest modification time of the files under `path` (a file or a folder). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).filter((name) => name !== 'dist' && name !== 'node_modules').map((name) => newest(join(path, name))));
}

/** Builds web/dist unless it is newer than everything it is built from. */
function ensureWebBuild(): void {
  const sources = ['web', 'src', 'shim/src', 'shim/spirv', 'wasm/build/taichi.cjs', 'wasm/build/taichi.wasm'].map((p) => newest(join(ROOT, p)));
  const built = newest(join(DIST, 'index.html'));
  if (built > Math.max(...sources)) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

interface Demo {
  steps?: number;
  dt?: number;
  x?: number[];
  frames: number;
  ready: boolean;
  error?: string;
  t?: number;
  substeps?: number;
  n?: number;
  entries?: string[];
  result?: unknown;
}

interface Opened {
  page: Page;
  demo: Demo;
  /** Console errors and uncaught exceptions seen on the page. */
  errors: string[];
}

/** Every page but the index, with a light workload for the error tests. */
const PAGES = [
  { name: 'fractal', query: '' },
  { name: 'mpm88', query: '?n=512&substeps=1' },
  { name: 'mpm3d', query: '?n=512&substeps=1' },
  { name: 'fem', query: '' },
  { name: 'playground', query: '' },
];

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuild();
  mkdirSync(OUTPUT, { recursive: true });
  server = await serveStatic(DIST);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` and waits (at most `timeoutMs`) until the page has completed `frames` frames or failed. */
async function open(path: string, frames: number, timeoutMs = 60_000): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 900, height: 800 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${server.url}/${path}`);
  const deadline = Date.now() + timeoutMs;
  let demo: Demo;
  for (;;) {
    demo = await page.evaluate(() => (window as unknown as { __demo: Demo }).__demo);
    if (demo.error || demo.frames >= frames || Date.now() > deadline) break;
    await page.waitForTimeout(200);
  }
  return { page, demo, errors };
}

/** A screenshot of the page (saved for people) and of its canvas, pixel for pixel (decoded, for the checks). */
async function capture(page: Page, name: string): Promise<PNG> {
  await page.screenshot({ path: join(OUTPUT, `${name}.png`) });
  const { x, y, width, height } = await page.locator('#view').evaluate((canvas: HTMLCanvasElement) => {
    const r = canvas.getBoundingClientRect();
    return { x: Math.round(r.left), y: Math.round(r.top), width: canvas.width, height: canvas.height };
  });
  const shot = await page.screenshot({ clip: { x, y, width, height } });
  writeFileSync(join(OUTPUT, `${name}-canvas.png`), shot);
  return PNG.sync.read(shot);
}

/** Opens a demo, runs `check` on it and always closes the page, so no demo keeps the GPU busy. */
async function withDemo(path: string, frames: number, check: (opened: Opened) => Promise<void>): Promise<void> {
  const opened = await open(path, frames);
  try {
    expectClean(opened, frames);
    await check(opened);
  } finally {
    await opened.page.close();
  }
}

/** The pixels of the playground's `index`-th result canvas, exactly as drawn (saved to test-output/ too). */
async function resultPicture(page: Page, index: number, name: string): Promise<PNG> {
  const url = await page.locator('canvas.result').nth(index).evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL('image/png'));
  const bytes = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
  writeFileSync(join(OUTPUT, `${name}.png`), bytes);
  return PNG.sync.read(bytes);
}

function pixel(png: PNG, x: number, y: number): [number, number, number] {
  const at = (y * png.width + x) * 4;
  return [png.data[at], png.data[at + 1], png.data[at + 2]];
}

function expectClean({ demo, errors }: Opened, frames: number): void {
  expect(errors, errors.join('\n')).toEqual([]);
  expect(demo.error).toBeUndefined();
  expect(demo.frames).toBeGreaterThanOrEqual(frames);
}

describe('web demos in Chromium (WebGPU on SwiftShader)', () => {
  test('the build holds the four modules and no Node code', () => {
    for (const name of ['fractal.kernel.tcm', 'mpm88.cgraph.tcm', 'mpm3D.cgraph.tcm', 'implicit_fem.cgraph.tcm']) expect(existsSync(join(DIST, 'fixtures', name))).toBe(true);
    const scripts = readdirSync(join(DIST, 'assets')).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const name of scripts) {
      const code = readFileSync(join(DIST, 'assets', name), 'utf8');
      expect(code, name).not.toMatch(/["']node:|from ["']webgpu["']|dawn\.node/);
    }
  });

  test('the index links the playground and the four demos', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${server.url}/index.html`);
    const links = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['./playground.html', './fractal.html', './mpm88.html', './mpm3d.html', './fem.html']));
    expect(errors).toEqual([]);
    await page.close();
  });

  test('fractal: the canvas is the Julia set for the t the page reports', async () => {
    await withDemo('fractal.html?t=0.9', 3, async (opened) => {
      const t = opened.demo.t!;
      expect(t).toBeCloseTo(0.9, 6);
      const png = await capture(opened.page, 'fractal');
      expect([png.width, png.height]).toEqual([640, 320]);
      // A grid of interior samples; pixel (x, y) shows canvas[i = x, j = 319 - y]. Only samples
      // whose neighbours escape after as many iterations are compared: near the set's boundary a
      // rounding difference (the GPU's cos, fused multiply-adds) changes the count.
      let compared = 0;
      let matching = 0;
      for (let y = 8; y < 320 - 8; y += 8) {
        for (let x = 8; x < 640 - 8; x += 8) {
          const [i, j] = [x, 319 - y];
          const value = juliaValue(t, i, j);
          if (!juliaStable(t, i, j)) continue;
          compared++;
          const expected = Math.round(value * 255);
          if (pixel(png, x, y).every((c) => Math.abs(c - expected) <= 2)) matching++;
        }
      }
      console.log(`fractal t=${t}: ${matching} of ${compared} stable samples match the CPU`);
      expect(compared).toBeGreaterThan(1500);
      expect(matching / compared).toBeGreaterThanOrEqual(0.99);
    });
  });

  test('mpm88: particles are drawn inside the box and nowhere outside it', async () => {
    await withDemo('mpm88.html?n=2048&substeps=2', 4, async (opened) => {
      expect(opened.demo.n).toBe(2048);
      expect(opened.demo.substeps).toBeGreaterThan(0);
      const png = await capture(opened.page, 'mpm88');
      expect([png.width, png.height]).toEqual([560, 560]);
      // web/src/mpm88.ts draws [0, 1]^2 inset by 24 pixels, particles in 0x068587.
      const isParticle = ([r, g, b]: number[]) => r < 60 && g > 100 && b > 100;
      let inside = 0;
      let outside = 0;
      for (let y = 0; y < 560; y++) {
        for (let x = 0; x < 560; x++) {
          if (!isParticle(pixel(png, x, y))) continue;
          if (x >= 24 && x < 536 && y >= 24 && y < 536) inside++;
          else outside++;
        }
      }
      console.log(`mpm88: ${inside} particle pixels inside the box, ${outside} outside`);
      expect(inside).toBeGreaterThan(2000);
      expect(outside).toBe(0);
    });
  });

  test('mpm3D: points drawn through the orbit camera', async () => {
    await withDemo('mpm3d.html?n=1024&substeps=1', 3, async (opened) => {
      expect(opened.demo.substeps).toBeGreaterThan(0);
      const png = await capture(opened.page, 'mpm3d');
      // Particles are shades of blue; the background and the box's edges are grey.
      let points = 0;
      for (let y = 0; y < png.height; y++) {
        for (let x = 0; x < png.width; x++) {
          const [r, , b] = pixel(png, x, y);
          if (b > 120 && b > r + 40) points++;
        }
      }
      console.log(`mpm3D: ${points} particle pixels`);
      expect(points).toBeGreaterThan(500);
    });
  });

  test('implicit FEM: the plate is drawn where a CPU run of the same scheme puts it, coloured by displacement', async () => {
    const until = 25; // near the largest deflection of the first swing
    await withDemo(`fem.html?until=${until}`, 2, async ({ page }) => {
      await page.waitForFunction(() => (window as unknown as { __demo: Demo }).__demo.x !== undefined || (window as unknown as { __demo: Demo }).__demo.error !== undefined, undefined, { timeout: 120_000 });
      const frames = await page.evaluate(() => (window as unknown as { __demo: Demo }).__demo.frames);
      await page.waitForFunction((f) => (window as unknown as { __demo: Demo }).__demo.frames >= f + 2, frames, { timeout: 30_000 });
      const demo = await page.evaluate(() => (window as unknown as { __demo: Demo }).__demo);
      expect(demo.error).toBeUndefined();
      expect(demo.steps).toBe(until);
      const plate = initPlate();
      for (let s = 0; s < until; s++) stepPlate(plate, demo.dt!);
      // The GPU's positions (f32) against the CPU's (f64): the same scheme, step for step.
      const gpu = demo.x!;
      expect(gpu).toHaveLength(plate.x.length);
      expect(Math.max(...gpu.map((v, k) => Math.abs(v - plate.x[k])))).toBeLessThan(1e-4);
      const tip = 2 * (Fem.NODES - 1);
      expect(plate.x[tip + 1]).toBeLessThan(0.6); // the free corner has sagged from y = 1

      const png = await capture(page, 'fem');
      expect([png.width, png.height]).toEqual([Fem.WIDTH, Fem.HEIGHT]);
      const at = (n: number) => Fem.toPixel(plate.x[2 * n], plate.x[2 * n + 1]);
      const colour = (n: number) => Fem.nodeColour(Math.hypot(plate.x[2 * n] - Math.floor(n / Fem.N) * Fem.SPACING, plate.x[2 * n + 1] - (n % Fem.N) * Fem.SPACING));
      const close = (got: number[], want: readonly number[], tolerance: number) => got.every((c, k) => Math.abs(c - Math.round(want[k] * 255)) <= tolerance);
      // Each triangle's centroid shows the mean of its nodes' colours (barycentric interpolation).
      const corners: [number, number][][] = [];
      let [compared, matching] = [0, 0];
      const tipColour: number[][] = [];
      for (let e = 0; e < Fem.TRIANGLES; e++) {
        const nodes = Array.from(plate.triangles.subarray(3 * e, 3 * e + 3));
        const p = nodes.map(at);
        corners.push(p);
        const area = Math.abs((p[1][0] - p[0][0]) * (p[2][1] - p[0][1]) - (p[2][0] - p[0][0]) * (p[1][1] - p[0][1])) / 2;
        const perimeter = [0, 1, 2].reduce((sum, k) => sum + Math.hypot(p[(k + 1) % 3][0] - p[k][0], p[(k + 1) % 3][1] - p[k][1]), 0);
        if ((2 * area) / perimeter < 3) continue; // too thin to sample clear of its edges
        const want = [0, 1, 2].map((c) => nodes.reduce((sum, n) => sum + colour(n)[c], 0) / 3);
        const got = pixel(png, Math.floor((p[0][0] + p[1][0] + p[2][0]) / 3), Math.floor((p[0][1] + p[1][1] + p[2][1]) / 3));
        compared++;
        if (close(got, want, 4)) matching++;
        if (nodes.includes(Fem.NODES - 1)) tipColour.push(got);
      }
      console.log(`implicit FEM: ${matching} of ${compared} triangle centroids in the expected colour`);
      expect(compared).toBeGreaterThan(200);
      expect(matching / compared).toBeGreaterThanOrEqual(0.98);
      // At the clamp the plate is at rest (blue); the sagging corner is deformed (orange).
      const clamp = corners[0]; // nodes 0 and 1 are clamped
      const [cr, , cb] = pixel(png, Math.floor((clamp[0][0] + clamp[1][0] + clamp[2][0]) / 3), Math.floor((clamp[0][1] + clamp[1][1] + clamp[2][1]) / 3));
      expect(cb).toBeGreaterThan(cr + 100);
      expect(tipColour.length).toBeGreaterThan(0);
      for (const [r, , b] of tipColour) expect(r).toBeGreaterThan(b + 100);
      // Away from the mesh (3 pixels clear of every triangle) and the clamp: the background,
      // including where the free corner rested.
      const inside = (x: number, y: number) =>
        corners.some((p) => {
          const s = [0, 1, 2].map((k) => (p[(k + 1) % 3][0] - p[k][0]) * (y - p[k][1]) - (p[(k + 1) % 3][1] - p[k][1]) * (x - p[k][0]));
          return s.every((v) => v >= 0) || s.every((v) => v <= 0);
        });
      const nearEdge = (x: number, y: number) =>
        corners.some((p) =>
          [0, 1, 2].some((k) => {
            const [a, b] = [p[k], p[(k + 1) % 3]];
            const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
            const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
            return Math.hypot(x - a[0] - t * dx, y - a[1] - t * dy) < 3;
          }),
        );
      const [wallLeft, wallTop] = Fem.toPixel(Fem.WALL_RECT.left, Fem.WALL_RECT.top);
      const [wallRight, wallBottom] = Fem.toPixel(Fem.WALL_RECT.right, Fem.WALL_RECT.bottom);
      const inWall = (x: number, y: number) => x > wallLeft - 2 && x < wallRight + 2 && y > wallTop - 2 && y < wallBottom + 2;
      expect(close(pixel(png, Math.floor((wallLeft + wallRight) / 2), Math.floor((wallTop + wallBottom) / 2)), Fem.WALL, 3)).toBe(true);
      let [outside, background] = [0, 0];
      for (let y = 2; y < Fem.HEIGHT; y += 4) {
        for (let x = 2; x < Fem.WIDTH; x += 4) {
          const [cx, cy] = [x + 0.5, y + 0.5];
          if (inWall(cx, cy) || inside(cx, cy) || nearEdge(cx, cy)) continue;
          outside++;
          if (close(pixel(png, x, y), Fem.BACKGROUND, 3)) background++;
        }
      }
      const [restX, restY] = Fem.toPixel(0.97, 0.97);
      expect(inside(restX, restY)).toBe(false);
      expect(close(pixel(png, Math.floor(restX), Math.floor(restY)), Fem.BACKGROUND, 3)).toBe(true);
      console.log(`implicit FEM: ${background} of ${outside} samples off the mesh show the background`);
      expect(outside).toBeGreaterThan(5000);
      expect(background).toBe(outside);
    });
  });

  test('playground: a shared link loads the fractal module, runs it, and shows the canvas ndarray as a picture of the Julia set', async () => {
    const t = 0.9;
    await withDemo(`playground.html?module=fractal.kernel.tcm&entry=fractal&t=${t}&canvas=640x320&run`, 1, async ({ page, demo }) => {
      expect(demo.entries).toEqual(['kernel fractal']);
      const capabilities = await page.locator('#capabilities').innerText();
      expect(capabilities).toContain('spirv_version');
      const result = demo.result as { entry: string; ms: number; summaries: { name: string; shape: number[]; min: number; max: number }[] };
      expect(result.entry).toBe('fractal');
      expect(result.ms).toBeGreaterThan(0);
      expect(await page.locator('#timing').innerText()).toMatch(/^ran in [\d.]+ ms/);
      const [canvas] = result.summaries;
      expect(canvas.shape).toEqual([640, 320]);
      await page.screenshot({ path: join(OUTPUT, 'playground.png'), fullPage: true });
      const png = await resultPicture(page, 0, 'playground-canvas');
      expect([png.width, png.height]).toEqual([640, 320]);
      // Grey from the ndarray's minimum to its maximum; pixel (x, y) shows canvas[x, 319 - y].
      let [compared, matching] = [0, 0];
      for (let y = 8; y < 320 - 8; y += 8) {
        for (let x = 8; x < 640 - 8; x += 8) {
          if (!juliaStable(t, x, 319 - y)) continue;
          compared++;
          const expected = Math.round((255 * (juliaValue(t, x, 319 - y) - canvas.min)) / (canvas.max - canvas.min));
          if (pixel(png, x, y).every((c) => Math.abs(c - expected) <= 2)) matching++;
        }
      }
      console.log(`playground fractal t=${t}: ${matching} of ${compared} stable samples match the CPU`);
      expect(compared).toBeGreaterThan(1500);
      expect(matching / compared).toBeGreaterThanOrEqual(0.99);
    });
  });

  test('playground: a graph with vector ndarrays, filled from the URL, is plotted', async () => {
    await withDemo('playground.html?module=mpm88.cgraph.tcm&entry=init&x=512&v=512&J=512&run', 1, async ({ page, demo }) => {
      const result = demo.result as { summaries: { name: string; min: number; max: number; mean: number }[] };
      const byName = Object.fromEntries(result.summaries.map((s) => [s.name, s]));
      // init places particles uniformly in [0.2, 0.6]^2 with v = (0, -1) and J = 1.
      expect(byName.x.min).toBeGreaterThanOrEqual(0.2);
      expect(byName.x.max).toBeLessThanOrEqual(0.6);
      expect([byName.v.min, byName.v.max, byName.v.mean]).toEqual([-1, 0, -0.5]);
      expect([byName.J.min, byName.J.max]).toEqual([1, 1]);
      const plots = page.locator('canvas.result');
      expect(await plots.count()).toBe(3);
      // The scatter plot of x: particle dots (0x8fd3d5) inside the plot and a black background.
      const png = await resultPicture(page, 0, 'playground-mpm88-x');
      let dots = 0;
      for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) if (pixel(png, x, y)[1] > 150) dots++;
      expect(dots).toBeGreaterThan(300);
    });
  });

  test.each(PAGES.map((p) => p.name))('without WebGPU the %s page says so and how to enable it', async (name) => {
    const page = await browser.newPage();
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined }));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${server.url}/${name}.html`);
    const message = page.locator('.message.info');
    await message.waitFor({ timeout: 10_000 });
    const text = await message.innerText();
    expect(text).toContain('WebGPU is not available');
    expect(text).toContain('--enable-unsafe-webgpu');
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, `no-webgpu-${name}.png`) });
    await page.close();
  });

  test.each(PAGES)('when the GPU process crashes, the $name page says on the page that the device was lost', async ({ name, query }) => {
    // A browser of its own: Chromium stops offering WebGPU after a few GPU process crashes.
    const own = await launchChromium();
    try {
      const page = await own.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(`${server.url}/${name}.html${query}`);
      await page.waitForFunction(() => (window as unknown as { __demo: Demo }).__demo.ready, undefined, { timeout: 60_000 });
      const cdp = await own.newBrowserCDPSession();
      await cdp.send('Browser.crashGpuProcess' as never);
      const message = page.locator('.message.error');
      await message.waitFor({ timeout: 30_000 });
      expect(await message.innerText()).toMatch(/The demo stopped\s+the GPU device was lost \(\w+\): .*Reload the page/s);
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(OUTPUT, `lost-${name}.png`) });
    } finally {
      await own.close();
    }
  });
});
