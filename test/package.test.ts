// The published package: `npm pack`, installed into a fresh project from the tarball, then used
// as a user would: an ESM script in Node (Dawn) creates a runtime, loads a fixture by path and
// runs the fill kernel; a TypeScript file type-checks against the shipped declarations; a vite
// app importing the package builds with no configuration, with the wasm emitted as an asset and
// no Node code in the bundle.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FILL_MATMUL = fileURLToPath(new URL('../../shared/fixtures/taichi-aot/android_fill_matmul.tcm', import.meta.url));
const bin = (pkg: string, path: string) => join(ROOT, 'node_modules', pkg, path);

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  return stat.isDirectory() ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name)))) : stat.mtimeMs;
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
}

let work: string;
let app: string;

beforeAll(() => {
  // The package ships dist/: rebuild it when the sources are newer.
  const sources = Math.max(...['src', 'shim/src', 'shim/spirv', 'wasm/build/taichi.cjs', 'wasm/build/taichi.wasm'].map((p) => newest(join(ROOT, p))));
  if (newest(join(ROOT, 'dist/src/index.node.js')) < sources || newest(join(ROOT, 'dist/wasm/build/taichi.wasm')) < newest(join(ROOT, 'wasm/build/taichi.wasm'))) {
    run(process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.build.json'], ROOT);
    run(process.execPath, ['scripts/copy-wasm.mjs'], ROOT);
  }
  work = mkdtempSync(join(tmpdir(), 'taichi-wasm-package-'));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], ROOT)) as { filename: string }[];
  const tarball = join(work, packed[0].filename);
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  // The dependencies are in npm's cache from this checkout's install; --prefer-offline keeps it fast.
  run('npm', ['install', tarball, '--no-save', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  test('the tarball holds the entries, declarations, wasm and CLI, and nothing from the checkout beyond them', () => {
    const installed = join(app, 'node_modules', 'taichi-wasm');
    for (const file of ['dist/src/index.node.js', 'dist/src/index.browser.js', 'dist/src/index.node.d.ts', 'dist/wasm/build/taichi.wasm', 'dist/wasm/build/taichi.cjs', 'dist/src/cli.js', 'wasm/include/taichi/taichi_core.h']) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    for (const absent of ['src', 'test', 'web', 'shim/src', 'dist/test', 'dist/src/index.js.map']) expect(existsSync(join(installed, absent)), absent).toBe(false);
  });

  test('Node: an ESM script creates a runtime, loads a module by path and runs fill', () => {
    writeFileSync(
      join(app, 'fill.mjs'),
      [
        "import { Runtime } from 'taichi-wasm';",
        'const runtime = await Runtime.create();',
        'const mod = await runtime.loadModule(process.argv[2]);',
        "const a = runtime.ndarray('f32', [16, 8]);",
        "mod.kernel('fill').launch(a, 2.5);",
        'const values = await a.read();',
        'console.log(JSON.stringify({ count: values.length, filled: values.every((v) => v === 2.5), kernels: mod.kernels.map((k) => k.name) }));',
        'await runtime.destroy();',
      ].join('\n'),
    );
    const out = run(process.execPath, ['fill.mjs', FILL_MATMUL], app).trim().split('\n').pop()!;
    expect(JSON.parse(out)).toEqual({ count: 128, filled: true, kernels: expect.arrayContaining(['fill', 'matmul']) });
  });

  test('TypeScript: the shipped declarations type-check a consumer', () => {
    writeFileSync(
      join(app, 'use.ts'),
      [
        "import { Runtime, TaichiError, type NdArray } from 'taichi-wasm';",
        'export async function fill(path: string): Promise<Float32Array> {',
        '  const runtime: Runtime = await Runtime.create();',
        "  const a: NdArray<'f32'> = runtime.ndarray('f32', [4]);",
        "  (await runtime.loadModule(path)).kernel('fill').launch(a, 1);",
        '  return a.read();',
        '}',
        "export const isTaichiError = (e: unknown): boolean => e instanceof TaichiError && e.code === 'INVALID_ARGUMENT';",
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022', 'DOM'], noEmit: true, skipLibCheck: true, types: [] },
        files: ['use.ts', join(ROOT, 'node_modules', '@webgpu', 'types', 'dist', 'index.d.ts')],
      }),
    );
    run(process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json'], app);
  });

  test('vite: an app importing the package builds with the wasm as an asset and no Node code', () => {
    const site = join(app, 'site');
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
    writeFileSync(
      join(site, 'main.js'),
      "import { Runtime } from 'taichi-wasm';\nconst runtime = await Runtime.create();\ndocument.body.textContent = runtime.adapterInfo?.vendor ?? '';\n",
    );
    run(process.execPath, [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', join(app, 'site-dist')], site);
    const assets = readdirSync(join(app, 'site-dist', 'assets'));
    expect(assets.some((name) => name.endsWith('.wasm'))).toBe(true);
    const scripts = assets.filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const name of scripts) {
      const code = readFileSync(join(app, 'site-dist', 'assets', name), 'utf8');
      expect(code, name).not.toMatch(/["']node:|from ["']webgpu["']|dawn\.node|platform\/node/);
    }
  });
});
