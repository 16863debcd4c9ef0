// The module-level facts of the IR: types with their explicit layout, constants, and module-scope
// variables with their bindings and built-ins. SPIR-V keeps these in separate tables (types,
// OpDecorate and OpMemberDecorate by target id); lift.ts folds each decoration into the thing it
// decorates, as naga's and Tint's IRs do, so the passes and the printer read one record per id.
import type { Constant, SpirvType } from '../parse.js';

/** A struct member's place under SPIR-V's explicit layout (Offset, MatrixStride, RowMajor). */
export interface MemberLayout {
  offset?: number;
  matrixStride?: number;
  rowMajor?: boolean;
}

/** A SPIR-V type; arrays carry their ArrayStride, structs their members' layout and BufferBlock. */
export type IrType =
  | Exclude<SpirvType, { kind: 'array' | 'runtime-array' | 'struct' }>
  | { kind: 'array'; elem: number; length: number; stride?: number }
  | { kind: 'runtime-array'; elem: number; stride?: number }
  /** `bufferBlock`: an old-style storage buffer (a Uniform variable the shader may write). */
  | { kind: 'struct'; members: number[]; layout: MemberLayout[]; bufferBlock: boolean };

export type IrConstant = Constant;

/** A module-scope variable with its DescriptorSet, Binding, BuiltIn and debug name. */
export interface IrGlobal {
  id: number;
  /** Its pointer type. */
  type: number;
  pointee: number;
  storage: number;
  /** The initializer's id; 0 when none. */
  init: number;
  offset: number;
  set?: number;
  binding?: number;
  builtIn?: number;
  name?: string;
}

/** The entry point and how its workgroup size is given. */
export interface IrEntry {
  name: string;
  /** Its function's id. */
  fn: number;
  offset: number;
  /** LocalSize's three literals, when the module gives them. */
  localSize?: [number, number, number];
  /** LocalSizeId's three constant ids, when the module gives them. */
  localSizeId?: [number, number, number];
  /** The composite constant decorated BuiltIn WorkgroupSize, which overrides both; 0 when none. */
  sizeConstant: number;
}

/** What the facts helpers below read: an IrModule has them, so do tests' small tables. */
export interface IrFacts {
  types: ReadonlyMap<number, IrType>;
  constants: ReadonlyMap<number, IrConstant>;
}

/** A one-word scalar constant's bits as an i32 (OpConstantNull: 0); undefined for other ids. */
export function intConstant(facts: IrFacts, id: number): number | undefined {
  const c = facts.constants.get(id);
  if (c === undefined) return undefined;
  if (c.kind === 'null') return 0;
  return c.kind === 'scalar' && c.words.length === 1 ? c.words[0] | 0 : undefined;
}

/** A 32-bit integer type, signed or not. */
export function isScalarI32(facts: IrFacts, type: number): boolean {
  const t = facts.types.get(type);
  return t !== undefined && t.kind === 'int' && t.width === 32;
}

/** Whether a Uniform variable of type `pointee` is an old-style storage buffer (BufferBlock). */
export function isBufferBlock(facts: IrFacts, pointee: number): boolean {
  const t = facts.types.get(pointee);
  return t?.kind === 'struct' && t.bufferBlock;
}
