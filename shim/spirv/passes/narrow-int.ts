// 8- and 16-bit integers, which WGSL lacks, become 32-bit words, exactly. Taichi needs 16-bit ones
// for every 16-bit ndarray (it reads an f16 element as a u16 and bitcasts it to half), and 8-bit
// ones for u8 and i8 ndarrays and fields (images, masks, cell states).
//
// - Every narrow value is held in a 32-bit one in canonical form: sign-extended for a signed type,
//   zero-extended for an unsigned one. An operation that can leave that form (add, multiply, shift
//   left, truncating conversion...) is followed by a re-canonicalization; one whose meaning depends
//   on the upper bits (signed or unsigned division, comparison, right shift, extension) first brings
//   its operands to the form its opcode reads, whatever the operand's declared signedness.
// - A storage array of narrow elements (ArrayStride 2 or 1) becomes an array of 32-bit words, each
//   holding two or four elements, little end first as the bytes lie. A load extracts its lane; a
//   store clears and sets its lane with atomicAnd and atomicOr, since a neighbouring invocation may
//   write another lane of the same word at the same time.
// - A narrow member of a uniform block (a kernel's scalar argument) is read from its word, shifted
//   down to its lane.
// What has no exact 32-bit form (narrow atomics, vectors of narrow integers, narrow members of
// storage structs, ArrayLength of a packed array) is refused by name.
import { SpirvTranslationError } from '../errors.js';
import { Decoration, HAS_RESULT, HAS_TYPE, Op, OPCODE_INFO, opName, StorageClass } from '../opcodes.js';

const STD450 = { SAbs: 5, SSign: 7, FindILsb: 73, FindSMsb: 74, FindUMsb: 75, UMin: 38, SMin: 39, UMax: 41, SMax: 42, UClamp: 44, SClamp: 45 } as const;
const STD450_SIGNED = new Set<number>([STD450.SAbs, STD450.SSign, STD450.SMin, STD450.SMax, STD450.SClamp, STD450.FindSMsb]);
const STD450_UNSIGNED = new Set<number>([STD450.UMin, STD450.UMax, STD450.UClamp, STD450.FindUMsb]);
const STD450_LOW_BITS = new Set<number>([STD450.FindILsb]);

// Result wraps to 16 bits; operands are read for their low 16 bits only.
const WRAPPING = new Set<number>([Op.IAdd, Op.ISub, Op.IMul, Op.SNegate, Op.Not, Op.ShiftLeftLogical, Op.BitwiseAnd, Op.BitwiseOr, Op.BitwiseXor]);
// Operands read as signed (all of them) / unsigned; the result then wraps.
const SIGNED_OPS = new Set<number>([Op.SDiv, Op.SRem, Op.SMod]);
const UNSIGNED_OPS = new Set<number>([Op.UDiv, Op.UMod]);
const SIGNED_COMPARE = new Set<number>([Op.SLessThan, Op.SLessThanEqual, Op.SGreaterThan, Op.SGreaterThanEqual]);
const UNSIGNED_COMPARE = new Set<number>([Op.ULessThan, Op.ULessThanEqual, Op.UGreaterThan, Op.UGreaterThanEqual]);
// Values pass through these unchanged: they only move canonical values around.
const MOVES = new Set<number>([
  Op.Select, Op.Phi, Op.CopyObject, Op.CompositeConstruct, Op.CompositeExtract, Op.CompositeInsert, Op.FunctionCall,
  Op.ReturnValue, Op.Undef, Op.Variable, Op.Load, Op.Store, Op.AccessChain, Op.InBoundsAccessChain, Op.VectorExtractDynamic,
  Op.Function, Op.FunctionParameter, Op.Branch, Op.BranchConditional, Op.Switch, Op.LoopMerge, Op.SelectionMerge,
]);
const ATOMICS = new Set<number>([
  Op.AtomicLoad, Op.AtomicStore, Op.AtomicExchange, Op.AtomicCompareExchange, Op.AtomicCompareExchangeWeak,
  Op.AtomicIIncrement, Op.AtomicIDecrement, Op.AtomicIAdd, Op.AtomicISub, Op.AtomicSMin, Op.AtomicUMin,
  Op.AtomicSMax, Op.AtomicUMax, Op.AtomicAnd, Op.AtomicOr, Op.AtomicXor,
]);

