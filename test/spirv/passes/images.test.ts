// The image pass on the IR (shim/spirv/passes/images.ts): operand masks decoded into fixed
// places. textureLod becomes SampleLevel [image, coordinate, level, 0]; texelFetch and
// imageLoad become TextureLoad [image, coordinate, level or 0, 0]; imageStore stays. What the
// builtins read is checked on Dawn and wgpu by the GLSL corpus (texel_fetch, image_storage).
import { afterAll, describe, expect, it } from 'vitest';
import { IrOp } from '../../../shim/spirv/ir/ir.js';
import { Op } from '../../../shim/spirv/opcodes.js';
import { lowerImages } from '../../../shim/spirv/passes/images.js';
import { SpirvCompiler } from '../harness.js';
import { lifted, withOp } from './lifted.js';

describe('image pass', () => {
  const compiler = new SpirvCompiler();
  afterAll(() => compiler.dispose());

  it('decodes explicit-level sampling and fetches', () => {
    const { ir, main } = lifted(compiler.glslFile('texel_fetch.comp'));
    const [sample] = withOp(main, Op.ImageSampleExplicitLod);
    const [fetch] = withOp(main, Op.ImageFetch);
    lowerImages(main);
    const [level] = withOp(main, IrOp.SampleLevel);
    const [load] = withOp(main, IrOp.TextureLoad);
    // textureLod(tex, uv, 0.0): mask Lod (2), then the level.
    expect(sample.args[2]).toBe(2);
    expect(Array.from(level.args)).toEqual([sample.args[0], sample.args[1], sample.args[3], 0]);
    // texelFetch(tex, p, 0): mask Lod, then the level.
    expect(Array.from(load.args)).toEqual([fetch.args[0], fetch.args[1], fetch.args[3], 0]);
    expect(ir.constants.get(load.args[2])?.kind).toBe('scalar');
  });

  it('makes storage reads loads without a level and leaves writes alone', () => {
    const { main } = lifted(compiler.glslFile('image_storage.comp'));
    const [read] = withOp(main, Op.ImageRead);
    const writes = withOp(main, Op.ImageWrite).length;
    lowerImages(main);
    expect(withOp(main, IrOp.TextureLoad).map((i) => Array.from(i.args))).toEqual([[read.args[0], read.args[1], 0, 0]]);
    expect(withOp(main, Op.ImageWrite)).toHaveLength(writes);
  });
});
