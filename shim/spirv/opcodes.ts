// SPIR-V opcode numbers (SPIR-V 1.6 unified spec, section 3.49) and whether each instruction
// carries a result type and a result id. Opcodes absent from this table are rejected as unknown.

// Bit flags of OPCODE_INFO: known opcode, has result id, has result type.
export const KNOWN = 1;
export const HAS_RESULT = 2;
export const HAS_TYPE = 4;

const NONE = KNOWN;
const R = KNOWN | HAS_RESULT;
const TR = KNOWN | HAS_RESULT | HAS_TYPE;

export const Op = {
  Nop: 0, Undef: 1, SourceContinued: 2, Source: 3, SourceExtension: 4, Name: 5, MemberName: 6,
  String: 7, Line: 8, Extension: 10, ExtInstImport: 11, ExtInst: 12, MemoryModel: 14,
  EntryPoint: 15, ExecutionMode: 16, Capability: 17, TypeVoid: 19, TypeBool: 20, TypeInt: 21,
  TypeFloat: 22, TypeVector: 23, TypeMatrix: 24, TypeImage: 25, TypeSampler: 26,
  TypeSampledImage: 27, TypeArray: 28, TypeRuntimeArray: 29, TypeStruct: 30, TypeOpaque: 31,
  TypePointer: 32, TypeFunction: 33, TypeForwardPointer: 39, ConstantTrue: 41, ConstantFalse: 42,
  Constant: 43, ConstantComposite: 44, ConstantSampler: 45, ConstantNull: 46,
  SpecConstantTrue: 48, SpecConstantFalse: 49, SpecConstant: 50, SpecConstantComposite: 51,
  SpecConstantOp: 52, Function: 54, FunctionParameter: 55, FunctionEnd: 56, FunctionCall: 57,
  Variable: 59, ImageTexelPointer: 60, Load: 61, Store: 62, CopyMemory: 63, CopyMemorySized: 64,
  AccessChain: 65, InBoundsAccessChain: 66, PtrAccessChain: 67, ArrayLength: 68,
  InBoundsPtrAccessChain: 70, Decorate: 71, MemberDecorate: 72, DecorationGroup: 73,
  GroupDecorate: 74, GroupMemberDecorate: 75, VectorExtractDynamic: 77, VectorInsertDynamic: 78,
  VectorShuffle: 79, CompositeConstruct: 80, CompositeExtract: 81, CompositeInsert: 82,
  CopyObject: 83, Transpose: 84, SampledImage: 86, ImageSampleImplicitLod: 87,
  ImageSampleExplicitLod: 88, ImageSampleDrefImplicitLod: 89, ImageSampleDrefExplicitLod: 90,
  ImageSampleProjImplicitLod: 91, ImageSampleProjExplicitLod: 92,
  ImageSampleProjDrefImplicitLod: 93, ImageSampleProjDrefExplicitLod: 94, ImageFetch: 95,
  ImageGather: 96, ImageDrefGather: 97, ImageRead: 98, ImageWrite: 99, Image: 100,
  ImageQueryFormat: 101, ImageQueryOrder: 102, ImageQuerySizeLod: 103, ImageQuerySize: 104,
  ImageQueryLod: 105, ImageQueryLevels: 106, ImageQuerySamples: 107, ConvertFToU: 109,
  ConvertFToS: 110, ConvertSToF: 111, ConvertUToF: 112, UConvert: 113, SConvert: 114,
  FConvert: 115, QuantizeToF16: 116, Bitcast: 124, SNegate: 126, FNegate: 127, IAdd: 128,
  FAdd: 129, ISub: 130, FSub: 131, IMul: 132, FMul: 133, UDiv: 134, SDiv: 135, FDiv: 136,
  UMod: 137, SRem: 138, SMod: 139, FRem: 140, FMod: 141, VectorTimesScalar: 142,
  MatrixTimesScalar: 143, VectorTimesMatrix: 144, MatrixTimesVector: 145,
  MatrixTimesMatrix: 146, OuterProduct: 147, Dot: 148, IAddCarry: 149, ISubBorrow: 150,
  UMulExtended: 151, SMulExtended: 152, Any: 154, All: 155, IsNan: 156, IsInf: 157,
  IsFinite: 158, IsNormal: 159, SignBitSet: 160, LessOrGreater: 161, Ordered: 162,
  Unordered: 163, LogicalEqual: 164, LogicalNotEqual: 165, LogicalOr: 166, LogicalAnd: 167,
  LogicalNot: 168, Select: 169, IEqual: 170, INotEqual: 171, UGreaterThan: 172,
  SGreaterThan: 173, UGreaterThanEqual: 174, SGreaterThanEqual: 175, ULessThan: 176,
  SLessThan: 177, ULessThanEqual: 178, SLessThanEqual: 179, FOrdEqual: 180, FUnordEqual: 181,
  FOrdNotEqual: 182, FUnordNotEqual: 183, FOrdLessThan: 184, FUnordLessThan: 185,
  FOrdGreaterThan: 186, FUnordGreaterThan: 187, FOrdLessThanEqual: 188,
  FUnordLessThanEqual: 189, FOrdGreaterThanEqual: 190, FUnordGreaterThanEqual: 191,
  ShiftRightLogical: 194, ShiftRightArithmetic: 195, ShiftLeftLogical: 196, BitwiseOr: 197,
  BitwiseXor: 198, BitwiseAnd: 199, Not: 200, BitFieldInsert: 201, BitFieldSExtract: 202,
  BitFieldUExtract: 203, BitReverse: 204, BitCount: 205, DPdx: 207, DPdy: 208, Fwidth: 209,
  ControlBarrier: 224, MemoryBarrier: 225, AtomicLoad: 227, AtomicStore: 228,
  AtomicExchange: 229, AtomicCompareExchange: 230, AtomicCompareExchangeWeak: 231,
  AtomicIIncrement: 232, AtomicIDecrement: 233, AtomicIAdd: 234, AtomicISub: 235,
  AtomicSMin: 236, AtomicUMin: 237, AtomicSMax: 238, AtomicUMax: 239, AtomicAnd: 240,
  AtomicOr: 241, AtomicXor: 242, Phi: 245, LoopMerge: 246, SelectionMerge: 247, Label: 248,
  Branch: 249, BranchConditional: 250, Switch: 251, Kill: 252, Return: 253, ReturnValue: 254,
  Unreachable: 255, LifetimeStart: 256, LifetimeStop: 257, NoLine: 317, ModuleProcessed: 330,
  GroupNonUniformElect: 333, GroupNonUniformAll: 334, GroupNonUniformAny: 335,
  GroupNonUniformAllEqual: 336, GroupNonUniformBroadcast: 337, GroupNonUniformBroadcastFirst: 338,
  GroupNonUniformBallot: 339, GroupNonUniformShuffle: 345, GroupNonUniformShuffleXor: 346,
  GroupNonUniformShuffleUp: 347, GroupNonUniformShuffleDown: 348, GroupNonUniformIAdd: 349,
  GroupNonUniformFAdd: 350, GroupNonUniformIMul: 351, GroupNonUniformFMul: 352,
  GroupNonUniformSMin: 353, GroupNonUniformUMin: 354, GroupNonUniformFMin: 355,
  GroupNonUniformSMax: 356, GroupNonUniformUMax: 357, GroupNonUniformFMax: 358,
  GroupNonUniformBitwiseAnd: 359, GroupNonUniformBitwiseOr: 360, GroupNonUniformBitwiseXor: 361,
  ExecutionModeId: 331, DecorateId: 332, CopyLogical: 400, PtrEqual: 401, PtrNotEqual: 402,
  TerminateInvocation: 4416, DecorateString: 5632, MemberDecorateString: 5633,
  AtomicFMinEXT: 5614, AtomicFMaxEXT: 5615, AtomicFAddEXT: 6035,
} as const;

