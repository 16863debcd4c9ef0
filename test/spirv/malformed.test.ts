// Malformed input: every failure is a SpirvTranslationError naming a word offset and a reason;
// nothing else escapes and nothing hangs.
import { afterAll, describe, expect, it } from 'vitest';
import { SpirvTranslationError } from '../../shim/spirv/errors.js';
import { Op } from '../../shim/spirv/opcodes.js';
import { translateSpirv } from '../../shim/spirv/translate.js';
import { rng, SpirvCompiler } from './harness.js';
import { BRANCH_INTO_LOOP_ASM, LOOP_GLSL } from './fixtures.js';

function failure(words: Uint32Array): SpirvTranslationError {
  try {
    translateSpirv(words);
  } catch (e) {
    expect(e).toBeInstanceOf(SpirvTranslationError);
    return e as SpirvTranslationError;
  }
  throw new Error('translation unexpectedly succeeded');
}

function findOp(words: Uint32Array, op: number): number {
  for (let p = 5; p < words.length; p += words[p] >>> 16) if ((words[p] & 0xffff) === op) return p;
  throw new Error(`no opcode ${op}`);
}

describe('malformed SPIR-V', () => {
  const compiler = new SpirvCompiler();
  afterAll(() => compiler.dispose());
  const good = compiler.glsl(LOOP_GLSL);

  it('truncated words', () => {
    const e = failure(good.subarray(0, good.length - 3));
    expect(e.reason).toMatch(/truncated|not closed/);
    expect(e.wordOffset).toBeGreaterThan(5);
    expect(failure(good.subarray(0, 3)).reason).toMatch(/header/);
  });

  it('bad magic', () => {
    const w = good.slice();
    w[0] = 0xdeadbeef;
    const e = failure(w);
    expect(e.wordOffset).toBe(0);
    expect(e.reason).toMatch(/magic/);
  });

  it('out-of-range ids', () => {
    const w = good.slice();
    const p = findOp(w, Op.IAdd);
    w[p + 3] = w[3] + 10; // first operand beyond the bound
    const e = failure(w);
    expect(e.reason).toMatch(/out of range/);
    expect(e.wordOffset).toBe(p);
    expect(e.opcode).toBe(Op.IAdd);
    const w2 = good.slice();
    w2[findOp(w2, Op.IAdd) + 2] = 0xffffff; // result id beyond the bound
    expect(failure(w2).reason).toMatch(/result id \d+ is out of range/);
  });

  it('unknown opcodes and zero word counts', () => {
    const w = good.slice();
    const p = findOp(w, Op.IAdd);
    w[p] = (w[p] & 0xffff0000) | 999;
    const e = failure(w);
    expect(e.opcode).toBe(999);
    expect(e.reason).toMatch(/unknown opcode 999/);
    const z = good.slice();
    z[p] = Op.IAdd;
    expect(failure(z).reason).toMatch(/word count is 0/);
  });

  it('a branch into the middle of a loop', () => {
    const e = failure(compiler.asm(BRANCH_INTO_LOOP_ASM));
    expect(e.reason).toMatch(/unstructured|enclosing construct/);
    expect(e.opcode).toBeDefined();
  });

  it('random corruption never escapes as another error and never hangs', () => {
    const r = rng(99);
    const t0 = performance.now();
    let failures = 0;
    for (let k = 0; k < 400; k++) {
      const w = good.slice();
      const flips = 1 + Math.floor(r() * 3);
      for (let f = 0; f < flips; f++) {
        const i = 5 + Math.floor(r() * (w.length - 5));
        w[i] = r() < 0.5 ? Math.floor(r() * 4294967296) : w[i] ^ (1 << Math.floor(r() * 32));
      }
      try { translateSpirv(w); } catch (e) {
        expect(e).toBeInstanceOf(SpirvTranslationError);
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(100);
    expect(performance.now() - t0).toBeLessThan(20000);
  });
});
