import { afterAll, describe, expect, it } from 'vitest';
import { Decoration, Op, StorageClass } from '../../shim/spirv/opcodes.js';
import { parseSpirv } from '../../shim/spirv/parse.js';
import { SpirvCompiler } from './harness.js';
import { LOOP_GLSL } from './fixtures.js';

describe('parse', () => {
  const compiler = new SpirvCompiler();
  afterAll(() => compiler.dispose());

  it('reads header, entry point, execution mode, decorations, types, globals and blocks', () => {
    const words = compiler.glsl(LOOP_GLSL);
    const mod = parseSpirv(words);
    expect(mod.version).toBe(0x10300);
    expect(mod.bound).toBe(words[3]);
    expect(mod.entryPoints).toHaveLength(1);
    expect(mod.entryPoints[0]).toMatchObject({ model: 5, name: 'main' });
    expect(mod.localSize.get(mod.entryPoints[0].fn)).toEqual([4, 2, 1]);
    expect([...mod.extInstImports.values()]).toContain('GLSL.std.450');
    const buffer = [...mod.globals.values()].find((g) => g.storage === StorageClass.StorageBuffer)!;
    expect(mod.decorations.get(buffer.id)).toMatchObject({ set: 1, binding: 3 });
    const block = mod.types.get(buffer.pointee)!;
    expect(block.kind).toBe('struct');
    expect(mod.decorations.get(buffer.pointee)?.block).toBe(true);
    expect(mod.memberDecorations.get(buffer.pointee)?.[0].offset).toBe(0);
    const fn = mod.functions.get(mod.entryPoints[0].fn)!;
    expect(fn.vars).toHaveLength(1);
    expect(fn.blocks.length).toBeGreaterThan(4);
    const header = fn.blocks.find((b) => b.merge?.op === Op.LoopMerge)!;
    expect(header).toBeDefined();
    expect(fn.blockIndex.get(header.merge!.args[0])).toBeDefined();
    for (const b of fn.blocks) expect([Op.Branch, Op.BranchConditional, Op.Return]).toContain(b.term.op);
    expect(Decoration.Binding).toBe(33);
  });

  it('keeps word offsets that point at each instruction', () => {
    const words = compiler.glsl(LOOP_GLSL);
    const mod = parseSpirv(words);
    const fn = mod.functions.get(mod.entryPoints[0].fn)!;
    for (const b of fn.blocks) {
      for (const inst of [...b.body, b.term]) expect(words[inst.offset] & 0xffff).toBe(inst.op);
    }
  });

  it('accepts a byte-swapped module', () => {
    const words = compiler.glsl(LOOP_GLSL);
    const swapped = words.map((w) => ((w & 0xff) << 24) | ((w & 0xff00) << 8) | ((w >>> 8) & 0xff00) | (w >>> 24));
    expect(parseSpirv(swapped).entryPoints[0].name).toBe('main');
  });
});