type Inst = number[];

interface Located {
  inst: Inst;
  at: number;
}

/** A pointer to one narrow element of a packed storage array (now its word's pointer): the id of its lane's bit shift. */
interface LanePointer {
  shift: number;
  bits: number;
}

/** A narrow integer type: its width and signedness. */
interface NarrowInt {
  bits: 8 | 16;
  signed: boolean;
}

function isNarrowWidth(width: number): width is 8 | 16 {
  return width === 8 || width === 16;
}

class Widener {
  private readonly insts: Located[] = [];
  private bound: number;
  /** Narrow integer type ids. */
  private readonly narrow = new Map<number, NarrowInt>();
  private readonly typeOf = new Map<number, number>();
  private readonly typeDefs = new Map<number, Inst>();
  private readonly constants = new Map<number, number>();
  private readonly arrayStride = new Map<number, Located>();
  private readonly memberOffsets = new Map<number, Map<number, number>>();
  /** Packed runtime array type ids: their elements' width. */
  private readonly packedArrays = new Map<number, number>();
  private readonly lanePointers = new Map<number, LanePointer>();
  /** Uniform pointers to narrow members: the bit shift of their lane within the word. */
  private readonly uniformLanes = new Map<number, number>();
  /** Byte offsets of uniform access chains with constant indices, from their variable. */
  private readonly uniformOffsets = new Map<number, number>();
  private readonly variables = new Set<number>();
  private readonly added: Inst[] = [];
  private readonly shared = new Map<string, number>();
  private out: Inst[] = [];

  constructor(private readonly words: Uint32Array) {
    this.bound = words[3];
    for (let pos = 5; pos < words.length; ) {
      const count = words[pos] >>> 16;
      if (count === 0 || pos + count > words.length) throw new SpirvTranslationError(pos, undefined, 'malformed instruction');
      this.insts.push({ inst: Array.from(words.subarray(pos, pos + count)), at: pos });
      pos += count;
    }
  }

  run(): Uint32Array {
    this.scan();
    const body: Inst[] = [];
    let firstFunction = -1;
    for (const l of this.insts) {
      const op = l.inst[0] & 0xffff;
      if (op === Op.Function && firstFunction < 0) firstFunction = body.length;
      this.out = body;
      if (firstFunction < 0) this.global(l);
      else this.functionInst(l);
    }
    if (firstFunction < 0) firstFunction = body.length;
    body.splice(firstFunction, 0, ...this.added);
    const result = [this.words[0], this.words[1], this.words[2], this.bound, this.words[4]];
    for (const i of body) result.push(...i);
    return Uint32Array.from(result);
  }

  private fail(l: Located, reason: string): never {
    throw new SpirvTranslationError(l.at, l.inst[0] & 0xffff, reason);
  }

  private scan(): void {
    for (const l of this.insts) {
      const i = l.inst;
      const op = i[0] & 0xffff;
      const flags = OPCODE_INFO[op];
      if (op === Op.TypeInt && isNarrowWidth(i[2])) this.narrow.set(i[1], { bits: i[2], signed: i[3] === 1 });
      if (op >= Op.TypeVoid && op <= Op.TypeForwardPointer) this.typeDefs.set(i[1], i);
      if (flags & HAS_TYPE && flags & HAS_RESULT) this.typeOf.set(i[2], i[1]);
      if (op === Op.Constant && i.length === 4) this.constants.set(i[2], i[3]);
      if (op === Op.Variable) this.variables.add(i[2]);
      if (op === Op.Decorate && i[2] === Decoration.ArrayStride) this.arrayStride.set(i[1], l);
      if (op === Op.MemberDecorate && i[3] === Decoration.Offset) {
        const m = this.memberOffsets.get(i[1]) ?? new Map<number, number>();
        m.set(i[2], i[4]);
        this.memberOffsets.set(i[1], m);
      }
    }
    for (const l of this.insts) {
      const i = l.inst;
      const op = i[0] & 0xffff;
      const element = this.narrow.get(i[2]);
      if (element === undefined) continue;
      if (op === Op.TypeVector) this.fail(l, `vectors of ${element.bits}-bit integers have no exact 32-bit form here (WGSL has no ${element.bits}-bit integers)`);
      if ((op === Op.TypeRuntimeArray || op === Op.TypeArray) && this.arrayStride.has(i[1])) {
        if (op === Op.TypeArray) this.fail(l, `a fixed-size ${element.bits}-bit integer array with an explicit layout is not supported (WGSL has no ${element.bits}-bit integers)`);
        this.packedArrays.set(i[1], element.bits);
      }
    }
  }

