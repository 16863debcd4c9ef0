// A translated shader's pipeline and one dispatch of it on any WebGPU device, bind groups built
// from the translator's reflection. No Node or Dawn import: Deno runs it on wgpu too (test/helpers/wgpu-shader-main.ts).
import type { BindingReflection, TranslationResult } from '../../shim/spirv/translate.js';

/** What a pipeline needs of a translation (the rest of TranslationResult stays on the translating side). */
export type Shader = Pick<TranslationResult, 'wgsl' | 'bindings' | 'entryPoint'>;

/** A device of `gpu`'s default adapter. Real Taichi kernels bind up to 12 storage buffers: ask for what the adapter has. */
export async function computeDevice(gpu: GPU, features: GPUFeatureName[] = []): Promise<GPUDevice> {
  const adapter = await gpu.requestAdapter();
  if (adapter === null) throw new Error('no WebGPU adapter (lavapipe missing?)');
  return adapter.requestDevice({
    requiredFeatures: features.filter((f) => adapter.features.has(f)),
    requiredLimits: {
      maxStorageBuffersPerShaderStage: adapter.limits.maxStorageBuffersPerShaderStage,
      maxComputeWorkgroupStorageSize: adapter.limits.maxComputeWorkgroupStorageSize,
    },
  });
}

// Builds the shader module and compute pipeline; returns every error the implementation reported.
export async function buildPipeline(device: GPUDevice, r: Shader): Promise<{ pipeline: GPUComputePipeline; layout: GPUBindGroupLayout[]; errors: string[] }> {
  const errors: string[] = [];
  device.pushErrorScope('validation');
  const module = device.createShaderModule({ code: r.wgsl });
  const info = await module.getCompilationInfo();
  for (const m of info.messages) if (m.type === 'error') errors.push(`${m.lineNum}:${m.linePos} ${m.message}`);
  const layout = bindGroupLayouts(device, r.bindings);
  const pipeline = device.createComputePipeline({
    layout: device.createPipelineLayout({ bindGroupLayouts: layout }),
    compute: { module, entryPoint: r.entryPoint },
  });
  const err = await device.popErrorScope();
  if (err !== null) errors.push(err.message);
  return { pipeline, layout, errors };
}

// Bind group layouts from reflection alone, as the shim will build them.
export function bindGroupLayouts(device: GPUDevice, bindings: BindingReflection[]): GPUBindGroupLayout[] {
  const maxSet = bindings.reduce((m, b) => Math.max(m, b.set), -1);
  const layouts: GPUBindGroupLayout[] = [];
  for (let s = 0; s <= maxSet; s++) {
    const entries: GPUBindGroupLayoutEntry[] = [];
    for (const b of bindings) {
      if (b.set !== s) continue;
      const e: GPUBindGroupLayoutEntry = { binding: b.binding, visibility: GPUShaderStage.COMPUTE };
      switch (b.kind) {
        case 'uniform': e.buffer = { type: 'uniform', minBindingSize: b.minSize }; break;
        case 'storage': e.buffer = { type: b.access === 'read' ? 'read-only-storage' : 'storage', minBindingSize: b.minSize }; break;
        case 'sampler': e.sampler = { type: 'non-filtering' }; break;
        case 'sampled-texture': e.texture = { sampleType: b.sampleType === 'float' ? 'unfilterable-float' : b.sampleType, viewDimension: b.viewDimension }; break;
        case 'storage-texture': e.storageTexture = { access: b.access === 'read' ? 'read-only' : b.access === 'write' ? 'write-only' : 'read-write', format: b.format!, viewDimension: b.viewDimension }; break;
      }
      entries.push(e);
    }
    layouts.push(device.createBindGroupLayout({ entries }));
  }
  return layouts;
}

export type Resource =
  | { buffer: ArrayBufferView | number } // initial contents, or a zero-filled size in bytes
  | { texture: { width: number; height: number; format: GPUTextureFormat; data?: ArrayBufferView; bytesPerTexel: number } };

export interface Dispatch {
  resources: Record<number, Resource>; // by binding, set 0
  groups: [number, number, number];
}

