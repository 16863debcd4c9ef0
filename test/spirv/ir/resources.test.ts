// How the IR uses each resource (shim/spirv/ir/resources.ts), which decides read-only storage
// buffers, storage textures' access and a sampled texture's sample type: reads, writes, samples
// and atomics, through access chains, image loads and sampled images; workgroup variables and
// builtins are not resources.
import { afterAll, describe, expect, it } from 'vitest';
import { liftModule } from '../../../shim/spirv/ir/lift.js';
import { resourceUses } from '../../../shim/spirv/ir/resources.js';
import { parseSpirv } from '../../../shim/spirv/parse.js';
import { lowerImages } from '../../../shim/spirv/passes/images.js';
import { floatAtomics } from '../../../shim/spirv/passes/float-atomics.js';
import { SpirvCompiler } from '../harness.js';

/** Use of each resource by binding. */
function uses(words: Uint32Array): Record<number, string> {
  const mod = parseSpirv(words);
  const ir = liftModule(mod, mod.entryPoints[0]);
  for (const f of ir.functions) {
    lowerImages(f);
    floatAtomics(ir, f);
  }
  const out: Record<number, string> = {};
  for (const [id, u] of resourceUses(ir)) {
    out[ir.globals.get(id)!.binding!] = `${u.read ? 'r' : ''}${u.written ? 'w' : ''}${u.sampled ? 's' : ''}`;
  }
  return out;
}

describe('resource uses', () => {
  const compiler = new SpirvCompiler();
  afterAll(() => compiler.dispose());

  it('reads, writes and atomics of buffers, through access chains', () => {
    expect(uses(compiler.glslFile('atomic_float.comp', { env: 'vulkan1.2' }))).toEqual({ 0: 'r', 1: 'rw' });
    expect(uses(compiler.glslFile('shared_reduce.comp'))).toEqual({ 0: 'r', 1: 'w' });
  });

  it('loads, stores and samples of images', () => {
    expect(uses(compiler.glslFile('image_storage.comp'))).toEqual({ 0: 'rw', 1: 'w' });
    expect(uses(compiler.glslFile('texel_fetch.comp'))).toEqual({ 0: 'rs', 1: 'w' });
  });

  it('leaves out what the entry point does not reach', () => {
    const words = compiler.glsl(`#version 450
layout(local_size_x = 1) in;
layout(std430, binding = 0) buffer A { int a[]; };
layout(std430, binding = 1) buffer B { int b[]; };
void unused() { b[0] = 1; }
void main() { a[0] = 2; }
`);
    expect(uses(words)).toEqual({ 0: 'w' });
  });
});