  private fresh(): number {
    return this.bound++;
  }

  /** A module-level declaration made once per key, placed before the first function. */
  private declare(key: string, make: (id: number) => Inst): number {
    let id = this.shared.get(key);
    if (id === undefined) {
      id = this.fresh();
      this.shared.set(key, id);
      this.added.push(make(id));
    }
    return id;
  }

  private uint32(): number {
    for (const [id, t] of this.typeDefs) if ((t[0] & 0xffff) === Op.TypeInt && t[2] === 32 && t[3] === 0) return id;
    return this.declare('uint', (id) => [(4 << 16) | Op.TypeInt, id, 32, 0]);
  }

  private uintConst(value: number): number {
    const type = this.uint32();
    return this.declare(`u${value}`, (id) => [(4 << 16) | Op.Constant, type, id, value >>> 0]);
  }

  private half(): number {
    for (const [id, t] of this.typeDefs) if ((t[0] & 0xffff) === Op.TypeFloat && t[2] === 16) return id;
    throw new Error('no float16 type');
  }

  private half2(): number {
    const half = this.half();
    for (const [id, t] of this.typeDefs) if ((t[0] & 0xffff) === Op.TypeVector && t[2] === half && t[3] === 2) return id;
    return this.declare('half2', (id) => [(4 << 16) | Op.TypeVector, id, half, 2]);
  }

  private wordPointer(storage: number): number {
    const uint = this.uint32();
    for (const [id, t] of this.typeDefs) if ((t[0] & 0xffff) === Op.TypePointer && t[2] === storage && t[3] === uint) return id;
    return this.declare(`ptr${storage}`, (id) => [(4 << 16) | Op.TypePointer, id, storage, uint]);
  }

  private emit(op: number, ...operands: number[]): void {
    this.out.push([((operands.length + 1) << 16) | op, ...operands]);
  }

  /** Emits `id = op type ...args` and returns id. */
  private value(op: number, type: number, ...args: number[]): number {
    const id = this.fresh();
    this.emit(op, type, id, ...args);
    return id;
  }

  /** Writes `into` (of narrow type `type`) as the canonical form of `from`. */
  private canonicalize(into: number, type: number, from: number): void {
    const { bits, signed } = this.narrow.get(type)!;
    if (signed) {
      const up = this.value(Op.ShiftLeftLogical, type, from, this.uintConst(32 - bits));
      this.emit(Op.ShiftRightArithmetic, type, into, up, this.uintConst(32 - bits));
    } else {
      this.emit(Op.BitwiseAnd, type, into, from, this.uintConst(2 ** bits - 1));
    }
  }

  /** `id` as its opcode reads it: sign- or zero-extended from its top bit (a new id where that differs). */
  private extended(id: number, signed: boolean): number {
    const type = this.typeOf.get(id);
    const n = type === undefined ? undefined : this.narrow.get(type);
    if (type === undefined || n === undefined || n.signed === signed) return id;
    if (!signed) return this.value(Op.BitwiseAnd, type, id, this.uintConst(2 ** n.bits - 1));
    const up = this.value(Op.ShiftLeftLogical, type, id, this.uintConst(32 - n.bits));
    return this.value(Op.ShiftRightArithmetic, type, up, this.uintConst(32 - n.bits));
  }

