// Grid-stride loops (shim/spirv/passes/grid-stride.ts): the translator recognises Taichi's range-for
// shape, gives the loop's begin and end as expressions over the args uniform, and refuses every
// near-miss where the number of workgroups could change what the shader does. On Dawn, the
// loop runs every iteration of [begin, end) exactly once on the full grid, on the grid the shim
// computes, and on a single workgroup. On the IR, the analysis names the loop's parts for the
// passes that rewrite it and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { evaluateBound, gridStrideGroups, type BoundExpr } from '../../../shim/spirv/grid-stride-bounds.js';
import { BuiltIn, Op } from '../../../shim/spirv/opcodes.js';
import { findGridStrideLoop, gridStrideBounds } from '../../../shim/spirv/passes/grid-stride.js';
import { IndexOrderRefusal, translateSpirv } from '../../../shim/spirv/translate.js';
import { fixtureBytes } from '../../helpers/fixtures.js';
import { createDevice, INT_BUFFER_DECORATIONS, INT_BUFFER_TYPES, run, SpirvCompiler } from '../harness.js';
import { lifted } from './lifted.js';

const GROUP = 64;
const GROUPS = 64; // the grid a caller records: 4096 invocations
const SLOTS = 5000;

interface Shape {
  /** Replaces the workgroup size. */
  localSize?: string;
  /** Instructions at the end of the entry block, before the branch to the loop. */
  pre?: string;
  /** Instructions at the end of the loop body (new labels fall through to the continue block). */
  body?: string;
  /** The value added to out[i] (the step, to use it twice). */
  addend?: string;
  /** Instructions at the end of the continue block. */
  cont?: string;
  /** The loop step (default: num_workgroups.x * 64). */
  step?: string;
  /** Instructions after the loop, before the return. */
  post?: string;
  /** The definition of %end, the bound (default: max(0, args.n)). */
  end?: string;
}

/**
 * for (i = gid.x + args.begin; i < max(0, args.n); i += num_workgroups.x * 64) out[i] += 1
 * (atomically, so an iteration run twice shows), in the form Taichi's codegen writes, with one
 * part replaced by `shape`.
 */
function module(shape: Shape = {}): string {
  return `OpCapability Shader
%glsl = OpExtInstImport "GLSL.std.450"
OpMemoryModel Logical GLSL450
OpEntryPoint GLCompute %main "main" %gid %nwg %lid
OpExecutionMode %main LocalSize ${shape.localSize ?? `${GROUP} 1 1`}
OpDecorate %gid BuiltIn GlobalInvocationId
OpDecorate %nwg BuiltIn NumWorkgroups
OpDecorate %lid BuiltIn LocalInvocationId
${INT_BUFFER_DECORATIONS}OpMemberDecorate %Args 0 Offset 0
OpMemberDecorate %Args 1 Offset 4
OpDecorate %Args Block
OpDecorate %args DescriptorSet 0
OpDecorate %args Binding 0
OpDecorate %out DescriptorSet 0
OpDecorate %out Binding 1
${INT_BUFFER_TYPES}%Args = OpTypeStruct %int %int
%pArgs = OpTypePointer Uniform %Args
%pArg = OpTypePointer Uniform %int
%pIn = OpTypePointer Input %v3uint
%pInU = OpTypePointer Input %uint
%gid = OpVariable %pIn Input
%nwg = OpVariable %pIn Input
%lid = OpVariable %pIn Input
%args = OpVariable %pArgs Uniform
%out = OpVariable %pBuf StorageBuffer
%int_0 = OpConstant %int 0
%int_1 = OpConstant %int 1
%uint_0 = OpConstant %uint 0
%uint_1 = OpConstant %uint 1
%uint_group = OpConstant %uint ${GROUP}
%int_4096 = OpConstant %int 4096
%main = OpFunction %void None %fnty
%entry = OpLabel
%pn = OpAccessChain %pArg %args %int_0
%n = OpLoad %int %pn
%pb = OpAccessChain %pArg %args %int_1
%b = OpLoad %int %pb
${shape.end ?? '%end = OpExtInst %int %glsl SMax %int_0 %n'}
%pgx = OpAccessChain %pInU %gid %uint_0
%gx = OpLoad %uint %pgx
%gxi = OpBitcast %int %gx
%start = OpIAdd %int %gxi %b
%pnx = OpAccessChain %pInU %nwg %uint_0
%nx = OpLoad %uint %pnx
%total = OpIMul %uint %nx %uint_group
%stride = OpBitcast %int %total
${shape.pre ?? ''}
OpBranch %header
%header = OpLabel
%i = OpPhi %int %start %entry %next %cont
%in = OpSLessThan %bool %i %end
OpLoopMerge %merge %cont None
OpBranchConditional %in %body %merge
%body = OpLabel
%po = OpAccessChain %pInt %out %int_0 %i
%old = OpAtomicIAdd %int %po %uint_1 %uint_0 ${shape.addend ?? '%int_1'}
${shape.body ?? ''}
OpBranch %cont
%cont = OpLabel
%next = OpIAdd %int %i ${shape.step ?? '%stride'}
${shape.cont ?? ''}
OpBranch %header
%merge = OpLabel
${shape.post ?? ''}
OpReturn
OpFunctionEnd
`;
}

