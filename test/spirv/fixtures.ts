// Small GLSL sources shared by the per-step tests.
export const LOOP_GLSL = `#version 450
layout(local_size_x = 4, local_size_y = 2) in;
layout(std430, set = 1, binding = 3) buffer B { int o[]; };
void main() { for (int i = 0; i < 4; i++) { if (i == 2) continue; if (i == 3) break; o[i] = i; } }
`;

export const SWITCH_GLSL = `#version 450
layout(local_size_x = 1) in;
layout(std430, binding = 0) buffer B { int o[]; };
void main() {
  int x = o[0];
  switch (x) { case 1: o[1] = 1; break; case 2: case 3: o[1] = 2; break; default: o[1] = 3; }
  do { x--; } while (x > 0);
  o[2] = x;
}
`;

// The loop of LOOP_GLSL as glslang writes it, with the entry block branching into the middle
// of the loop body instead of to the loop header.
export const BRANCH_INTO_LOOP_ASM = `
OpCapability Shader
OpMemoryModel Logical GLSL450
OpEntryPoint GLCompute %main "main"
OpExecutionMode %main LocalSize 1 1 1
%void = OpTypeVoid
%3 = OpTypeFunction %void
%int = OpTypeInt 32 1
%bool = OpTypeBool
%int_0 = OpConstant %int 0
%int_1 = OpConstant %int 1
%int_4 = OpConstant %int 4
%ptr = OpTypePointer Function %int
%main = OpFunction %void None %3
%5 = OpLabel
%i = OpVariable %ptr Function
OpStore %i %int_0
OpBranch %11
%10 = OpLabel
OpLoopMerge %12 %13 None
OpBranch %14
%14 = OpLabel
%15 = OpLoad %int %i
%18 = OpSLessThan %bool %15 %int_4
OpBranchConditional %18 %11 %12
%11 = OpLabel
OpBranch %13
%13 = OpLabel
%33 = OpLoad %int %i
%35 = OpIAdd %int %33 %int_1
OpStore %i %35
OpBranch %10
%12 = OpLabel
OpReturn
OpFunctionEnd
`;