  /** The narrow type of value `id`, if it has one. */
  private narrowOf(id: number): NarrowInt | undefined {
    const t = this.typeOf.get(id);
    return t === undefined ? undefined : this.narrow.get(t);
  }

  private global(l: Located): void {
    const i = [...l.inst];
    const op = i[0] & 0xffff;
    const n = this.narrow.get(i[1]);
    if (op === Op.TypeInt && isNarrowWidth(i[2])) i[2] = 32;
    else if (op === Op.Constant && n) i[3] = n.signed ? (i[3] << (32 - n.bits)) >> (32 - n.bits) : i[3] & (2 ** n.bits - 1);
    else if (op === Op.TypeRuntimeArray && this.packedArrays.has(i[1])) i[2] = this.uint32();
    else if (op === Op.Decorate && i[2] === Decoration.ArrayStride && this.packedArrays.has(i[1])) i[3] = 4;
    else if ((op === Op.SpecConstantOp || op === Op.SpecConstant) && n) this.fail(l, `a ${n.bits}-bit integer specialization constant is not supported`);
    this.out.push(i);
  }

  /** The type a pointer id points at, and its storage class. */
  private pointee(pointer: number): { storage: number; type: number } | undefined {
    const ptrType = this.typeDefs.get(this.typeOf.get(pointer) ?? -1);
    if (!ptrType || (ptrType[0] & 0xffff) !== Op.TypePointer) return undefined;
    return { storage: ptrType[2], type: ptrType[3] };
  }

  private accessChain(l: Located): boolean {
    const i = l.inst;
    const [, , result, base, ...indices] = i;
    const from = this.pointee(base);
    if (!from) return false;
    let type = from.type;
    const baseOffset = this.variables.has(base) ? 0 : this.uniformOffsets.get(base);
    let offset = baseOffset ?? 0;
    let staticOffset = baseOffset !== undefined;
    for (let k = 0; k < indices.length; k++) {
      const t = this.typeDefs.get(type);
      if (!t) return false;
      const top = t[0] & 0xffff;
      const index = this.constants.get(indices[k]);
      if (top === Op.TypeStruct) {
        offset += this.memberOffsets.get(type)?.get(index!) ?? 0;
        type = t[2 + index!];
        continue;
      }
      const bits = this.packedArrays.get(type);
      if (bits !== undefined) {
        if (k !== indices.length - 1) this.fail(l, `an access chain past a ${bits}-bit array element`);
        // The word holding the element, and where in it the element's lane lies.
        const lanesLog2 = bits === 16 ? 1 : 2;
        const uint = this.uint32();
        const wordIndex = this.value(Op.ShiftRightLogical, uint, indices[k], this.uintConst(lanesLog2));
        const lane = this.value(Op.BitwiseAnd, uint, indices[k], this.uintConst((1 << lanesLog2) - 1));
        const shift = this.value(Op.ShiftLeftLogical, uint, lane, this.uintConst(bits === 16 ? 4 : 3));
        this.emit(op(i), this.wordPointer(from.storage), result, base, ...indices.slice(0, k), wordIndex);
        this.lanePointers.set(result, { shift, bits });
        return true;
      }
      const stride = this.arrayStride.get(type)?.inst[3];
      if (index === undefined || stride === undefined) staticOffset = false;
      else offset += index * stride;
      type = t[2];
    }
    if (from.storage === StorageClass.Uniform && staticOffset) this.uniformOffsets.set(result, offset);
    const element = this.narrow.get(type);
    if (from.storage === StorageClass.Uniform && element) {
      if (!staticOffset) this.fail(l, `a ${element.bits}-bit integer in a uniform block indexed at run time is not supported`);
      this.uniformLanes.set(result, (offset & (4 - element.bits / 8)) * 8);
    }
    if (from.storage === StorageClass.StorageBuffer && element) this.fail(l, `a ${element.bits}-bit integer member of a storage buffer struct is not supported (WGSL has no ${element.bits}-bit integers)`);
    return false;
  }