const word = (offset: number): BoundExpr => ({ op: 'word', set: 0, binding: 0, offset });

let device: GPUDevice;
let spirv: SpirvCompiler;

beforeAll(async () => {
  device = await createDevice();
  spirv = new SpirvCompiler();
});

afterAll(() => {
  spirv?.dispose();
  device?.destroy();
});

describe('grid-stride analysis', () => {
  it("finds Taichi's loop and gives begin and end over the args uniform", () => {
    const r = translateSpirv(spirv.asm(module()));
    expect(r.gridStride).toEqual({ groupSize: GROUP, begin: word(4), end: { op: 'max', a: { op: 'const', value: 0 }, b: word(0) } });
  });

  it('finds it in the fixtures: the fill task bounds its loop by the product of the clamped shape', () => {
    const files = unzipSync(fixtureBytes('android_fill_matmul.tcm'));
    const r = translateSpirv(new Uint32Array(files['fill_c78_0_0_t00.spv'].slice().buffer));
    const dim = (offset: number): BoundExpr => ({ op: 'max', a: { op: 'const', value: 0 }, b: word(offset) });
    expect(r.gridStride).toEqual({ groupSize: 128, begin: { op: 'const', value: 0 }, end: { op: 'sub', a: { op: 'mul', a: dim(0), b: dim(4) }, b: { op: 'const', value: 0 } } });
  });

  const refusals: [string, Shape][] = [
    ['a store after the loop', { post: '%p0 = OpAccessChain %pInt %out %int_0 %int_0\nOpStore %p0 %int_1' }],
    ['a store before the loop', { pre: '%p0 = OpAccessChain %pInt %out %int_0 %int_0\nOpStore %p0 %int_1' }],
    ['an atomic before the loop', { pre: '%p0 = OpAccessChain %pInt %out %int_0 %int_0\n%a0 = OpAtomicIAdd %int %p0 %uint_1 %uint_0 %int_1' }],
    ['a break out of the loop', { body: '%c = OpSLessThan %bool %i %int_4096\nOpSelectionMerge %go None\nOpBranchConditional %c %go %merge\n%go = OpLabel' }],
    ['a return inside the loop', { body: '%c = OpSLessThan %bool %i %int_4096\nOpSelectionMerge %go None\nOpBranchConditional %c %go %ret\n%ret = OpLabel\nOpReturn\n%go = OpLabel' }],
    ['a constant step', { step: '%int_4096' }],
    ['the step used in the body', { addend: '%stride' }],
    ['gid read again in the body', { body: '%pgx2 = OpAccessChain %pInU %gid %uint_0\n%gx2 = OpLoad %uint %pgx2' }],
    ['gid.x used in the body', { body: '%g2 = OpIAdd %int %gxi %int_1' }],
    ['the loaded gid.x used in the body', { body: '%g2 = OpIAdd %uint %gx %uint_1' }],
    ["the step's product used in the body", { body: '%t2 = OpIAdd %uint %total %uint_1' }],
    ['the next index used in the loop', { cont: '%pn2 = OpAccessChain %pInt %out %int_0 %next\n%o2 = OpAtomicIAdd %int %pn2 %uint_1 %uint_0 %int_1' }],
    ['local_invocation_id read', { body: '%plx = OpAccessChain %pInU %lid %uint_0\n%lx = OpLoad %uint %plx' }],
    ['a workgroup of 64 x 2', { localSize: `${GROUP} 2 1` }],
    ['an end read from a storage buffer', { end: '%pe = OpAccessChain %pInt %out %int_0 %int_0\n%end = OpLoad %int %pe' }],
    ['an end from a division', { end: '%end = OpSDiv %int %n %int_1' }],
  ];
  it.each(refusals)('refuses %s', (_, shape) => {
    const r = translateSpirv(spirv.asm(module(shape)));
    expect(r.wgsl.length).toBeGreaterThan(0);
    expect(r.gridStride).toBeUndefined();
  });
});

