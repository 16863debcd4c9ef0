// Deterministic mode across adapters: the differential corpus's digests (test/helpers/corpus-digest.ts)
// computed in Debian's Chromium (playwright-core, WebGPU on SwiftShader) by a page that bundles
// the package's browser entry (vite), against the same digests computed here in Node on lavapipe.
// The same bits on both, case by case: the mode computes every float operation whose rounding
// WGSL leaves to the implementation in software (shim/spirv/passes/deterministic-floats.ts).

import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { Runtime } from '../../src/index.js';
import { launchChromium } from '../helpers/chromium.js';
import { serveStatic, type StaticServer } from '../helpers/static-server.js';
import { cases, type CorpusCase } from '../helpers/corpus-manifest.js';
import { corpusDigests, type CaseDigest } from '../helpers/corpus-digest.js';
import { readFromDisk } from '../helpers/corpus-run.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = join(ROOT, 'test', 'taichi');

// The page: digests(cases) runs the corpus on a deterministic runtime, reading its files from
// corpus/ (the test folder, linked into the served site).
const pageScript = (dir: string): string => `
import { Runtime } from ${JSON.stringify(relative(dir, join(ROOT, 'src/index.browser.ts')))};
import { corpusDigests } from ${JSON.stringify(relative(dir, join(ROOT, 'test/helpers/corpus-digest.ts')))};

const read = async (path) => {
  const response = await fetch(path);
  if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
  return new Uint8Array(await response.arrayBuffer());
};
window.digests = async (cases) => {
  const runtime = await Runtime.create({ deterministic: true });
  try {
    return await corpusDigests(runtime, cases, 'corpus', read);
  } finally {
    await runtime.destroy();
  }
};
window.pageReady = true;
`;

let dir: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tiw-digest-page-'));
  const site = join(dir, 'dist');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><link rel="icon" href="data:,"></head><body><script type="module" src="./main.js"></script></body></html>\n');
  writeFileSync(join(dir, 'main.js'), pageScript(dir));
  await build({ root: dir, configFile: false, logLevel: 'error', build: { outDir: site, emptyOutDir: true } });
  symlinkSync(CORPUS, join(site, 'corpus'));
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

it('SwiftShader in Chromium gives the bits lavapipe gives, case by case', async () => {
  const all = cases('taichi', CORPUS);
  const runtime = await Runtime.create({ deterministic: true });
  let lavapipe: CaseDigest[];
  try {
    lavapipe = await corpusDigests(runtime, all, CORPUS, readFromDisk);
  } finally {
    await runtime.destroy();
  }
  // The page reads the same files by URL.
  const forPage: CorpusCase[] = all.map((c) => ({ ...c, dir: `corpus/${c.exporter}/${c.group}/${c.name}` }));
  const swiftshader = await page.evaluate((list) => (window as unknown as { digests: (c: unknown) => Promise<CaseDigest[]> }).digests(list), forPage);
  expect(errors).toEqual([]);
  expect(swiftshader.map((d) => d.case)).toEqual(lavapipe.map((d) => d.case));
  // A module that needs a capability one adapter lacks is refused at load there
  // (INCOMPATIBLE_MODULE: SwiftShader has no shader-f16, which the sixteen/ module needs): its
  // cases run on one adapter only, and there is nothing to compare.
  const unsupported = (d: CaseDigest) => d.digest === 'refused INCOMPATIBLE_MODULE';
  const comparable = lavapipe.flatMap((d, i) => (unsupported(d) === unsupported(swiftshader[i]) ? [[d, swiftshader[i]] as const] : []));
  // Six since bindings/twelve_ndarrays_and_a_field_in_one_loop (13 storage buffers in one stage,
  // refused at load where the adapter allows fewer) joined the corpus.
  expect(lavapipe.length - comparable.length, 'cases one adapter cannot load').toBeLessThanOrEqual(6);
  const differing = comparable.filter(([l, w]) => l.digest !== w.digest).map(([l, w]) => `${l.case}: lavapipe ${l.digest}, SwiftShader ${w.digest}`);
  expect(differing).toEqual([]);
  // The cases that run on both (not only refusals) are most of the corpus.
  expect(comparable.filter(([l]) => !l.digest.startsWith('refused')).length).toBeGreaterThanOrEqual(115);
  // Refusals are the same on both.
  expect(swiftshader.filter((d) => d.digest.startsWith('refused')).length).toBeGreaterThan(0);
  // Every case of the corpus, twice (lavapipe, then SwiftShader), in software floats: 201 cases
  // took 109 s on two loaded cores (load average 15 to 20) since the helpers are flat and
  // branch-free (docs/deterministic.md, compile time on SwiftShader); 1717 s before.
}, 600_000);