  private load(l: Located): boolean {
    const [, type, result, pointer] = l.inst;
    const lane = this.lanePointers.get(pointer);
    const uniformShift = this.uniformLanes.get(pointer);
    if (lane) {
      const uint = this.uint32();
      const word = this.value(Op.Load, uint, pointer);
      this.canonicalize(result, type, this.value(Op.ShiftRightLogical, uint, word, lane.shift));
      return true;
    }
    if (uniformShift !== undefined) {
      const word = this.value(Op.Load, type, pointer);
      this.canonicalize(result, type, uniformShift === 0 ? word : this.value(Op.ShiftRightLogical, type, word, this.uintConst(uniformShift)));
      return true;
    }
    return false;
  }

  private store(l: Located): boolean {
    const [, pointer, value] = l.inst;
    const lane = this.lanePointers.get(pointer);
    if (!lane) return false;
    const uint = this.uint32();
    const scope = this.uintConst(1); // Device
    const relaxed = this.uintConst(0);
    const ones = this.uintConst(2 ** lane.bits - 1);
    const mask = this.value(Op.ShiftLeftLogical, uint, ones, lane.shift);
    const keep = this.value(Op.Not, uint, mask);
    this.value(Op.AtomicAnd, uint, pointer, scope, relaxed, keep);
    const low = this.value(Op.BitwiseAnd, uint, value, ones);
    const bits = this.value(Op.ShiftLeftLogical, uint, low, lane.shift);
    this.value(Op.AtomicOr, uint, pointer, scope, relaxed, bits);
    return true;
  }

  private bitcast(l: Located): void {
    const [, type, result, x] = l.inst;
    const to = this.narrow.get(type);
    const from = this.narrowOf(x);
    const half = this.typeDefs.get(type);
    const fromHalf = this.typeDefs.get(this.typeOf.get(x) ?? -1);
    const isHalf = (t: Inst | undefined) => t !== undefined && (t[0] & 0xffff) === Op.TypeFloat && t[2] === 16;
    if (to && from && to.bits === from.bits) {
      const moved = this.value(Op.Bitcast, type, x);
      this.canonicalize(result, type, moved);
    } else if (isHalf(half) && from?.bits === 16) {
      const pair = this.value(Op.Bitcast, this.half2(), x);
      this.emit(Op.CompositeExtract, type, result, pair, 0);
    } else if (to?.bits === 16 && isHalf(fromHalf)) {
      const zero = this.declare('half0', (id) => [(4 << 16) | Op.Constant, this.half(), id, 0]);
      const pair = this.value(Op.CompositeConstruct, this.half2(), x, zero);
      this.canonicalize(result, type, this.value(Op.Bitcast, this.uint32(), pair));
    } else {
      this.fail(l, `a bitcast between a ${(to ?? from)!.bits}-bit integer and a type of another size is not supported`);
    }
  }

  /** Re-emits `i` with operands brought to `signed` form (all, or only the first `count`), then wraps its result. */
  private rewrite(i: Inst, signed: boolean | undefined, firstOperand: number, count: number, wraps: boolean): void {
    const copy = [...i];
    if (signed !== undefined) {
      for (let k = firstOperand; k < Math.min(copy.length, firstOperand + count); k++) copy[k] = this.extended(copy[k], signed);
    }
    const type = copy[1];
    if (wraps && this.narrow.has(type)) {
      const result = copy[2];
      copy[2] = this.fresh();
      this.out.push(copy);
      this.canonicalize(result, type, copy[2]);
    } else {
      this.out.push(copy);
    }
  }

