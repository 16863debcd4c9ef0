// Copies the wasm build next to the compiled TypeScript: dist/src/platform/node.js looks for
// wasm/build/taichi.cjs in the folders above it, so dist/ must carry its own wasm/build/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const from = 'wasm/build';
const to = join('dist', 'wasm', 'build');
mkdirSync(to, { recursive: true });
for (const name of ['taichi.cjs', 'taichi.wasm', 'taichi.d.cts']) copyFileSync(join(from, name), join(to, name));
console.log(`copy-wasm: ${from}/taichi.{cjs,wasm,d.cts} -> ${to}/`);
