import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { create, globals } from 'webgpu';
import { Runtime, TaichiError, type AotModule } from '../../src/index.js';
import { TiImageLayout } from '../../src/abi/taichi-enums.js';

Object.assign(globalThis, globals);
const FILL_MATMUL = new URL('../../examples/modules/fill_matmul.tcm', import.meta.url).pathname;
const MPM88 = new URL('../../examples/modules/mpm88.cgraph.tcm', import.meta.url).pathname;

async function readGpuBuffer(device: GPUDevice, buffer: GPUBuffer, size: number): Promise<Float32Array> {
  const staging = device.createBuffer({ size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const encoder = device.createCommandEncoder();
  encoder.copyBufferToBuffer(buffer, 0, staging, 0, size);
  device.queue.submit([encoder.finish()]);
  await staging.mapAsync(GPUMapMode.READ);
  const out = new Float32Array(staging.getMappedRange().slice(0));
  staging.destroy();
  return out;
}

// Dawn's GPU object must stay reachable while its devices live: collecting it crashes the process.
const gpu = create([]);

describe('Vulkan and WebGPU interop', () => {
  let device: GPUDevice;
  let runtime: Runtime;
  let mod: AotModule;
  beforeAll(async () => {
    const adapter = await gpu.requestAdapter();
    device = await adapter!.requestDevice({ requiredLimits: { maxStorageBuffersPerShaderStage: adapter!.limits.maxStorageBuffersPerShaderStage } });
    runtime = await Runtime.create({ device });
    mod = await runtime.loadModule(FILL_MATMUL);
  });
  afterAll(async () => {
    await runtime?.destroy();
    device?.destroy();
  });

  test('Taichi runs on the GPUDevice it was given and exposes it', () => {
    expect(runtime.gpuDevice).toBe(device);
    const info = runtime.vulkan.exportRuntime();
    expect(info.device).not.toBe(0);
    expect(info.computeQueue).not.toBe(0);
    expect(info.computeQueueFamilyIndex).toBe(0);
  });

  test("Taichi memory's GPUBuffer is the same storage in both directions", async () => {
    const a = runtime.ndarray('f32', [8, 8]);
    mod.kernel('fill').launch(a, 2.5);
    await runtime.wait();
    // Written by Taichi, read through WebGPU.
    expect(Array.from(await readGpuBuffer(device, a.memory.gpuBuffer, 256))).toEqual(new Array(64).fill(2.5));
    // Written through WebGPU, read by Taichi.
    const values = Float32Array.from({ length: 64 }, (_, i) => i * 0.25);
    device.queue.writeBuffer(a.memory.gpuBuffer, 0, values);
    expect(Array.from(await a.read())).toEqual(Array.from(values));
    a.free();
  });

  test('an external GPUBuffer imported as memory is used in place and survives its TiMemory', async () => {
    const external = device.createBuffer({ size: 1024, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
    const memory = runtime.importBuffer(external);
    const nd = runtime.ndarray('f32', [16, 16], { memory });
    mod.kernel('fill').launch(nd, -4);
    await runtime.wait();
    expect(Array.from(await readGpuBuffer(device, external, 1024))).toEqual(new Array(256).fill(-4));
    memory.free();
    // Taichi released only its record: the buffer is still the caller's to use.
    device.queue.writeBuffer(external, 0, new Float32Array([9]));
    expect((await readGpuBuffer(device, external, 4))[0]).toBe(9);
    external.destroy();
  });

  test('exported memory and events import back; bad imports are refused with clear errors', async () => {
    const a = runtime.ndarray('f32', [4, 4]);
    const info = runtime.vulkan.exportMemory(a.memory);
    expect(info.size).toBe(64);
    const again = runtime.vulkan.importMemory(info);
    const view = runtime.ndarray('f32', [4, 4], { memory: again });
    mod.kernel('fill').launch(view, 6);
    expect(Array.from(await a.read())).toEqual(new Array(16).fill(6));
    again.free();
    expect(Array.from(await a.read())).toEqual(new Array(16).fill(6));

    expect(() => runtime.vulkan.importMemory({ ...info, size: 1 << 20 })).toThrow(/INVALID_ARGUMENT/);
    expect(() => runtime.vulkan.importMemory({ ...info, usage: 0 })).toThrow(/INVALID_INTEROP.*STORAGE_BUFFER/);
    expect(() => runtime.vulkan.importMemory({ ...info, buffer: 12345n })).toThrow(/INVALID_INTEROP/);
    const uniformOnly = device.createBuffer({ size: 256, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
    expect(() => runtime.importBuffer(uniformOnly)).toThrow(TaichiError);
    uniformOnly.destroy();

    const event = runtime.createEvent();
    const imported = runtime.vulkan.importEvent(runtime.vulkan.exportEvent(event));
    imported.destroy();
    event.signal();
    await runtime.wait();
    event.destroy();
    expect(() => runtime.vulkan.importEvent({ event: 777n })).toThrow(/INVALID_INTEROP/);
    a.free();
  });

  test('destroying a runtime on an external device leaves the device working', async () => {
    const second = await Runtime.create({ device });
    const m = second.allocateMemory({ size: 64, hostWrite: true, hostRead: true });
    m.write(new Float32Array(16).fill(1));
    await second.destroy();
    const probe = device.createBuffer({ size: 16, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(probe, 0, new Float32Array([1, 2, 3, 4]));
    expect(Array.from(await readGpuBuffer(device, probe, 16))).toEqual([1, 2, 3, 4]);
    probe.destroy();
  });

  test("the reference's interop case: export a 128x128 RGBA8 image, import it as 2D from UNDEFINED, track, wait", async () => {
    const image = runtime.allocateImage({ dimension: '2d', width: 128, height: 128, format: 'rgba8' });
    const info = runtime.vulkan.exportImage(image);
    expect(info.extent).toEqual({ width: 128, height: 128, depth: 1 });
    const again = runtime.vulkan.importImage(info, '2d');
    expect([again.width, again.height, again.format]).toEqual([128, 128, 'rgba8']);
    runtime.wasm.call('ti_track_image_ext', runtime.handle, again.handle, TiImageLayout.SHADER_READ_WRITE);
    await runtime.wait();
    again.free();
    // Freeing the imported TiImage left Taichi's own image intact.
    const texels = Uint8Array.from({ length: 128 * 128 * 4 }, (_, i) => (i * 7) & 255);
    image.write(texels);
    expect(await image.read()).toEqual(texels);
    image.free();
  });

  test("an image's GPUTexture and an imported GPUTexture share texels with Taichi", async () => {
    const image = runtime.allocateImage({ dimension: '2d', width: 16, height: 8, format: 'r32f' });
    const values = Float32Array.from({ length: 128 }, (_, i) => i / 4);
    image.write(values);
    await runtime.wait();
    const texture = image.gpuTexture;
    const staging = device.createBuffer({ size: 256 * 8, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    const encoder = device.createCommandEncoder();
    encoder.copyTextureToBuffer({ texture }, { buffer: staging, bytesPerRow: 256 }, [16, 8, 1]);
    device.queue.submit([encoder.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    const rows = new Float32Array(staging.getMappedRange());
    for (let y = 0; y < 8; y++) expect(Array.from(rows.subarray(y * 64, y * 64 + 16))).toEqual(Array.from(values.subarray(y * 16, y * 16 + 16)));
    staging.destroy();
    image.free();

    const external = device.createTexture({
      size: [8, 8],
      format: 'rgba8unorm',
      usage: GPUTextureUsage.STORAGE_BINDING | GPUTextureUsage.TEXTURE_BINDING | GPUTextureUsage.COPY_SRC | GPUTextureUsage.COPY_DST,
    });
    const texels = Uint8Array.from({ length: 256 }, (_, i) => (i * 13) & 255);
    device.queue.writeTexture({ texture: external }, texels, { bytesPerRow: 32 }, [8, 8]);
    const imported = runtime.importTexture(external);
    expect([imported.width, imported.height, imported.format]).toEqual([8, 8, 'rgba8']);
    expect(await imported.read()).toEqual(texels);
    imported.free();
    // Released by Taichi, still the caller's.
    device.queue.writeTexture({ texture: external }, new Uint8Array(4).fill(9), { bytesPerRow: 32 }, [1, 1]);
    external.destroy();
    const noUsage = device.createTexture({ size: [4, 4], format: 'rgba8unorm', usage: GPUTextureUsage.COPY_DST });
    expect(() => runtime.importTexture(noUsage)).toThrow(/INVALID_INTEROP/);
    noUsage.destroy();
  });

  test('mpm88 on a shared particle buffer: Taichi writes it, WebGPU reads it', async () => {
    const mpm = await runtime.loadModule(MPM88);
    const n = 1024;
    const sharedX = device.createBuffer({ size: n * 8, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
    const x = runtime.ndarray('f32', [n], { elementShape: [2], memory: runtime.importBuffer(sharedX) });
    const v = runtime.ndarray('f32', [n], { elementShape: [2] });
    const C = runtime.ndarray('f32', [n], { elementShape: [2, 2] });
    const J = runtime.ndarray('f32', [n]);
    const grid_v = runtime.ndarray('f32', [128, 128], { elementShape: [2] });
    const grid_m = runtime.ndarray('f32', [128, 128]);
    const pos = runtime.ndarray('f32', [n], { elementShape: [3] });
    mpm.graph('init').launch({ x, v, J });
    mpm.graph('update').launch({ x, v, C, J, grid_v, grid_m, pos });
    await runtime.wait();
    const positions = await readGpuBuffer(device, sharedX, n * 8);
    expect(positions.every((p) => Number.isFinite(p) && p > 0 && p < 1)).toBe(true);
    // Init scatters particles over [0.2, 0.6]^2: they cannot all sit in one place.
    expect(Math.max(...positions) - Math.min(...positions)).toBeGreaterThan(0.2);
    x.memory.free();
    sharedX.destroy();
    await mpm.destroy();
  });
});