  private functionInst(l: Located): void {
    const i = l.inst;
    const o = op(i);
    const flags = OPCODE_INFO[o];
    const hasType = (flags & HAS_TYPE) !== 0;
    const operandStart = hasType ? 3 : (flags & HAS_RESULT) !== 0 ? 2 : 1;
    // The narrow type the instruction makes or reads, if any: its width names what is refused.
    const touched = (hasType ? this.narrow.get(i[1]) : undefined) ?? i.slice(operandStart).map((w) => this.narrowOf(w)).find((n) => n !== undefined);
    if (o === Op.AccessChain || o === Op.InBoundsAccessChain) {
      if (this.accessChain(l)) return;
      this.out.push(i);
      return;
    }
    if (o === Op.ArrayLength) {
      const struct = this.typeDefs.get(this.pointee(i[3])?.type ?? -1);
      const bits = struct ? this.packedArrays.get(struct[2 + i[4]]) : undefined;
      if (bits !== undefined) this.fail(l, `OpArrayLength of a ${bits}-bit array is not supported`);
    }
    if (o === Op.Load && this.load(l)) return;
    if (o === Op.Store && this.store(l)) return;
    const lane = i.slice(1).map((w) => this.lanePointers.get(w)).find((p) => p !== undefined);
    if (lane) this.fail(l, `${opName(o)} of a pointer to a ${lane.bits}-bit array element is not supported (only loads and stores are)`);
    if (!touched) {
      this.out.push(i);
      return;
    }
    if (ATOMICS.has(o)) this.fail(l, `WGSL has no ${touched.bits}-bit atomics`);
    if (MOVES.has(o)) this.out.push(i);
    else if (WRAPPING.has(o)) this.rewrite(i, undefined, 3, 0, true);
    else if (SIGNED_OPS.has(o) || SIGNED_COMPARE.has(o)) this.rewrite(i, true, 3, 2, true);
    else if (UNSIGNED_OPS.has(o) || UNSIGNED_COMPARE.has(o)) this.rewrite(i, false, 3, 2, true);
    else if (o === Op.ShiftRightArithmetic) this.rewrite(i, true, 3, 1, true);
    else if (o === Op.ShiftRightLogical) this.rewrite(i, false, 3, 1, true);
    else if (o === Op.IEqual || o === Op.INotEqual) {
      const mixed = this.typeOf.get(i[3]) !== this.typeOf.get(i[4]);
      this.rewrite(i, mixed ? false : undefined, 3, 2, false);
    } else if (o === Op.SConvert || o === Op.ConvertSToF) this.rewrite(i, true, 3, 1, true);
    else if (o === Op.UConvert || o === Op.ConvertUToF) this.rewrite(i, false, 3, 1, true);
    else if (o === Op.ConvertFToS || o === Op.ConvertFToU) this.rewrite(i, undefined, 3, 0, true);
    else if (o === Op.BitCount) this.rewrite(i, false, 3, 1, true);
    else if (o === Op.Bitcast) this.bitcast(l);
    else if (o === Op.ExtInst) {
      const entry = i[4];
      if (STD450_SIGNED.has(entry)) this.rewrite(i, true, 5, 3, true);
      else if (STD450_UNSIGNED.has(entry)) this.rewrite(i, false, 5, 3, true);
      else if (STD450_LOW_BITS.has(entry)) this.rewrite(i, undefined, 5, 0, true);
      else this.fail(l, `GLSL.std.450 instruction ${entry} on ${touched.bits}-bit integers is not supported`);
    } else this.fail(l, `${opName(o)} on ${touched.bits}-bit integers is not supported (WGSL has no ${touched.bits}-bit integers)`);
  }
}

function op(i: Inst): number {
  return i[0] & 0xffff;
}

function declaresNarrowInt(words: Uint32Array): boolean {
  for (let pos = 5; pos < words.length; ) {
    const count = words[pos] >>> 16;
    if (count === 0) return false;
    if ((words[pos] & 0xffff) === Op.TypeInt && isNarrowWidth(words[pos + 2])) return true;
    pos += count;
  }
  return false;
}

/** The module with its 8- and 16-bit integers held in 32-bit words; the same words when it has none. */
export function widenNarrowInts(words: Uint32Array): Uint32Array {
  if (!declaresNarrowInt(words)) return words;
  return new Widener(words).run();
}
