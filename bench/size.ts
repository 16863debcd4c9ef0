// Size of the runtime as shipped: the wasm (raw and gzip -9) and its emscripten JS glue (web and Node builds).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isMain } from './common.js';
import { report } from './report.js';

const KiB = 1024;
const GOAL_GZIP_KIB = 400;

export async function run(): Promise<void> {
  const dir = process.env.TAICHI_WASM_BUILD ?? join('wasm', 'build');
  const files = ['taichi.wasm', 'taichi.web.mjs', 'taichi.node.mjs'].map((name) => {
    const bytes = readFileSync(join(dir, name));
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const wasm = files[0];
  report({
    name: 'size',
    // Size does not depend on the adapter; one file serves every machine.
    adapterKey: 'any',
    adapter: 'no GPU needed',
    title: 'Runtime size',
    notes: [`Goal: runtime wasm under ${GOAL_GZIP_KIB} KiB gzip: ${wasm.gzip / KiB < GOAL_GZIP_KIB ? 'met' : 'NOT met'} (${(wasm.gzip / KiB).toFixed(1)} KiB).`, 'gzip via node:zlib, level 9.'],
    table: { columns: ['file', 'raw KiB', 'gzip KiB'], rows: files.map((f) => [`${dir}/${f.name}`, f.raw / KiB, f.gzip / KiB]) },
    chart: { title: 'Runtime size, gzip', unit: 'KiB', bars: files.map((f) => ({ label: f.name, value: f.gzip / KiB })) },
    data: { files, goalGzipKiB: GOAL_GZIP_KIB },
  });
}

if (isMain(import.meta.url)) {
  await run();
  process.exit(0);
}
