// Dawn (npm `webgpu`) for tests: one GPU entry point per test process, and a fresh adapter per
// caller, because an adapter hands out only one device.

let dawn: GPU | undefined;

export async function gpu(): Promise<GPU> {
  if (!dawn) {
    const webgpu = await import('webgpu');
    Object.assign(globalThis, webgpu.globals);
    dawn = webgpu.create([]) as GPU;
  }
  return dawn;
}

export async function adapter(): Promise<{ gpu: GPU; adapter: GPUAdapter }> {
  const g = await gpu();
  const a = await g.requestAdapter();
  if (!a) throw new Error('Dawn found no WebGPU adapter (is Mesa 25 lavapipe from bookworm-backports installed?)');
  return { gpu: g, adapter: a };
}
