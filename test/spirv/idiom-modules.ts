// SPIR-V modules in the shapes Taichi's codegen writes the idioms in (floor division, its loop
// form, shift pairs), for the passes' own tests and the end-to-end ones (idioms.test.ts).
import { INT_BUFFER_DECORATIONS, INT_BUFFER_TYPES } from './harness.js';

export const N = 256;

/** What the test modules share: types, storage buffers in (binding 0) and out (binding 1), constants 0-2. */
export const PRELUDE = `OpCapability Shader
%glsl = OpExtInstImport "GLSL.std.450"
OpMemoryModel Logical GLSL450
OpEntryPoint GLCompute %main "main" %gid
OpExecutionMode %main LocalSize 64 1 1
OpDecorate %gid BuiltIn GlobalInvocationId
${INT_BUFFER_DECORATIONS}OpDecorate %inbuf DescriptorSet 0
OpDecorate %inbuf Binding 0
OpDecorate %outbuf DescriptorSet 0
OpDecorate %outbuf Binding 1
${INT_BUFFER_TYPES}%pIn = OpTypePointer Input %v3uint
%gid = OpVariable %pIn Input
%inbuf = OpVariable %pBuf StorageBuffer
%outbuf = OpVariable %pBuf StorageBuffer
%int_0 = OpConstant %int 0
%int_1 = OpConstant %int 1
%int_2 = OpConstant %int 2
`;

/** Taichi's `%r = %a // %b` on i32, as its codegen writes it; `term` replaces the last condition term. */
export function floorDivision(term = '%inexact = OpINotEqual %bool %prod %a'): string {
  return `%q = OpSDiv %int %a %b
%aneg = OpSLessThan %bool %a %int_0
%bneg = OpSLessThan %bool %b %int_0
%prod = OpIMul %int %b %q
%signs = OpLogicalNotEqual %bool %aneg %bneg
%anz = OpINotEqual %bool %a %int_0
${term}
%c1 = OpLogicalAnd %bool %signs %anz
%c = OpLogicalAnd %bool %c1 %inexact
%s = OpSelect %int %c %int_1 %int_0
%r = OpISub %int %q %s`;
}

/** An entry point where thread %i runs `body`, which computes %r, and stores it to out[i]. */
export function perThread(body: string, constants = ''): string {
  return `
${PRELUDE}${constants}%main = OpFunction %void None %fnty
%entry = OpLabel
%g = OpLoad %v3uint %gid
%gx = OpCompositeExtract %uint %g 0
%i = OpBitcast %int %gx
${body}
%po = OpAccessChain %pInt %outbuf %int_0 %i
OpStore %po %r
OpReturn
OpFunctionEnd
`;
}

/**
 * out[i] = <sequence>(in[2i], in[2i+1]), written the way Taichi's codegen writes `a // b`.
 * `term` replaces the last condition term, to build near-misses; `clamp` divides by max(b, 0).
 */
export function module(term = '%inexact = OpINotEqual %bool %prod %a', clamp = false): string {
  return perThread(`%i2 = OpIMul %int %i %int_2
%i21 = OpIAdd %int %i2 %int_1
%pa = OpAccessChain %pInt %inbuf %int_0 %i2
%pb = OpAccessChain %pInt %inbuf %int_0 %i21
%a = OpLoad %int %pa
${clamp ? '%braw = OpLoad %int %pb\n%b = OpExtInst %int %glsl SMax %braw %int_0' : '%b = OpLoad %int %pb'}
${floorDivision(term)}`);
}


export const ITER = 8;
export const LOOP_THREADS = 64;

/**
 * Thread t: a = start[t], then out[t * ITER + k] = q = floor(a / max(d, 0)) and, in the second
 * and third parts of out, the remainder r = a - q * max(d, 0) and Taichi's joined index
 * q * d + r, for the first ITER iterations, a += step, as a loop with phis like Taichi's grid-stride loops (in[0] = d,
 * in[1] = step, in[2] = n, in[3 + t] = start). `guarded`: the loop runs while a < n (Taichi's
 * form, whose bound rules out wrap-around); otherwise while k < ITER.
 */
