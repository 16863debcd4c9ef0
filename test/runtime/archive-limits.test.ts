// Hostile archives and metadata: limits enforced on the bytes an archive actually inflates to
// (per entry and in total) and on its entry count, CRC-32 checked, one metadata.json only, a
// full wasm heap reported as OUT_OF_MEMORY, sizes a module declares checked against the device
// at load. Each is refused with a TaichiError, quickly, and the runtime goes on working.

import { deflateRawSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { ARCHIVE_LIMITS } from '../../src/archive.js';
import { expectTaichiError, useRuntime } from '../helpers/aot.js';
import { moduleFiles } from '../helpers/fixtures.js';
import { checkKnownGood } from '../helpers/session.js';
import { writeZip, type ZipEntry } from '../helpers/zip.js';

const rt = useRuntime();
const MiB = 1 << 20;

/** fill's module (android_fill_matmul.tcm) with its entries changed by `edit`. */
function fillModule(edit: (entries: ZipEntry[]) => ZipEntry[] = (e) => e): Uint8Array {
  return writeZip(edit(moduleFiles('android_fill_matmul.tcm').entries.map((e) => ({ ...e }))));
}

/** `size` zero bytes as a deflated entry (about a thousandth of the size on the wire). */
function zeros(name: string, size: number, declaredSize = size): ZipEntry {
  const data = new Uint8Array(size);
  return { name, data, deflated: deflateRawSync(data), declaredSize };
}

function metadata(edit: (meta: Record<string, unknown>) => void): (entries: ZipEntry[]) => ZipEntry[] {
  return (entries) =>
    entries.map((e) => {
      if (e.name !== 'metadata.json') return e;
      const meta = JSON.parse(new TextDecoder().decode(e.data)) as Record<string, unknown>;
      edit(meta);
      return { name: e.name, data: new TextEncoder().encode(JSON.stringify(meta)) };
    });
}

test('an entry that inflates past its declared size is stopped there, not inflated whole', async () => {
  // 32 MiB of zeros declared as 1,000 bytes: a lying central directory.
  await expectTaichiError(() => rt().loadModule(fillModule((e) => [...e, zeros('data.bin', 32 * MiB, 1000)])), 'CORRUPTED_DATA', 'data.bin inflates past its declared 1000 bytes');
  await checkKnownGood(rt());
});

test('honestly declared entries over the per-file, JSON and total limits are refused before inflating', async () => {
  const over = ARCHIVE_LIMITS.entryBytes + 4;
  await expectTaichiError(() => rt().loadModule(fillModule((e) => [...e, zeros('big.bin', over)])), 'CORRUPTED_DATA', `big.bin declares ${over} bytes`);
  const json = ARCHIVE_LIMITS.jsonBytes + 4;
  await expectTaichiError(() => rt().loadModule(fillModule((e) => [...e.filter((x) => x.name !== 'graphs.json'), zeros('graphs.json', json)])), 'CORRUPTED_DATA', `graphs.json declares ${json} bytes`);
  // Five files of 60 MiB: each under the per-file limit, together over the total.
  const sixty = zeros('part0.bin', 60 * MiB);
  const parts = Array.from({ length: 5 }, (_, i) => ({ ...sixty, name: `part${i}.bin` }));
  await expectTaichiError(() => rt().loadModule(fillModule((e) => [...e, ...parts])), 'CORRUPTED_DATA', 'part4.bin declares');
  await checkKnownGood(rt());
});

test('more entries than the limit are refused', async () => {
  const many = Array.from({ length: ARCHIVE_LIMITS.entries + 1 }, (_, i) => ({ name: `f${i}`, data: new Uint8Array(1) }));
  await expectTaichiError(() => rt().loadModule(writeZip(many)), 'CORRUPTED_DATA', `${ARCHIVE_LIMITS.entries + 1} files`);
});

test('an entry whose bytes do not match its CRC-32 is refused', async () => {
  await expectTaichiError(
    () => rt().loadModule(fillModule((e) => e.map((x) => (x.name === 'metadata.json' ? { ...x, crc: 0x12345678 } : x)))),
    'CORRUPTED_DATA',
    'metadata.json fails its CRC-32 check',
  );
  const deflated = zeros('data.bin', 4096);
  await expectTaichiError(() => rt().loadModule(fillModule((e) => [...e, { ...deflated, crc: 1 }])), 'CORRUPTED_DATA', 'data.bin fails its CRC-32 check');
});

test('two metadata.json in different folders are refused, not one silently chosen', async () => {
  const bytes = fillModule((e) => [...e, { name: 'other/metadata.json', data: e.find((x) => x.name === 'metadata.json')!.data }]);
  await expectTaichiError(() => rt().loadModule(bytes), 'CORRUPTED_DATA', "two files named metadata.json ('metadata.json' and 'other/metadata.json')");
});

test('a module whose files do not fit the wasm heap fails with OUT_OF_MEMORY, and loads once there is room', async () => {
  const wasm = rt().wasm;
  // A valid module with a 48 MiB extra file the runtime never reads.
  const bytes = fillModule((e) => [...e, zeros('padding.bin', 48 * MiB)]);
  // Fill the heap (up to its 2 GiB) in blocks of 16 MiB, leaving less than the module needs.
  const blocks: number[] = [];
  for (let p = wasm.raw('malloc', 16 * MiB); p !== 0; p = wasm.raw('malloc', 16 * MiB)) blocks.push(p);
  try {
    expect(blocks.length).toBeGreaterThan(0);
    await expectTaichiError(() => rt().loadModule(bytes), 'OUT_OF_MEMORY', 'wasm heap has no room');
  } finally {
    for (const p of blocks) wasm.raw('free', p);
  }
  const mod = await rt().loadModule(bytes);
  await mod.destroy();
  await checkKnownGood(rt());
});

test('a root buffer or argument buffer larger than the device can bind is refused at load', async () => {
  const limits = rt().gpuDevice.limits;
  // Fields this device cannot bind are a sound module on the wrong device, not corrupt data.
  for (const root of [2 ** 31, 2 ** 32 - 4, limits.maxStorageBufferBindingSize + 4]) {
    await expectTaichiError(() => rt().loadModule(fillModule(metadata((m) => (m.root_buffer_size = root)))), 'INCOMPATIBLE_MODULE', `root_buffer_size ${root}`, 'maxStorageBufferBindingSize');
  }
  await checkKnownGood(rt());
});

test('a module declaring one kernel name twice is refused (both sides of the API agree), and leaks nothing', async () => {
  const before = rt().diagnostics().vulkanObjects;
  const bytes = fillModule(
    metadata((m) => {
      const kernels = m.kernels as { key: string; value: { name: string } }[];
      kernels.push(kernels[kernels.length - 1]);
    }),
  );
  for (let i = 0; i < 3; i++) await expectTaichiError(() => rt().loadModule(bytes), 'CORRUPTED_DATA', "declares kernel 'fill' twice");
  expect(rt().diagnostics().vulkanObjects).toEqual(before);
});