/** The first and last opcodes of SPIR-V's non-uniform group (subgroup) instructions this table knows. */
export const GROUP_NON_UNIFORM_FIRST = 333;
export const GROUP_NON_UNIFORM_LAST = 361;

/** A non-uniform group (subgroup) instruction. */
export function isSubgroupOp(op: number): boolean {
  return op >= GROUP_NON_UNIFORM_FIRST && op <= GROUP_NON_UNIFORM_LAST;
}

/** The subgroup instructions with a GroupOperation operand: scope, operation, value. */
export function isSubgroupArithmetic(op: number): boolean {
  return op >= 349 && op <= GROUP_NON_UNIFORM_LAST;
}

const INFO: Array<[number, number]> = [
  [Op.Nop, NONE], [Op.Undef, TR], [Op.SourceContinued, NONE], [Op.Source, NONE],
  [Op.SourceExtension, NONE], [Op.Name, NONE], [Op.MemberName, NONE], [Op.String, R],
  [Op.Line, NONE], [Op.Extension, NONE], [Op.ExtInstImport, R], [Op.ExtInst, TR],
  [Op.MemoryModel, NONE], [Op.EntryPoint, NONE], [Op.ExecutionMode, NONE], [Op.Capability, NONE],
  [Op.TypeVoid, R], [Op.TypeBool, R], [Op.TypeInt, R], [Op.TypeFloat, R], [Op.TypeVector, R],
  [Op.TypeMatrix, R], [Op.TypeImage, R], [Op.TypeSampler, R], [Op.TypeSampledImage, R],
  [Op.TypeArray, R], [Op.TypeRuntimeArray, R], [Op.TypeStruct, R], [Op.TypeOpaque, R],
  [Op.TypePointer, R], [Op.TypeFunction, R], [Op.TypeForwardPointer, NONE],
  [Op.ConstantTrue, TR], [Op.ConstantFalse, TR], [Op.Constant, TR], [Op.ConstantComposite, TR],
  [Op.ConstantSampler, TR], [Op.ConstantNull, TR], [Op.SpecConstantTrue, TR],
  [Op.SpecConstantFalse, TR], [Op.SpecConstant, TR], [Op.SpecConstantComposite, TR],
  [Op.SpecConstantOp, TR], [Op.Function, TR], [Op.FunctionParameter, TR], [Op.FunctionEnd, NONE],
  [Op.FunctionCall, TR], [Op.Variable, TR], [Op.ImageTexelPointer, TR], [Op.Load, TR],
  [Op.Store, NONE], [Op.CopyMemory, NONE], [Op.CopyMemorySized, NONE], [Op.AccessChain, TR],
  [Op.InBoundsAccessChain, TR], [Op.PtrAccessChain, TR], [Op.ArrayLength, TR],
  [Op.InBoundsPtrAccessChain, TR], [Op.Decorate, NONE], [Op.MemberDecorate, NONE],
  [Op.DecorationGroup, R], [Op.GroupDecorate, NONE], [Op.GroupMemberDecorate, NONE],
  [Op.VectorExtractDynamic, TR], [Op.VectorInsertDynamic, TR], [Op.VectorShuffle, TR],
  [Op.CompositeConstruct, TR], [Op.CompositeExtract, TR], [Op.CompositeInsert, TR],
  [Op.CopyObject, TR], [Op.Transpose, TR], [Op.SampledImage, TR],
  [Op.ImageSampleImplicitLod, TR], [Op.ImageSampleExplicitLod, TR],
  [Op.ImageSampleDrefImplicitLod, TR], [Op.ImageSampleDrefExplicitLod, TR],
  [Op.ImageSampleProjImplicitLod, TR], [Op.ImageSampleProjExplicitLod, TR],
  [Op.ImageSampleProjDrefImplicitLod, TR], [Op.ImageSampleProjDrefExplicitLod, TR],
  [Op.ImageFetch, TR], [Op.ImageGather, TR], [Op.ImageDrefGather, TR], [Op.ImageRead, TR],
  [Op.ImageWrite, NONE], [Op.Image, TR], [Op.ImageQueryFormat, TR], [Op.ImageQueryOrder, TR],
  [Op.ImageQuerySizeLod, TR], [Op.ImageQuerySize, TR], [Op.ImageQueryLod, TR],
  [Op.ImageQueryLevels, TR], [Op.ImageQuerySamples, TR], [Op.ConvertFToU, TR],
  [Op.ConvertFToS, TR], [Op.ConvertSToF, TR], [Op.ConvertUToF, TR], [Op.UConvert, TR],
  [Op.SConvert, TR], [Op.FConvert, TR], [Op.QuantizeToF16, TR], [Op.Bitcast, TR],
  [Op.SNegate, TR], [Op.FNegate, TR], [Op.IAdd, TR], [Op.FAdd, TR], [Op.ISub, TR], [Op.FSub, TR],
  [Op.IMul, TR], [Op.FMul, TR], [Op.UDiv, TR], [Op.SDiv, TR], [Op.FDiv, TR], [Op.UMod, TR],
  [Op.SRem, TR], [Op.SMod, TR], [Op.FRem, TR], [Op.FMod, TR], [Op.VectorTimesScalar, TR],
  [Op.MatrixTimesScalar, TR], [Op.VectorTimesMatrix, TR], [Op.MatrixTimesVector, TR],
  [Op.MatrixTimesMatrix, TR], [Op.OuterProduct, TR], [Op.Dot, TR], [Op.IAddCarry, TR],
  [Op.ISubBorrow, TR], [Op.UMulExtended, TR], [Op.SMulExtended, TR], [Op.Any, TR], [Op.All, TR],
  [Op.IsNan, TR], [Op.IsInf, TR], [Op.IsFinite, TR], [Op.IsNormal, TR], [Op.SignBitSet, TR],
  [Op.LessOrGreater, TR], [Op.Ordered, TR], [Op.Unordered, TR], [Op.LogicalEqual, TR],
  [Op.LogicalNotEqual, TR], [Op.LogicalOr, TR], [Op.LogicalAnd, TR], [Op.LogicalNot, TR],
  [Op.Select, TR], [Op.IEqual, TR], [Op.INotEqual, TR], [Op.UGreaterThan, TR],
  [Op.SGreaterThan, TR], [Op.UGreaterThanEqual, TR], [Op.SGreaterThanEqual, TR],
  [Op.ULessThan, TR], [Op.SLessThan, TR], [Op.ULessThanEqual, TR], [Op.SLessThanEqual, TR],
  [Op.FOrdEqual, TR], [Op.FUnordEqual, TR], [Op.FOrdNotEqual, TR], [Op.FUnordNotEqual, TR],
  [Op.FOrdLessThan, TR], [Op.FUnordLessThan, TR], [Op.FOrdGreaterThan, TR],
  [Op.FUnordGreaterThan, TR], [Op.FOrdLessThanEqual, TR], [Op.FUnordLessThanEqual, TR],
  [Op.FOrdGreaterThanEqual, TR], [Op.FUnordGreaterThanEqual, TR], [Op.ShiftRightLogical, TR],
  [Op.ShiftRightArithmetic, TR], [Op.ShiftLeftLogical, TR], [Op.BitwiseOr, TR],
  [Op.BitwiseXor, TR], [Op.BitwiseAnd, TR], [Op.Not, TR], [Op.BitFieldInsert, TR],
  [Op.BitFieldSExtract, TR], [Op.BitFieldUExtract, TR], [Op.BitReverse, TR], [Op.BitCount, TR],
  [Op.DPdx, TR], [Op.DPdy, TR], [Op.Fwidth, TR], [Op.ControlBarrier, NONE],
  [Op.MemoryBarrier, NONE], [Op.AtomicLoad, TR], [Op.AtomicStore, NONE], [Op.AtomicExchange, TR],
  [Op.AtomicCompareExchange, TR], [Op.AtomicCompareExchangeWeak, TR], [Op.AtomicIIncrement, TR],
  [Op.AtomicIDecrement, TR], [Op.AtomicIAdd, TR], [Op.AtomicISub, TR], [Op.AtomicSMin, TR],
  [Op.AtomicUMin, TR], [Op.AtomicSMax, TR], [Op.AtomicUMax, TR], [Op.AtomicAnd, TR],
  [Op.AtomicOr, TR], [Op.AtomicXor, TR], [Op.Phi, TR], [Op.LoopMerge, NONE],
  [Op.SelectionMerge, NONE], [Op.Label, R], [Op.Branch, NONE], [Op.BranchConditional, NONE],
  [Op.Switch, NONE], [Op.Kill, NONE], [Op.Return, NONE], [Op.ReturnValue, NONE],
  [Op.Unreachable, NONE], [Op.LifetimeStart, NONE], [Op.LifetimeStop, NONE], [Op.NoLine, NONE],
  [Op.ModuleProcessed, NONE], [Op.ExecutionModeId, NONE], [Op.DecorateId, NONE],
  [Op.CopyLogical, TR], [Op.PtrEqual, TR], [Op.PtrNotEqual, TR], [Op.TerminateInvocation, NONE],
  [Op.DecorateString, NONE], [Op.MemberDecorateString, NONE], [Op.AtomicFMinEXT, TR],
  [Op.AtomicFMaxEXT, TR], [Op.AtomicFAddEXT, TR],
  ...Object.values(Op).filter((op) => op >= GROUP_NON_UNIFORM_FIRST && op <= GROUP_NON_UNIFORM_LAST).map((op): [number, number] => [op, TR]),
];

