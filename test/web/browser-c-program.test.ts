// runMain in a page: C programs of test/runtime/c/programs built for the web as docs/c-programs.md says
// (main.rsp, -sEXPORT_ES6, an .mjs and its .wasm), run in Debian's Chromium (playwright-core,
// WebGPU on SwiftShader) by a page that bundles the package's browser entry (vite). The page
// fetches each program and its .spv files, runs main with them in its file system, and hands back
// what it printed and the files it wrote; the test checks them against the CPU.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { build } from 'vite';
import { compileShader, linkProgram, ROOT } from '../helpers/c-program.js';
import { launchChromium } from '../helpers/chromium.js';
import { serveStatic, type StaticServer } from '../helpers/static-server.js';

interface PageResult {
  exitCode: number;
  output: string[];
  liveObjects: Record<string, number>;
  files: Record<string, number[]>;
}

// The page: runProgram(name, args, inputs, outputs) fetches NAME.mjs, NAME.wasm and the inputs
// from the page's folder and runs main with runMain, the package's own.
const pageScript = (entry: string): string => `
import { runMain } from ${JSON.stringify(entry)};

const bytes = async (path) => new Uint8Array(await (await fetch(path)).arrayBuffer());
window.runProgram = async (name, args, inputs, outputs) => {
  const factory = (await import(/* @vite-ignore */ new URL(name + '.mjs', location.href).href)).default;
  const files = Object.fromEntries(await Promise.all(inputs.map(async (f) => [f, await bytes(f)])));
  const result = await runMain({ gpu: { gpu: navigator.gpu }, factory, wasmBinary: await bytes(name + '.wasm'), args, files, outputs });
  const written = Object.fromEntries([...result.files].map(([path, data]) => [path, Array.from(data)]));
  return { exitCode: result.exitCode, output: result.output, liveObjects: result.liveObjects, files: written };
};
window.pageReady = true;
`;

let dir: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tiw-page-programs-'));
  const site = join(dir, 'dist');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><link rel="icon" href="data:,"></head><body><script type="module" src="./main.js"></script></body></html>\n');
  writeFileSync(join(dir, 'main.js'), pageScript(relative(dir, join(ROOT, 'src/index.browser.ts'))));
  await build({ root: dir, configFile: false, logLevel: 'warn', build: { outDir: site, emptyOutDir: true } });
  // Linked as docs/c-programs.md links a program for a page.
  linkProgram(site, 'mandelbrot', ['mandelbrot.c'], ['-sEXPORT_ES6'], 'mjs');
  linkProgram(site, 'polls', ['polls.c'], ['-sEXPORT_ES6'], 'mjs');
  compileShader('mandelbrot', site);
  compileShader('add', site);
  server = await serveStatic(site);
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function runInPage(name: string, args: string[], inputs: string[], outputs: string[] = []): Promise<PageResult> {
  return page.evaluate(
    ([n, a, i, o]) => (window as unknown as { runProgram: (...x: unknown[]) => Promise<PageResult> }).runProgram(n, a, i, o),
    [name, args, inputs, outputs] as const,
  );
}

/** Iterations until escape of pixel (px, py), in float32 as the shader and mandelbrot.c compute them. */
function cpuIterations(px: number, py: number, width: number, height: number, maxIter: number): number {
  const f = Math.fround;
  const cx = f(-2.25 + f(f(3 * f(px + 0.5)) / width));
  const cy = f(-1.125 + f(f(2.25 * f(py + 0.5)) / height));
  let x = 0;
  let y = 0;
  let i = 0;
  while (i < maxIter && f(f(x * x) + f(y * y)) <= 4) {
    const t = f(f(f(x * x) - f(y * y)) + cx);
    y = f(f(f(2 * x) * y) + cy);
    x = t;
    ++i;
  }
  return i;
}

test('a page runs mandelbrot.c: its .spv from the file system, its PNG read back and equal to the CPU\'s set', async () => {
  const result = await runInPage('mandelbrot', ['mandelbrot.spv', 'out/mandelbrot.png'], ['mandelbrot.spv'], ['out/mandelbrot.png']);
  expect(result.output.join('\n')).toMatch(/mandelbrot: 256x192, \d+ pixels inside the set/);
  expect(result.exitCode).toBe(0);
  expect(result.liveObjects).toEqual({});
  const png = PNG.sync.read(Buffer.from(result.files['out/mandelbrot.png']));
  expect([png.width, png.height]).toEqual([256, 192]);
  // The program's grey: black inside the set, lighter the sooner a point escapes.
  let differ = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = cpuIterations(x, y, png.width, png.height, 200);
      const grey = i === 200 ? 0 : 255 - Math.floor((i * 255) / 200);
      if (png.data[4 * (y * png.width + x)] !== grey) differ++;
    }
  }
  // Near the boundary a fused multiply-add on the GPU may let a point escape one step sooner or later.
  expect(differ).toBeLessThanOrEqual((png.width * png.height) / 100);
  expect(errors).toEqual([]);
}, 300_000);

test('a page runs polls.c: a host loop polling fences and an event lets the page deliver the GPU\'s completions', async () => {
  const result = await runInPage('polls', ['add.spv'], ['add.spv']);
  expect(result.output.join('\n')).toMatch(/polls: 2 fences and 1 event polled until the GPU was done, 262144 elements at 12 match the CPU/);
  expect(result.exitCode).toBe(0);
  expect(result.liveObjects).toEqual({});
  expect(errors).toEqual([]);
}, 300_000);
