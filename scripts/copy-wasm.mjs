// Copies the wasm build next to the compiled TypeScript: dist/src/platform/*.js import
// ../../wasm/build/taichi.{web,node}.mjs, so dist/ carries its own wasm/build/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const from = 'wasm/build';
const to = join('dist', 'wasm', 'build');
const files = ['taichi.wasm', 'taichi.web.mjs', 'taichi.node.mjs', 'taichi.web.d.mts', 'taichi.node.d.mts'];
mkdirSync(to, { recursive: true });
for (const name of files) copyFileSync(join(from, name), join(to, name));
console.log(`copy-wasm: ${files.join(', ')} -> ${to}/`);
