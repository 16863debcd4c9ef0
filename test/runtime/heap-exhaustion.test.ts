// A full wasm heap is an OUT_OF_MEMORY TaichiError, never an abort of the instance: with the heap
// filled to its last few kilobytes (by blocks taken straight from malloc, as an embedder's own
// data or the shim's host-visible memory would take them), huge ndarrays, a module whose
// metadata needs more room than is left, and allocations in a loop all fail with OUT_OF_MEMORY,
// and once the blocks are freed the same runtime loads, launches and reads back correct values.

import { deflateRawSync } from 'node:zlib';
import { afterEach, expect, test } from 'vitest';
import { TaichiError } from '../../src/errors.js';
import { expectTaichiError, useRuntime } from '../helpers/aot.js';
import { moduleFiles } from '../helpers/fixtures.js';
import { checkKnownGood } from '../helpers/session.js';
import { writeZip, type ZipEntry } from '../helpers/zip.js';

const rt = useRuntime();
const KiB = 1 << 10;
const MiB = 1 << 20;

/** Blocks taken from the heap by fill(), freed after each test. */
let blocks: number[] = [];

/** Takes every block of the heap down to `leave` bytes or less (no 'leave'-sized block fits after). */
function fill(leave: number): void {
  const wasm = rt().wasm;
  for (let size = 256 * MiB; size >= leave; size = Math.floor(size / 2)) {
    // Raw malloc leaves the blocks' pages untouched, so filling 2 GiB costs little real memory.
    for (let p = wasm.raw('malloc', size); p !== 0; p = wasm.raw('malloc', size)) blocks.push(p);
  }
}

afterEach(() => {
  for (const p of blocks) rt().wasm.raw('free', p);
  blocks = [];
});

/** android_fill_matmul.tcm with `extra` zeros in its metadata.json (read, kept nowhere). */
function moduleWithLargeMetadata(extra: number): Uint8Array {
  const entries: ZipEntry[] = moduleFiles('android_fill_matmul.tcm').entries.map((e) => ({ ...e }));
  const meta = entries.find((e) => e.name === 'metadata.json')!;
  const text = new TextDecoder().decode(meta.data);
  meta.data = new TextEncoder().encode(`{"padding":[${new Array(extra).fill(0).join(',')}],${text.slice(1)}`);
  meta.deflated = deflateRawSync(meta.data);
  return writeZip(entries);
}

test('huge ndarrays on a full heap fail with OUT_OF_MEMORY; the runtime goes on', async () => {
  fill(4 * KiB);
  expect(blocks.length).toBeGreaterThan(0);
  await expectTaichiError(() => rt().ndarray('f32', [1 << 14, 1 << 12], { hostWrite: true, hostRead: true }), 'OUT_OF_MEMORY');
  await expectTaichiError(() => rt().ndarray('f32', [1 << 20], { hostRead: true }), 'OUT_OF_MEMORY');
  for (const p of blocks.splice(0)) rt().wasm.raw('free', p);
  await checkKnownGood(rt());
});

test('a module whose metadata cannot be parsed in the room left fails with OUT_OF_MEMORY, and loads once there is room', async () => {
  // About 2 MiB of metadata.json (a few KiB deflated): the archive and its files fit in the
  // room left, the parse (about 40 bytes a byte) does not.
  const bytes = moduleWithLargeMetadata(1 << 20);
  fill(16 * MiB);
  await expectTaichiError(() => rt().loadModule(bytes), 'OUT_OF_MEMORY', 'metadata');
  for (const p of blocks.splice(0)) rt().wasm.raw('free', p);
  const mod = await rt().loadModule(bytes);
  expect(mod.kernels.map((k) => k.name)).toContain('fill');
  await mod.destroy();
  await checkKnownGood(rt());
});

test('allocations in a loop on a full heap end in OUT_OF_MEMORY, nothing is lost, and a launch works after', async () => {
  fill(4 * KiB);
  const made = [];
  let error: unknown;
  // Device-local memory takes no heap for its bytes, only the runtime's bookkeeping: the loop
  // ends when that finds the heap full, long before the 65,535 handles run out.
  try {
    for (let i = 0; i < 60_000; i++) made.push(rt().allocateMemory({ size: 256 }));
  } catch (e) {
    error = e;
  }
  expect(error, `${made.length} allocations made`).toBeInstanceOf(TaichiError);
  expect((error as TaichiError).code).toBe('OUT_OF_MEMORY');
  // Freeing works on the full heap.
  for (const m of made) m.free();
  for (const p of blocks.splice(0)) rt().wasm.raw('free', p);
  await checkKnownGood(rt());
  // And the heap serves the same again: the reserve was taken back.
  const again = [];
  for (let i = 0; i < 100; i++) again.push(rt().allocateMemory({ size: 256 }));
  for (const m of again) m.free();
});
