// The main job (`npm run demo`): shows which GPU the runtime found and proves the path from the
// TypeScript API through the wasm C runtime and the Vulkan shim to WebGPU with a memory round
// trip checked on the host. Later issues replace the round trip with a Taichi simulation.

import { Runtime } from '../src/index.js';

const BYTES = 4 * 1024 * 1024;

function describeAdapter(runtime: Runtime): string {
  const info = runtime.adapterInfo;
  if (!info) return 'adapter: (the device did not report adapter information)';
  return `adapter: vendor=${info.vendor || '?'} architecture=${info.architecture || '?'} device=${info.device || info.description || '?'}`;
}

/** Host-writable memory -> device copy -> host-readable memory, compared word by word. */
async function memoryRoundTrip(runtime: Runtime): Promise<boolean> {
  const words = BYTES / 4;
  const expected = new Uint32Array(words);
  for (let i = 0; i < words; i++) expected[i] = Math.imul(i, 2654435761) >>> 0;

  const upload = runtime.allocateMemory({ size: BYTES, hostWrite: true });
  const readback = runtime.allocateMemory({ size: BYTES, hostRead: true });
  try {
    const start = performance.now();
    upload.write(expected);
    runtime.copy({ memory: readback }, { memory: upload });
    const actual = await readback.read(Uint32Array);
    const ms = performance.now() - start;

    let mismatches = 0;
    for (let i = 0; i < words; i++) if (actual[i] !== expected[i]) mismatches++;
    if (mismatches > 0) {
      console.error(`memory round trip: FAILED, ${mismatches} of ${words} words differ`);
      return false;
    }
    const mbPerS = BYTES / 1e6 / (ms / 1e3);
    console.log(`memory round trip: OK, ${BYTES} bytes written, copied on the device and read back in ${ms.toFixed(1)} ms (${mbPerS.toFixed(0)} MB/s)`);
    return true;
  } finally {
    upload.free();
    readback.free();
  }
}

async function main(): Promise<number> {
  const runtime = await Runtime.create();
  try {
    console.log(describeAdapter(runtime));
    return (await memoryRoundTrip(runtime)) ? 0 : 1;
  } finally {
    await runtime.destroy();
  }
}

// Dawn can keep Node's event loop alive after the work is done, so the exit is explicit.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
