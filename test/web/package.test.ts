// The published package as a user meets it: `npm pack`, installed into a fresh project from the
// tarball (dependencies from npm's cache), then used with no configuration:
// - Node: an ESM script and a CommonJS require() run a kernel on Dawn; without the optional
//   peer `webgpu` the error names it; a browser-only install holds no Dawn binary.
// - Chromium: one page that runs the fill kernel and reads its result back, served by vite's
//   dev server, by `vite build` + `vite preview`, and bundled by webpack and esbuild.
// - TypeScript: a strict consumer (skipLibCheck false) compiles against the shipped types.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { serveStatic } from '../helpers/static-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FILL_MATMUL = fileURLToPath(new URL('../../examples/modules/fill_matmul.tcm', import.meta.url));
const bin = (pkg: string, path: string) => join(ROOT, 'node_modules', pkg, path);

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  return stat.isDirectory() ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name)))) : stat.mtimeMs;
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
}

/** Runs `command` expecting failure; returns its stderr. */
function runFailing(command: string, args: string[], cwd: string): string {
  try {
    run(command, args, cwd);
  } catch (error) {
    return String((error as { stderr?: string }).stderr);
  }
  throw new Error(`${command} ${args.join(' ')} succeeded`);
}

const npmInstall = (cwd: string, ...specs: string[]) => run('npm', ['install', ...specs, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], cwd);

let work: string;
let tarball: string;
/** A project with only the package installed, as a browser app has. */
let web: string;
/** A project with the package and Dawn (`webgpu`), as a Node app has. */
let node: string;

beforeAll(() => {
  // The package ships dist/: rebuild it when the sources are newer.
  const sources = Math.max(...['src', 'shim/src', 'shim/spirv', 'wasm/build'].map((p) => newest(join(ROOT, p))));
  if (newest(join(ROOT, 'dist/src')) < sources || newest(join(ROOT, 'dist/wasm/build')) < newest(join(ROOT, 'wasm/build'))) {
    run(process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.build.json'], ROOT);
    run(process.execPath, ['scripts/copy-wasm.mjs'], ROOT);
  }
  work = mkdtempSync(join(tmpdir(), 'taichi-wasm-package-'));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], ROOT)) as { filename: string }[];
  tarball = join(work, packed[0].filename);
  for (const [dir, extra] of [['web', []], ['node', ['webgpu@0.6.2']]] as const) {
    mkdirSync(join(work, dir));
    writeFileSync(join(work, dir, 'package.json'), JSON.stringify({ name: `${dir}-app`, private: true, type: 'module' }));
    npmInstall(join(work, dir), tarball, ...extra);
  }
  web = join(work, 'web');
  node = join(work, 'node');
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every file under `dir`, relative to it. */
function files(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(dir, join(prefix, e.name)) : [join(prefix, e.name)]));
}

const FILL_ESM = [
  "import { Runtime } from 'taichi-wasm';",
  'const runtime = await Runtime.create();',
  'const mod = await runtime.loadModule(process.argv[2]);',
  "const a = runtime.ndarray('f32', [16, 8]);",
  "mod.kernel('fill').launch(a, 2.5);",
  'const values = await a.read();',
  'console.log(JSON.stringify({ count: values.length, filled: values.every((v) => v === 2.5), kernels: mod.kernels.map((k) => k.name) }));',
  'await runtime.destroy();',
].join('\n');