describe('grid-stride analysis on the IR', () => {
  it("names the loop's header, phi, test, increment and begin, and leaves the IR as it was", () => {
    const { ir, main } = lifted(spirv.asm(module()));
    const text = JSON.stringify(main.fn.blocks.map((b) => [b.label, b.phis.length, b.body.map((i) => [i.op, i.id, Array.from(i.args)])]));
    const loop = findGridStrideLoop(ir)!;
    expect(JSON.stringify(main.fn.blocks.map((b) => [b.label, b.phis.length, b.body.map((i) => [i.op, i.id, Array.from(i.args)])]))).toBe(text);
    expect(loop.groupSize).toBe(GROUP);
    expect(loop.header.merge?.op).toBe(Op.LoopMerge);
    expect(loop.header.phis).toContain(loop.phi);
    expect([loop.test.op, loop.test.args[0]]).toEqual([Op.SLessThan, loop.phi.id]);
    expect(loop.next.op).toBe(Op.IAdd);
    expect(Array.from(loop.next.args)).toContain(loop.phi.id);
    expect(main.fn.blocks[main.fn.blockIndex.get(loop.pre)!].term.args[0]).toBe(loop.header.label);
    expect(ir.globals.get(loop.invocationId)?.builtIn).toBe(BuiltIn.GlobalInvocationId);
    expect(loop.beginId).not.toBe(0);
    expect(loop.inside.has(loop.header.label) && !loop.inside.has(loop.pre)).toBe(true);
    expect(gridStrideBounds(loop)).toEqual({ groupSize: GROUP, begin: word(4), end: { op: 'max', a: { op: 'const', value: 0 }, b: word(0) } });
  });

  it('accepts a second read of gid only for one invocation (the index-order proof)', () => {
    const { ir } = lifted(spirv.asm(module({ body: '%pgx2 = OpAccessChain %pInU %gid %uint_0\n%gx2 = OpLoad %uint %pgx2' })));
    expect(findGridStrideLoop(ir)).toBeUndefined();
    expect(findGridStrideLoop(ir, { oneInvocation: true })).toBeDefined();
  });

  it('gives no bounds for a loop whose end is not an expression of uniform words', () => {
    const { ir } = lifted(spirv.asm(module({ end: '%end = OpSDiv %int %n %int_1' })));
    const loop = findGridStrideLoop(ir);
    expect(loop?.end).toBeUndefined();
    expect(gridStrideBounds(loop)).toBeUndefined();
  });
});

describe('grid-stride dispatch on Dawn', () => {
  /** out[i] after one dispatch of `groups` workgroups with args (n, begin). */
  async function counts(n: number, begin: number, groups: number): Promise<Int32Array> {
    const r = translateSpirv(spirv.asm(module()));
    const out = await run(device, r, { resources: { 0: { buffer: new Int32Array([n, begin, 0, 0]) }, 1: { buffer: SLOTS * 4 } }, groups: [groups, 1, 1] });
    return new Int32Array(out[1]);
  }

  const cases: [number, number][] = [
    [1000, 0],
    [1000, 10],
    [4096, 0],
    [5, 0],
    [3, 10],
    [0, 0],
    [-7, 0],
  ];
  it.each(cases)('n = %i, begin = %i: every iteration once on the full grid, the computed grid and one workgroup', async (n, begin) => {
    const r = translateSpirv(spirv.asm(module()));
    const args = [n, begin];
    const groups = gridStrideGroups(r.gridStride!, GROUPS, (_set, _binding, offset) => args[offset / 4]);
    const needed = Math.max(1, Math.ceil((n - begin) / GROUP));
    expect(groups).toBe(Math.min(GROUPS, needed));
    const expected = new Int32Array(SLOTS);
    for (let i = Math.max(begin, 0); i < Math.max(0, n); i++) expected[i] = 1;
    for (const g of new Set([GROUPS, groups, 1])) expect(Array.from(await counts(n, begin, g)), `${g} workgroups`).toEqual(Array.from(expected));
  });

  it('leaves a grid alone when its bound is unknown or its loop would wrap past INT32_MAX', () => {
    const r = translateSpirv(spirv.asm(module()));
    expect(gridStrideGroups(r.gridStride!, GROUPS, () => undefined)).toBe(GROUPS);
    expect(gridStrideGroups(r.gridStride!, GROUPS, (_s, _b, offset) => (offset === 0 ? 0x7fffffff : 0))).toBe(GROUPS);
    expect(gridStrideGroups(r.gridStride!, GROUPS, (_s, _b, offset) => (offset === 0 ? 100 : 0x7fffffff - 10))).toBe(GROUPS);
  });

  it("evaluates bounds with WGSL's wrapping i32 arithmetic", () => {
    const w = (values: number[]) => (_s: number, _b: number, offset: number) => values[offset / 4];
    const e: BoundExpr = { op: 'sub', a: { op: 'mul', a: word(0), b: word(4) }, b: { op: 'min', a: word(8), b: { op: 'const', value: -3 } } };
    expect(evaluateBound(e, w([65536, 65536, 5]))).toBe(3); // 2^32 wraps to 0; 0 - (-3)
    expect(evaluateBound(e, w([7, 6, -10]))).toBe(52);
    expect(evaluateBound(e, w([0xffffffff, 2, 0]))).toBe(1); // the word read as i32 -1: -2 - (-3)
  });
});

