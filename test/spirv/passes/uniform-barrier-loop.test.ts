// The uniform-barrier-loop pass (shim/spirv/passes/uniform-barrier-loop.ts) on the block
// reductions Taichi 1.7.4 exported (test/taichi/parity/shared_arrays.py): their barriers sit in
// the grid-stride loop, which the pass makes uniform so that WebGPU accepts the pipeline; the
// dispatch sizing still sees the loop as written; loops without barriers are left alone. On the
// IR: the loop counts from the workgroup's first index, each guarded write sits alone under
// `if (active)`, and the entry function's structured tree covers the new blocks.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { isAtomicOp } from '../../../shim/spirv/atomics.js';
import { BuiltIn, Op, StorageClass } from '../../../shim/spirv/opcodes.js';
import { findGridStrideLoop } from '../../../shim/spirv/passes/grid-stride.js';
import { uniformBarrierLoop } from '../../../shim/spirv/passes/uniform-barrier-loop.js';
import { translateSpirv } from '../../../shim/spirv/translate.js';
import { buildPipeline, createDevice } from '../harness.js';
import { lifted } from './lifted.js';

function spirvOf(module: string): Map<string, Uint32Array> {
  const files = unzipSync(readFileSync(new URL(`../../taichi/parity/modules/${module}.tcm`, import.meta.url)));
  const out = new Map<string, Uint32Array>();
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('.spv')) out.set(name, new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
  }
  return out;
}

let device: GPUDevice;
beforeAll(async () => {
  device = await createDevice();
});
afterAll(() => device?.destroy());

describe('uniform barrier loops', () => {
  const reductions = spirvOf('shared_arrays');

  it('finds both reductions', () => {
    expect(reductions.size).toBe(2);
  });

  for (const [name, words] of reductions) {
    it(`${name}: the loop counts the workgroup's first index, and WebGPU takes the barriers`, async () => {
      const r = translateSpirv(words);
      expect(r.wgsl).toContain('workgroupBarrier()');
      expect(r.wgsl).toContain('@builtin(workgroup_id)');
      expect(r.wgsl).toContain('@builtin(local_invocation_id)');
      // Writes of invocations past the end are guarded.
      expect(r.wgsl).toMatch(/if \(v_\d+\) \{/);
      // The dispatch sizing reads the loop as Taichi wrote it: begin 0, end the ndarray's length.
      expect(r.gridStride?.groupSize).toBe(64);
      expect(r.gridStride?.begin).toEqual({ op: 'const', value: 0 });
      const { errors } = await buildPipeline(device, r);
      expect(errors).toEqual([]);
    });
  }

  it('leaves grid-stride loops without barriers as they were', () => {
    for (const [, words] of spirvOf('vector_args')) {
      const r = translateSpirv(words);
      expect(r.gridStride).toBeDefined();
      expect(r.wgsl).not.toContain('workgroup_id');
      expect(r.wgsl).not.toContain('local_invocation_id');
    }
  });

  for (const [name, words] of reductions) {
    it(`${name}: on the IR, the loop starts at workgroup_id.x * 64 and every write it guards sits alone under its test`, () => {
      const { ir, main } = lifted(words);
      const loop = findGridStrideLoop(ir);
      expect(loop).toBeDefined();
      const bound = ir.bound;
      const blocks = main.fn.blocks.length;
      const before = main.tree;
      uniformBarrierLoop(ir, loop!);
      expect(ir.bound).toBeGreaterThan(bound);
      // The workgroup's id and the invocation's index in it are read through two new builtins.
      const added = [...ir.globals.values()].filter((g) => g.id >= bound);
      expect(added.map((g) => [g.builtIn, g.storage])).toEqual([[BuiltIn.WorkgroupId, StorageClass.Input], [BuiltIn.LocalInvocationId, StorageClass.Input]]);
      // The phi's value on entry is workgroup_id.x * 64 (+ begin), made in the block before the loop.
      const pre = main.fn.blocks[main.fn.blockIndex.get(loop!.pre)!];
      const fromPre = loop!.phi.args[loop!.phi.args[1] === pre.label ? 0 : 2];
      const first = pre.body.find((inst) => inst.id === fromPre);
      expect([Op.IMul, Op.IAdd]).toContain(first?.op);
      // Each write to memory other invocations see is alone in a block entered only when active.
      const active = loop!.header.body.find((inst) => inst.op === Op.SLessThan && inst !== loop!.test)!;
      const guards = main.fn.blocks.filter((b) => main.fn.blocks.some((p) => p.term.op === Op.BranchConditional && p.term.args[0] === active.id && p.term.args[1] === b.label));
      expect(guards.length).toBeGreaterThan(0);
      for (const b of guards) {
        expect(b.body).toHaveLength(1);
        expect(isAtomicOp(b.body[0].op) || b.body[0].op === Op.Store).toBe(true);
      }
      const defs = new Map(main.fn.blocks.flatMap((b) => b.body.map((inst) => [inst.id, inst] as const)));
      const storage = (pointer: number): number => {
        for (let d = defs.get(pointer); d?.op === Op.AccessChain; d = defs.get(pointer)) pointer = d.args[0];
        return ir.globals.get(pointer)?.storage ?? StorageClass.Function;
      };
      for (const b of main.fn.blocks) {
        if (!loop!.inside.has(b.label) || guards.includes(b)) continue;
        for (const inst of b.body) if (isAtomicOp(inst.op) || inst.op === Op.Store) expect([StorageClass.Function, StorageClass.Private]).toContain(storage(inst.args[0]));
      }
      // The pass structured the function again: the tree places every block it added.
      expect(main.fn.blocks.length).toBeGreaterThan(blocks);
      expect(main.tree).not.toBe(before);
      expect(main.tree.scopeOf).toHaveLength(main.fn.blocks.length);
      expect(Array.from(main.tree.scopeOf).every((s) => s >= 0)).toBe(true);
    });
  }
});