export function loopModule(guarded: boolean): string {
  return `
${PRELUDE}%int_3 = OpConstant %int 3
%int_iter = OpConstant %int ${ITER}
%int_half = OpConstant %int ${LOOP_THREADS * ITER}
%int_twohalves = OpConstant %int ${2 * LOOP_THREADS * ITER}
%main = OpFunction %void None %fnty
%entry = OpLabel
%g = OpLoad %v3uint %gid
%gx = OpCompositeExtract %uint %g 0
%t = OpBitcast %int %gx
%pd = OpAccessChain %pInt %inbuf %int_0 %int_0
%ps = OpAccessChain %pInt %inbuf %int_0 %int_1
%pn = OpAccessChain %pInt %inbuf %int_0 %int_2
%t3 = OpIAdd %int %t %int_3
%pp = OpAccessChain %pInt %inbuf %int_0 %t3
%draw = OpLoad %int %pd
%b = OpExtInst %int %glsl SMax %draw %int_0
%step = OpLoad %int %ps
%n = OpLoad %int %pn
%start = OpLoad %int %pp
%base = OpIMul %int %t %int_iter
OpBranch %header
%header = OpLabel
%a = OpPhi %int %start %entry %anext %cont
%k = OpPhi %int %int_0 %entry %knext %cont
%more = ${guarded ? 'OpSLessThan %bool %a %n' : 'OpSLessThan %bool %k %int_iter'}
OpLoopMerge %merge %cont None
OpBranchConditional %more %body %merge
%body = OpLabel
${floorDivision()}
%rb = OpIMul %int %r %b
%m = OpISub %int %a %rb
%rs = OpIMul %int %r %draw
%rel = OpIAdd %int %rs %m
%keep = OpSLessThan %bool %k %int_iter
OpSelectionMerge %cont None
OpBranchConditional %keep %write %cont
%write = OpLabel
%o = OpIAdd %int %base %k
%po = OpAccessChain %pInt %outbuf %int_0 %o
OpStore %po %r
%o2 = OpIAdd %int %o %int_half
%po2 = OpAccessChain %pInt %outbuf %int_0 %o2
OpStore %po2 %m
%o3 = OpIAdd %int %o %int_twohalves
%po3 = OpAccessChain %pInt %outbuf %int_0 %o3
OpStore %po3 %rel
OpBranch %cont
%cont = OpLabel
%anext = OpIAdd %int %a %step
%knext = OpIAdd %int %k %int_1
OpBranch %header
%merge = OpLabel
OpReturn
OpFunctionEnd
`;
}

/**
 * Taichi's other loop form (its ndarray index split with bare truncating divisions): thread t,
 * a = start[t], while a < n: q = a / d, m = a - d * q and the joined index
 * (q - M * (q / M)) * d + m, for the first ITER iterations, a += step (in[0] = d, in[1] = step,
 * in[2] = n, in[3] = M, in[4 + t] = start).
 */
export function truncLoopModule(): string {
  return `
${PRELUDE}%int_3 = OpConstant %int 3
%int_4 = OpConstant %int 4
%int_iter = OpConstant %int ${ITER}
%int_half = OpConstant %int ${LOOP_THREADS * ITER}
%int_twohalves = OpConstant %int ${2 * LOOP_THREADS * ITER}
%main = OpFunction %void None %fnty
%entry = OpLabel
%g = OpLoad %v3uint %gid
%gx = OpCompositeExtract %uint %g 0
%t = OpBitcast %int %gx
%pd = OpAccessChain %pInt %inbuf %int_0 %int_0
%ps = OpAccessChain %pInt %inbuf %int_0 %int_1
%pn = OpAccessChain %pInt %inbuf %int_0 %int_2
%pm = OpAccessChain %pInt %inbuf %int_0 %int_3
%t4 = OpIAdd %int %t %int_4
%pp = OpAccessChain %pInt %inbuf %int_0 %t4
%b = OpLoad %int %pd
%step = OpLoad %int %ps
%n = OpLoad %int %pn
%mod = OpLoad %int %pm
%start = OpLoad %int %pp
%base = OpIMul %int %t %int_iter
OpBranch %header
%header = OpLabel
%a = OpPhi %int %start %entry %anext %cont
%k = OpPhi %int %int_0 %entry %knext %cont
%more = OpSLessThan %bool %a %n
OpLoopMerge %merge %cont None
OpBranchConditional %more %body %merge
%body = OpLabel
%r = OpSDiv %int %a %b
%qb = OpIMul %int %b %r
%m = OpISub %int %a %qb
%qm = OpSDiv %int %r %mod
%qmm = OpIMul %int %mod %qm
%wrapped = OpISub %int %r %qmm
%rs = OpIMul %int %wrapped %b
%rel = OpIAdd %int %rs %m
%keep = OpSLessThan %bool %k %int_iter
OpSelectionMerge %cont None
OpBranchConditional %keep %write %cont
%write = OpLabel
%o = OpIAdd %int %base %k
%po = OpAccessChain %pInt %outbuf %int_0 %o
OpStore %po %r
%o2 = OpIAdd %int %o %int_half
%po2 = OpAccessChain %pInt %outbuf %int_0 %o2
OpStore %po2 %m
%o3 = OpIAdd %int %o %int_twohalves
%po3 = OpAccessChain %pInt %outbuf %int_0 %o3
OpStore %po3 %rel
OpBranch %cont
%cont = OpLabel
%anext = OpIAdd %int %a %step
%knext = OpIAdd %int %k %int_1
OpBranch %header
%merge = OpLabel
OpReturn
OpFunctionEnd
`;
}
