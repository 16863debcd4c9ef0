// Regression: a call that suspends (pipeline creation) inside an export with a 64-bit argument
// (ti_create_aot_module's size) used to hang, because emscripten re-called it without arguments
// on resume. wasm/js/asyncify-bigint.js replays them.
import { test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Runtime } from '../../src/index.js';

const FILL_MATMUL = fileURLToPath(new URL('../../examples/modules/fill_matmul.tcm', import.meta.url));

test('a module loaded from bytes (a suspending call with a BigInt argument) completes and runs', async () => {
  const runtime = await Runtime.create();
  try {
    const mod = await runtime.loadModule(new Uint8Array(readFileSync(FILL_MATMUL)));
    const a = runtime.ndarray('f32', [4, 4]);
    mod.kernel('fill').launch(a, 2);
    expect(Array.from(await a.read())).toEqual(new Array(16).fill(2));
  } finally {
    await runtime.destroy();
  }
});