describe('index order (deterministic mode, passes/index-order.ts)', () => {
  /** As module(), with out[i] also getting the number of trips before it: 1 + (i - begin) in index order. */
  const ordered = (shape: Shape = {}) =>
    module({ ...shape, body: `%pc = OpAccessChain %pInt %out %int_0 %int_4096\n%seq = OpAtomicIAdd %int %pc %uint_1 %uint_0 %int_1\n%o3 = OpAtomicIAdd %int %po %uint_1 %uint_0 %seq\n${shape.body ?? ''}` });

  it('makes the workgroup one invocation and the step 1; every trip runs once, in index order, on one workgroup', async () => {
    const r = translateSpirv(spirv.asm(ordered()), { indexOrder: true });
    expect(r.workgroupSize).toEqual([1, 1, 1]);
    expect(r.oneInvocation).toBe(true);
    expect(r.gridStride).toBeUndefined();
    const [n, begin] = [1000, 10];
    const out = await run(device, r, { resources: { 0: { buffer: new Int32Array([n, begin, 0, 0]) }, 1: { buffer: SLOTS * 4 } }, groups: [1, 1, 1] });
    const got = new Int32Array(out[1]);
    const expected = new Int32Array(SLOTS);
    for (let i = begin; i < n; i++) expected[i] = 1 + (i - begin);
    expected[4096] = n - begin;
    expect(Array.from(got)).toEqual(Array.from(expected));
  });

  it("accepts what runs once on one invocation: gid read again (Taichi's random seeds), stores before and after the loop", () => {
    const store = '%p0 = OpAccessChain %pInt %out %int_0 %int_0\nOpStore %p0 %int_1';
    for (const shape of [{ body: '%pgx2 = OpAccessChain %pInU %gid %uint_0\n%gx2 = OpLoad %uint %pgx2' }, { pre: store }, { post: store }]) {
      expect(translateSpirv(spirv.asm(module(shape)), { indexOrder: true }).workgroupSize).toEqual([1, 1, 1]);
    }
  });

  /** module() with a workgroup barrier in its loop body. */
  const withBarrier = () =>
    module()
      .replace('%main = OpFunction', '%uint_2 = OpConstant %uint 2\n%uint_264 = OpConstant %uint 264\n%main = OpFunction')
      .replace('OpBranch %cont\n%cont', 'OpControlBarrier %uint_2 %uint_2 %uint_264\nOpBranch %cont\n%cont');
  const refusals: [string, string, string][] = [
    ['a barrier', withBarrier(), 'barriers'],
    ['local_invocation_id', module({ body: '%plx = OpAccessChain %pInU %lid %uint_0\n%lx = OpLoad %uint %plx' }), 'LocalInvocationId'],
    ['a wide workgroup with no grid-stride loop', module({ step: '%int_4096' }), 'no range-for'],
  ];
  it.each(refusals)('refuses %s, saying why', (_, text, reason) => {
    expect(() => translateSpirv(spirv.asm(text), { indexOrder: true })).toThrow(IndexOrderRefusal);
    expect(() => translateSpirv(spirv.asm(text), { indexOrder: true })).toThrow(reason);
  });
});