describe('the npm package in Node', () => {
  test('the tarball holds the entries, declarations, glue, wasm and CLI, no source maps and nothing else of the checkout', () => {
    const installed = join(web, 'node_modules', 'taichi-wasm');
    for (const file of ['dist/src/index.node.js', 'dist/src/index.browser.js', 'dist/src/index.d.ts', 'dist/wasm/build/taichi.wasm', 'dist/wasm/build/taichi.web.mjs', 'dist/wasm/build/taichi.node.mjs', 'dist/src/cli.js', 'wasm/include/taichi/taichi_core.h']) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    for (const absent of ['src', 'test', 'web', 'shim/src', 'dist/test', 'dist/scripts', 'dist/bench']) expect(existsSync(join(installed, absent)), absent).toBe(false);
    const all = files(installed);
    expect(all.filter((f) => f.endsWith('.map'))).toEqual([]);
    const mapped = all.filter((f) => /\.m?js$/.test(f) && readFileSync(join(installed, f), 'utf8').includes('sourceMappingURL'));
    expect(mapped).toEqual([]);
  });

  test('a browser install pulls no Dawn binary and no demo-only package', () => {
    const modules = readdirSync(join(web, 'node_modules'));
    expect(modules).not.toContain('webgpu');
    expect(modules).not.toContain('pngjs');
    expect(files(join(web, 'node_modules')).filter((f) => f.endsWith('.node'))).toEqual([]);
  });

  test('without the optional peer `webgpu`, Node says to install it', () => {
    writeFileSync(join(web, 'fill.mjs'), FILL_ESM);
    const stderr = runFailing(process.execPath, ['fill.mjs', FILL_MATMUL], web);
    expect(stderr).toContain("the package 'webgpu' (Dawn), which is not installed: run `npm install webgpu`");
  });

  test('the CLI inspects a module and writes its types with no GPU binding installed', () => {
    const cli = join('node_modules', 'taichi-wasm', 'dist', 'src', 'cli.js');
    const listed = run(process.execPath, [cli, 'inspect', FILL_MATMUL], web);
    expect(listed).toContain('kernel fill(_a: ndarray<f32, ndim=2>, val: scalar<f32>)');
    expect(run(process.execPath, [cli, 'types', FILL_MATMUL], web)).toContain('export interface FillMatmul {');
    expect(run(process.execPath, [cli, '--version'], web)).toBe(`taichi-wasm ${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  test('ESM: a script creates a runtime, loads a module by path and runs fill', () => {
    writeFileSync(join(node, 'fill.mjs'), FILL_ESM);
    const out = run(process.execPath, ['fill.mjs', FILL_MATMUL], node).trim().split('\n').pop()!;
    expect(JSON.parse(out)).toEqual({ count: 128, filled: true, kernels: expect.arrayContaining(['fill', 'matmul']) });
  });

  test('CommonJS: require() of the package runs fill', () => {
    writeFileSync(
      join(node, 'fill.cjs'),
      [
        "const { Runtime } = require('taichi-wasm');",
        '(async () => {',
        '  const runtime = await Runtime.create();',
        '  const mod = await runtime.loadModule(process.argv[2]);',
        "  const a = runtime.ndarray('f32', [2, 2]);",
        "  mod.kernel('fill').launch(a, -1);",
        '  console.log(JSON.stringify(Array.from(await a.read())));',
        '  await runtime.destroy();',
        '})();',
      ].join('\n'),
    );
    const out = execFileSync(process.execPath, ['fill.cjs', FILL_MATMUL], { cwd: node, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000 });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual([-1, -1, -1, -1]);
  });

  test('TypeScript: a strict consumer (skipLibCheck false) compiles against the shipped types and a typed module; wrong kernel arguments do not compile', () => {
    run(process.execPath, [join('node_modules', 'taichi-wasm', 'dist', 'src', 'cli.js'), 'types', FILL_MATMUL, '--out', 'fill-matmul.d.ts'], node);
    const declarations = readFileSync(join(node, 'fill-matmul.d.ts'), 'utf8');
    expect(declarations).toContain("\"fill\": [_a: NdArray<'f32', 2, readonly []>, val: number];");
    writeFileSync(
      join(node, 'use.ts'),
      [
        "import { Runtime, TaichiError, type NdArray } from 'taichi-wasm';",
        "import type { FillMatmul } from './fill-matmul.js';",
        'export async function fill(path: string): Promise<Float32Array> {',
        '  const runtime: Runtime = await Runtime.create();',
        '  const device: GPUDevice = runtime.gpuDevice;',
        "  device.label = 'taichi';",
        '  const mod = await runtime.loadModule<FillMatmul>(path);',
        "  const a: NdArray<'f32', 2> = runtime.ndarray('f32', [4, 4]);",
        "  mod.kernel('fill').launch(a, 1);",
        "  // @ts-expect-error: an i32 ndarray where the kernel takes f32",
        "  mod.kernel('fill').launch(runtime.ndarray('i32', [4, 4]), 1);",
        "  // @ts-expect-error: a 1-D ndarray where the kernel takes 2-D",
        "  mod.kernel('fill').launch(runtime.ndarray('f32', [16]), 1);",
        "  // @ts-expect-error: a vector-element ndarray where the kernel takes scalars",
        "  mod.kernel('fill').launch(runtime.ndarray('f32', [4, 4], { elementShape: [2] }), 1);",
        "  // @ts-expect-error: the scalar is missing",
        "  mod.kernel('fill').launch(a);",
        "  // @ts-expect-error: arguments swapped",
        "  mod.kernel('fill').launch(1, a);",
        "  // @ts-expect-error: no kernel of that name",
        "  mod.kernel('fil');",
        '  const f16: boolean = runtime.capabilities().spirv_has_float16 > 0;',
        "  // @ts-expect-error: no capability of that name",
        '  void (runtime.capabilities().spirv_has_float17 + Number(f16));',
        '  return a.read();',
        '}',
        "export const isTaichiError = (e: unknown): boolean => e instanceof TaichiError && e.code === 'INVALID_ARGUMENT';",
      ].join('\n'),
    );
    writeFileSync(join(node, 'wrong.ts'), ["import { Runtime } from 'taichi-wasm';", "import type { FillMatmul } from './fill-matmul.js';", 'const runtime = await Runtime.create();', "(await runtime.loadModule<FillMatmul>('m.tcm')).kernel('fill').launch(runtime.ndarray('u8', [2, 2]), 1);", ''].join('\n'));
    const tsconfig = (files: string[]) =>
      JSON.stringify({
        compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022', 'DOM'], noEmit: true, skipLibCheck: false, types: [] },
        files,
      });
    writeFileSync(join(node, 'tsconfig.json'), tsconfig(['use.ts']));
    run(process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json'], node);
    writeFileSync(join(node, 'tsconfig.wrong.json'), tsconfig(['wrong.ts']));
    let output = '';
    try {
      execFileSync(process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.wrong.json'], { cwd: node, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    expect(output).toMatch(/wrong\.ts\(4,\d+\): error TS2345: Argument of type 'NdArray<"u8", 2, readonly \[\]>' is not assignable to parameter of type 'NdArray<"f32", 2, readonly \[\]>'/);
  });
});

interface PageResult {
  count?: number;
  filled?: boolean;
  error?: string;
}

/** The consumer page: run fill on a fetched module, report on window.__result (and in the body). */
const PAGE_JS = `import { Runtime } from 'taichi-wasm';
const params = new URLSearchParams(location.search);
function report(result) {
  window.__result = result;
  document.body.textContent = JSON.stringify(result);
}
async function main() {
  const runtime = await Runtime.create({ wasmUrl: params.get('wasm') ?? undefined });
  const bytes = new Uint8Array(await (await fetch('./fill.tcm')).arrayBuffer());
  const mod = await runtime.loadModule(bytes);
  const a = runtime.ndarray('f32', [16, 8]);
  mod.kernel('fill').launch(a, 2.5);
  const values = await a.read();
  report({ count: values.length, filled: values.every((v) => v === 2.5) });
  await runtime.destroy();
}
main().catch((error) => report({ error: String(error?.message ?? error) }));
`;

/** A TCP port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A server process started with `args`, up once it prints its URL; stopped by `close`. */
async function startServer(args: string[], cwd: string): Promise<{ url: string; close: () => void; output: () => string }> {
  const child: ChildProcess = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no server URL in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return { url, close: () => void child.kill(), output: () => output };
}

describe('the npm package in Chromium, per bundler', () => {
  let browser: Browser;
  let site: string;

  beforeAll(async () => {
    site = join(web, 'site');
    mkdirSync(join(site, 'public'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!doctype html><html><head><link rel="icon" href="data:,"></head><body><script type="module" src="./main.js"></script></body></html>');
    writeFileSync(join(site, 'main.js'), PAGE_JS);
    copyFileSync(FILL_MATMUL, join(site, 'public', 'fill.tcm'));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens `url`, waits for the page's report and returns it with the console's errors. */
  async function openPage(url: string): Promise<{ result: PageResult; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    try {
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, { timeout: 90_000 });
      const result = await page.evaluate(() => (window as unknown as { __result: PageResult }).__result);
      return { result, errors };
    } finally {
      await page.close();
    }
  }

  const expectFilled = ({ result, errors }: { result: PageResult; errors: string[] }) => {
    expect(result).toEqual({ count: 128, filled: true });
    expect(errors).toEqual([]);
  };

  test('vite dev server (dependency pre-bundling on)', async () => {
    const server = await startServer([bin('vite', 'bin/vite.js'), '--host', '127.0.0.1', '--port', String(await freePort()), '--strictPort', '--clearScreen', 'false'], site);
    try {
      expectFilled(await openPage(`${server.url}/`));
      expect(server.output()).not.toMatch(/externalized for browser compatibility/);
    } finally {
      server.close();
    }
  });

  test('vite build + vite preview, with no Node code in the bundle', async () => {
    const out = run(process.execPath, [bin('vite', 'bin/vite.js'), 'build', '--outDir', join(web, 'site-vite')], site);
    expect(out).not.toMatch(/externalized for browser compatibility|doesn't exist at build time/);
    const assets = readdirSync(join(web, 'site-vite', 'assets'));
    expect(assets.filter((name) => name.endsWith('.wasm'))).toHaveLength(1);
    for (const name of assets.filter((n) => n.endsWith('.js'))) {
      expect(readFileSync(join(web, 'site-vite', 'assets', name), 'utf8'), name).not.toMatch(/["']node:|dawn\.node|createRequire/);
    }
    const server = await startServer([bin('vite', 'bin/vite.js'), 'preview', '--outDir', join(web, 'site-vite'), '--host', '127.0.0.1', '--port', String(await freePort()), '--strictPort'], site);
    try {
      expectFilled(await openPage(`${server.url}/`));
      // A wasm URL that answers with a page: the error names the URL, the content type and the bytes.
      const { result } = await openPage(`${server.url}/?wasm=./index.html`);
      expect(result.error).toMatch(/index\.html: not a wasm module \(content type 'text\/html[^']*', first bytes 3c 21 64 6f\)/);
    } finally {
      server.close();
    }
  });

  test('webpack (production build, no configuration beyond the entry)', async () => {
    const out = join(web, 'site-webpack');
    const config = {
      mode: 'production',
      context: site,
      entry: './main.js',
      output: { path: out, filename: 'main.js' },
      performance: { hints: false },
    };
    writeFileSync(join(web, 'webpack.mjs'), `import webpack from ${JSON.stringify(bin('webpack', 'lib/index.js'))};
webpack(${JSON.stringify(config)}, (error, stats) => {
  if (error || stats.hasErrors() || stats.hasWarnings()) { console.error(error ?? stats.toString('errors-warnings')); process.exit(1); }
});
`);
    run(process.execPath, ['webpack.mjs'], web);
    expect(readdirSync(out).filter((name) => name.endsWith('.wasm')).length).toBeGreaterThanOrEqual(1);
    writeFileSync(join(out, 'index.html'), '<!doctype html><html><head><link rel="icon" href="data:,"></head><body><script src="./main.js"></script></body></html>');
    copyFileSync(FILL_MATMUL, join(out, 'fill.tcm'));
    const server = await serveStatic(out);
    try {
      expectFilled(await openPage(`${server.url}/`));
    } finally {
      await server.close();
    }
  });

  test('esbuild (which leaves new URL alone): the wasm copied beside the bundle and passed as wasmUrl', async () => {
    const out = join(web, 'site-esbuild');
    mkdirSync(out);
    run(bin('esbuild', 'bin/esbuild'), ['main.js', '--bundle', '--format=esm', '--platform=browser', `--outdir=${out}`, '--log-level=warning'], site);
    copyFileSync(join(web, 'node_modules', 'taichi-wasm', 'dist', 'wasm', 'build', 'taichi.wasm'), join(out, 'taichi.wasm'));
    writeFileSync(join(out, 'index.html'), '<!doctype html><html><head><link rel="icon" href="data:,"></head><body><script type="module" src="./main.js"></script></body></html>');
    cpSync(FILL_MATMUL, join(out, 'fill.tcm'));
    const server = await serveStatic(out);
    try {
      expectFilled(await openPage(`${server.url}/?wasm=./taichi.wasm`));
    } finally {
      await server.close();
    }
  });
});
