// Binding reflection: what the shim needs to build bind group layouts without parsing WGSL.
import type { IrModule } from './ir/ir.js';
import { StorageClass } from './opcodes.js';
import type { EmitResult } from './wgsl/module.js';
import { storageFormat, type TypeTable } from './wgsl/types.js';

export type BindingKind = 'uniform' | 'storage' | 'sampled-texture' | 'storage-texture' | 'sampler';

export interface BindingReflection {
  set: number;
  binding: number;
  kind: BindingKind;
  access?: 'read' | 'read_write' | 'write'; // storage buffers and storage textures
  minSize?: number; // bytes, buffers: size of the fixed part + one element of a runtime array
  viewDimension?: '1d' | '2d' | '2d-array' | 'cube' | '3d';
  sampleType?: 'float' | 'unfilterable-float' | 'sint' | 'uint' | 'depth';
  format?: GPUTextureFormat; // storage textures
  name?: string;
  // For a sampler split off a Vulkan combined image sampler: the binding of its texture, which
  // keeps the Vulkan binding number (the sampler takes COMBINED_SAMPLER_BINDING_OFFSET + it).
  combinedWith?: number;
}

const VIEW_DIMS: Array<BindingReflection['viewDimension']> = ['1d', '2d', '3d', 'cube'];

export function reflectBindings(ir: IrModule, types: TypeTable, emitted: EmitResult): BindingReflection[] {
  const out: BindingReflection[] = [];
  for (const [id, use] of emitted.resources) {
    const g = ir.globals.get(id)!;
    const set = g.set!;
    const binding = g.binding!;
    const name = g.name;
    const base = name === undefined ? { set, binding } : { set, binding, name };
    if (g.storage === StorageClass.Uniform || g.storage === StorageClass.StorageBuffer) {
      const slots = emitted.uniformWords.get(id);
      if (slots !== undefined) {
        out.push({ ...base, kind: 'uniform', minSize: slots * 16 });
      } else {
        const access = emitted.readOnlyStorage.has(id) ? 'read' : 'read_write';
        out.push({ ...base, kind: 'storage', access, minSize: types.layout(g.pointee).size });
      }
      continue;
    }
    const t = types.get(g.pointee);
    if (t.kind === 'sampler') {
      out.push({ ...base, kind: 'sampler' });
      continue;
    }
    const imgId = t.kind === 'sampled-image' ? t.image : g.pointee;
    const img = types.get(imgId);
    if (img.kind !== 'image') continue;
    let viewDimension = VIEW_DIMS[img.dim];
    if (img.arrayed && viewDimension === '2d') viewDimension = '2d-array';
    if (img.sampled === 2) {
      const access = use.read && use.written ? 'read_write' : use.written ? 'write' : 'read';
      out.push({ ...base, kind: 'storage-texture', access, format: storageFormat(imgId, types), viewDimension });
    } else {
      const k = types.info(img.sampledType)?.scalar;
      const sampleType = img.depth === 1 ? 'depth' : k === 'i32' ? 'sint' : k === 'u32' ? 'uint' : use.sampled ? 'float' : 'unfilterable-float';
      out.push({ ...base, kind: 'sampled-texture', viewDimension, sampleType });
    }
    const samplerBinding = emitted.combinedSamplerBinding.get(id);
    if (samplerBinding !== undefined) {
      out.push({ set, binding: samplerBinding, kind: 'sampler', combinedWith: binding, ...(name === undefined ? {} : { name: `${name}_sampler` }) });
    }
  }
  out.sort((x, y) => x.set - y.set || x.binding - y.binding);
  return out;
}