export const OPCODE_INFO = new Uint8Array(65536);
const NAMES = new Map<number, string>();
for (const [op, flags] of INFO) OPCODE_INFO[op] = flags;
for (const [name, op] of Object.entries(Op)) NAMES.set(op, name);

export function opName(op: number): string {
  return 'Op' + (NAMES.get(op) ?? `Unknown${op}`);
}

export const StorageClass = {
  UniformConstant: 0, Input: 1, Uniform: 2, Output: 3, Workgroup: 4, CrossWorkgroup: 5,
  Private: 6, Function: 7, Generic: 8, PushConstant: 9, AtomicCounter: 10, Image: 11,
  StorageBuffer: 12,
} as const;

export const Decoration = {
  SpecId: 1, Block: 2, BufferBlock: 3, RowMajor: 4, ColMajor: 5, ArrayStride: 6, MatrixStride: 7,
  BuiltIn: 11, NonWritable: 24, NonReadable: 25, Binding: 33, DescriptorSet: 34, Offset: 35,
} as const;

export const BuiltIn = {
  NumWorkgroups: 24, WorkgroupSize: 25, WorkgroupId: 26, LocalInvocationId: 27,
  GlobalInvocationId: 28, LocalInvocationIndex: 29, SubgroupSize: 36, SubgroupLocalInvocationId: 41,
} as const;

/** The GroupOperation operand of the arithmetic subgroup instructions. */
export const GroupOperation = { Reduce: 0, InclusiveScan: 1, ExclusiveScan: 2 } as const;

/** Scope operand values. */
export const Scope = { Subgroup: 3 } as const;

export const ExecutionModel = { GLCompute: 5 } as const;
export const ExecutionMode = { LocalSize: 17, LocalSizeId: 38 } as const;