// Runs one dispatch and reads back every storage buffer and storage texture (by binding).
export async function run(device: GPUDevice, r: Shader, d: Dispatch): Promise<Record<number, ArrayBuffer>> {
  const { pipeline, layout, errors } = await buildPipeline(device, r);
  if (errors.length > 0) throw new Error(`pipeline errors:\n${errors.join('\n')}\n--- WGSL ---\n${r.wgsl}`);
  const entries: GPUBindGroupEntry[] = [];
  const readbacks: Array<{ binding: number; copy: (enc: GPUCommandEncoder) => GPUBuffer; size: number }> = [];
  const owned: Array<GPUBuffer | GPUTexture> = [];
  for (const b of r.bindings) {
    if (b.set !== 0) throw new Error('harness binds set 0 only');
    if (b.kind === 'sampler') {
      entries.push({ binding: b.binding, resource: device.createSampler({ magFilter: 'nearest', minFilter: 'nearest' }) });
      continue;
    }
    const res = d.resources[b.combinedWith ?? b.binding];
    if (res === undefined) throw new Error(`test gives no resource for binding ${b.binding}`);
    if ('buffer' in res) {
      const src = res.buffer;
      const size = Math.max(typeof src === 'number' ? src : src.byteLength, b.minSize ?? 0);
      const usage = (b.kind === 'uniform' ? GPUBufferUsage.UNIFORM : GPUBufferUsage.STORAGE) | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
      const buf = device.createBuffer({ size: Math.ceil(size / 4) * 4, usage });
      owned.push(buf);
      if (typeof src !== 'number') device.queue.writeBuffer(buf, 0, src.buffer, src.byteOffset, src.byteLength);
      entries.push({ binding: b.binding, resource: { buffer: buf } });
      if (b.kind === 'storage') {
        readbacks.push({
          binding: b.binding, size: buf.size,
          copy: (enc) => {
            const rb = device.createBuffer({ size: buf.size, usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ });
            enc.copyBufferToBuffer(buf, 0, rb, 0, buf.size);
            return rb;
          },
        });
      }
    } else {
      const t = res.texture;
      const tex = device.createTexture({
        size: [t.width, t.height], format: t.format,
        usage: GPUTextureUsage.TEXTURE_BINDING | GPUTextureUsage.STORAGE_BINDING | GPUTextureUsage.COPY_DST | GPUTextureUsage.COPY_SRC,
      });
      owned.push(tex);
      if (t.data) device.queue.writeTexture({ texture: tex }, new Uint8Array(t.data.buffer as ArrayBuffer, t.data.byteOffset, t.data.byteLength), { bytesPerRow: t.width * t.bytesPerTexel }, [t.width, t.height]);
      entries.push({ binding: b.binding, resource: tex.createView() });
      if (b.kind === 'storage-texture') {
        const bytesPerRow = Math.ceil((t.width * t.bytesPerTexel) / 256) * 256;
        readbacks.push({
          binding: b.binding, size: bytesPerRow * t.height,
          copy: (enc) => {
            const rb = device.createBuffer({ size: bytesPerRow * t.height, usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ });
            enc.copyTextureToBuffer({ texture: tex }, { buffer: rb, bytesPerRow }, [t.width, t.height]);
            return rb;
          },
        });
      }
    }
  }
  const group = device.createBindGroup({ layout: layout[0], entries });
  const enc = device.createCommandEncoder();
  const pass = enc.beginComputePass();
  pass.setPipeline(pipeline);
  if (r.bindings.length > 0) pass.setBindGroup(0, group);
  pass.dispatchWorkgroups(...d.groups);
  pass.end();
  const rbs = readbacks.map((x) => ({ binding: x.binding, buf: x.copy(enc) }));
  device.queue.submit([enc.finish()]);
  const out: Record<number, ArrayBuffer> = {};
  for (const { binding, buf } of rbs) {
    await buf.mapAsync(GPUMapMode.READ);
    out[binding] = buf.getMappedRange().slice(0);
    buf.destroy();
  }
  for (const o of owned) o.destroy();
  return out;
}

