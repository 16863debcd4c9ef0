import { afterAll, describe, expect, it } from 'vitest';
import { parseSpirv } from '../../shim/spirv/parse.js';
import { structurize, type Node } from '../../shim/spirv/structurize.js';
import { SpirvTranslationError } from '../../shim/spirv/errors.js';
import { SpirvCompiler } from './harness.js';
import { BRANCH_INTO_LOOP_ASM, LOOP_GLSL, SWITCH_GLSL } from './fixtures.js';

// A compact picture of a tree: block labels dropped, constructs and jumps kept.
function shape(list: Node[]): string[] {
  const out: string[] = [];
  for (const n of list) {
    switch (n.k) {
      case 'block': case 'copies': break;
      case 'if': out.push(`if${n.negate ? '!' : ''}(${shape(n.then).join(',')}|${shape(n.else).join(',')})`); break;
      case 'loop': out.push(`loop(${shape(n.body).join(',')}|${shape(n.continuing).join(',')}${n.breakIf ? '|breakif' : ''})`); break;
      case 'switch': out.push(`switch(${n.cases.map((c) => `${c.isDefault ? 'd' : ''}${c.literals.join('+')}:${shape(c.body).join(',')}`).join(';')})`); break;
      default: out.push(n.k);
    }
  }
  return out;
}

function entryFn(words: Uint32Array) {
  const mod = parseSpirv(words);
  return mod.functions.get(mod.entryPoints[0].fn)!;
}

describe('structurize', () => {
  const compiler = new SpirvCompiler();
  afterAll(() => compiler.dispose());

  it('turns a for loop with continue and break into loop/if/continue/break', () => {
    const s = structurize(entryFn(compiler.glsl(LOOP_GLSL)));
    expect(shape(s.body)).toEqual(['loop(if!(break|),if(continue|),if(break|)|)', 'return']);
  });

  it('turns a switch into cases and a do-while into break-if', () => {
    const s = structurize(entryFn(compiler.glsl(SWITCH_GLSL)));
    const sh = shape(s.body);
    // WGSL cases never fall through: a case that ends at the merge needs no break.
    expect(sh[0]).toBe('switch(d:;1:;2+3:)');
    expect(sh[1]).toMatch(/^loop\(\|.*breakif\)$/);
  });

  it('gives nested scopes to arms and loop bodies', () => {
    const fn = entryFn(compiler.glsl(LOOP_GLSL));
    const s = structurize(fn);
    expect(s.scopeOf[0]).toBe(0);
    const header = fn.blocks.findIndex((b) => b.merge !== null);
    expect(s.scopeParent[s.scopeOf[header]]).toBe(0);
  });

  it('rejects a branch into the middle of a loop', () => {
    const fn = entryFn(compiler.asm(BRANCH_INTO_LOOP_ASM));
    expect(() => structurize(fn)).toThrow(SpirvTranslationError);
    try { structurize(fn); } catch (e) {
      expect((e as SpirvTranslationError).reason).toMatch(/unstructured|enclosing construct/);
      expect((e as SpirvTranslationError).wordOffset).toBeGreaterThan(5);
    }
  });
});
