// Push constant blocks lowered to a uniform block of a set of their own
// (shim/spirv/passes/push-constants.ts); what each dispatch reads is checked on the GPU by
// test/runtime/c-programs.test.ts (saxpy), through the shim that binds the set.
import { afterAll, describe, expect, it } from 'vitest';
import { lowerPushConstants } from '../../../shim/spirv/passes/push-constants.js';
import { translateSpirv } from '../../../shim/spirv/translate.js';
import { SpirvCompiler } from '../harness.js';

const PUSH = `#version 450
layout(local_size_x = 64) in;
layout(push_constant) uniform Push { float a; uint n; vec2 scale; } pc;
layout(std430, set = 0, binding = 0) buffer Y { float y[]; };
layout(std430, set = 1, binding = 3) buffer Z { float z[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  if (i < pc.n) y[i] = pc.a * y[i] + pc.scale.y + z[i];
}`;

describe('push constants', () => {
  const compiler = new SpirvCompiler();
  afterAll(() => compiler.dispose());

  it('become a uniform block at binding 0 of the set the shim names, with the block\'s size', () => {
    const r = translateSpirv(compiler.glsl(PUSH), { pushConstantSet: 2 });
    expect(r.pushConstantSet).toBe(2);
    expect(r.wgsl).toMatch(/@group\(2\) @binding\(0\) var<uniform> g_\d+: array<vec4<u32>, 1>;/);
    expect(r.bindings).toContainEqual(expect.objectContaining({ set: 2, binding: 0, kind: 'uniform', minSize: 16 }));
    expect(r.bindings.filter((b) => b.kind === 'storage').map((b) => [b.set, b.binding])).toEqual([[0, 0], [1, 3]]);
  });

  it('go to the set after the module\'s own by default', () => {
    expect(lowerPushConstants(compiler.glsl(PUSH))?.block.set).toBe(2);
    expect(translateSpirv(compiler.glsl(PUSH)).pushConstantSet).toBe(2);
  });

  it('leave a module without push constants alone', () => {
    const words = compiler.glsl('#version 450\nlayout(local_size_x = 1) in;\nlayout(std430, binding = 0) buffer B { uint o[]; };\nvoid main() { o[0] = 1u; }');
    expect(lowerPushConstants(words, 1)).toBeUndefined();
    expect(translateSpirv(words).pushConstantSet).toBeUndefined();
  });
});
