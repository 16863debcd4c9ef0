// Specialization constants, folded before translation: each OpSpecConstant* becomes the plain
// constant the pipeline's VkSpecializationInfo (or the shader's default) gives it, and each
// OpSpecConstantOp is evaluated into one. LocalSizeId, the WorkgroupSize built-in and arrays sized
// by a spec constant then read ordinary constants. WGSL `override` could keep scalars open until
// pipeline creation, but not workgroup sizes used in array lengths of other kinds, composites or
// the operations Vulkan allows on them; the shim translates per specialization instead.
import { SpirvTranslationError } from '../errors.js';
import { Decoration, Op } from '../opcodes.js';

/** Values by SpecId, as the bytes a VkSpecializationMapEntry points at (1 to 8 bytes). */
export type SpecializationValues = ReadonlyMap<number, Uint8Array>;

type Value =
  | { kind: 'int'; width: number; signed: boolean; value: bigint }
  | { kind: 'bool'; value: boolean }
  | { kind: 'float'; words: number[] }
  | { kind: 'composite'; parts: number[] };
type ScalarType = { kind: 'int'; width: number; signed: boolean } | { kind: 'float'; width: number } | { kind: 'bool' };

const mask = (width: number): bigint => (1n << BigInt(width)) - 1n;
const wrap = (v: bigint, width: number): bigint => v & mask(width);
const signedOf = (v: bigint, width: number): bigint => BigInt.asIntN(width, v);

function fromBytes(bytes: Uint8Array): bigint {
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
  return v;
}

function literalWords(v: bigint, width: number): number[] {
  return width > 32 ? [Number(v & 0xffff_ffffn), Number((v >> 32n) & 0xffff_ffffn)] : [Number(wrap(v, width))];
}

const SPEC_OPS = new Set<number>([Op.SpecConstantTrue, Op.SpecConstantFalse, Op.SpecConstant, Op.SpecConstantComposite, Op.SpecConstantOp]);

/** Whether the module has specialization constants and is well formed enough to fold. */
function hasSpecConstants(words: Uint32Array): boolean {
  let found = false;
  for (let pos = 5; pos < words.length; ) {
    const count = words[pos] >>> 16;
    // A malformed stream is left to the parser, which reports where it breaks.
    if (count === 0 || pos + count > words.length) return false;
    found ||= SPEC_OPS.has(words[pos] & 0xffff);
    pos += count;
  }
  return found;
}

/** Returns the module with every specialization constant replaced by a constant. */
export function foldSpecConstants(words: Uint32Array, values: SpecializationValues = new Map()): Uint32Array {
  if (words.length < 5 || !hasSpecConstants(words)) return words;
  const specIds = new Map<number, number>();
  const types = new Map<number, ScalarType>();
  const known = new Map<number, Value>();
  const out: number[] = Array.from(words.subarray(0, 5));

  const fail = (pos: number, op: number, reason: string): never => {
    throw new SpirvTranslationError(pos, op, reason);
  };
  const int = (id: number, pos: number, op: number): Value & { kind: 'int' } => {
    const v = known.get(id);
    if (v?.kind !== 'int') return fail(pos, op, `OpSpecConstantOp operand %${id} is not an integer constant`);
    return v;
  };
  const bool = (id: number, pos: number, op: number): boolean => {
    const v = known.get(id);
    if (v?.kind !== 'bool') return fail(pos, op, `OpSpecConstantOp operand %${id} is not a boolean constant`);
    return v.value;
  };

  /** Evaluates OpSpecConstantOp `inner` on operands `a` for result type `type`. */
  const evaluate = (type: number, inner: number, a: Uint32Array, pos: number): Value => {
    const rt = types.get(type);
    const op = Op.SpecConstantOp;
    if (inner === Op.CompositeExtract) {
      let v = known.get(a[0]);
      for (const index of a.subarray(1)) {
        if (v?.kind !== 'composite' || index >= v.parts.length) return fail(pos, op, 'OpCompositeExtract of a constant that has no such member');
        v = known.get(v.parts[index]);
      }
      return v ?? fail(pos, op, 'OpCompositeExtract of an unknown constant');
    }
    if (inner === Op.Select) {
      const cond = bool(a[0], pos, op);
      return known.get(cond ? a[1] : a[2]) ?? fail(pos, op, 'OpSelect of an unknown constant');
    }
    if (rt?.kind === 'bool') {
      switch (inner) {
        case Op.LogicalOr: return { kind: 'bool', value: bool(a[0], pos, op) || bool(a[1], pos, op) };
        case Op.LogicalAnd: return { kind: 'bool', value: bool(a[0], pos, op) && bool(a[1], pos, op) };
        case Op.LogicalNot: return { kind: 'bool', value: !bool(a[0], pos, op) };
        case Op.LogicalEqual: return { kind: 'bool', value: bool(a[0], pos, op) === bool(a[1], pos, op) };
        case Op.LogicalNotEqual: return { kind: 'bool', value: bool(a[0], pos, op) !== bool(a[1], pos, op) };
      }
      const x = int(a[0], pos, op);
      const y = int(a[1], pos, op);
      const [ux, uy] = [wrap(x.value, x.width), wrap(y.value, y.width)];
      const [sx, sy] = [signedOf(x.value, x.width), signedOf(y.value, y.width)];
      const compare: Record<number, boolean> = {
        [Op.IEqual]: ux === uy, [Op.INotEqual]: ux !== uy,
        [Op.UGreaterThan]: ux > uy, [Op.SGreaterThan]: sx > sy, [Op.UGreaterThanEqual]: ux >= uy, [Op.SGreaterThanEqual]: sx >= sy,
        [Op.ULessThan]: ux < uy, [Op.SLessThan]: sx < sy, [Op.ULessThanEqual]: ux <= uy, [Op.SLessThanEqual]: sx <= sy,
      };
      if (inner in compare) return { kind: 'bool', value: compare[inner] };
      return fail(pos, op, `OpSpecConstantOp ${inner} with a boolean result is not supported`);
    }
    if (rt?.kind !== 'int') return fail(pos, op, `OpSpecConstantOp ${inner} with a result that is not an integer or boolean scalar is not supported`);
    const w = rt.width;
    const result = (v: bigint): Value => ({ kind: 'int', width: w, signed: rt.signed, value: wrap(v, w) });
    const x = int(a[0], pos, op);
    if (inner === Op.UConvert) return result(wrap(x.value, x.width));
    if (inner === Op.SConvert) return result(signedOf(x.value, x.width));
    if (inner === Op.SNegate) return result(-x.value);
    if (inner === Op.Not) return result(~x.value);
    const y = int(a[1], pos, op);
    const [ux, uy, sx, sy] = [wrap(x.value, w), wrap(y.value, w), signedOf(x.value, w), signedOf(y.value, w)];
    const shift = Number(wrap(y.value, y.width));
    const divisorZero = (): never => fail(pos, op, `OpSpecConstantOp ${inner} divides by zero`);
    switch (inner) {
      case Op.IAdd: return result(ux + uy);
      case Op.ISub: return result(ux - uy);
      case Op.IMul: return result(ux * uy);
      case Op.UDiv: return uy === 0n ? divisorZero() : result(ux / uy);
      case Op.SDiv: return sy === 0n ? divisorZero() : result(sx / sy);
      case Op.UMod: return uy === 0n ? divisorZero() : result(ux % uy);
      case Op.SRem: return sy === 0n ? divisorZero() : result(sx % sy);
      case Op.SMod: {
        if (sy === 0n) return divisorZero();
        const r = sx % sy;
        return result(r !== 0n && r < 0n !== sy < 0n ? r + sy : r);
      }
      case Op.ShiftLeftLogical: return result(ux << BigInt(shift));
      case Op.ShiftRightLogical: return result(ux >> BigInt(shift));
      case Op.ShiftRightArithmetic: return result(sx >> BigInt(shift));
      case Op.BitwiseOr: return result(ux | uy);
      case Op.BitwiseXor: return result(ux ^ uy);
      case Op.BitwiseAnd: return result(ux & uy);
    }
    return fail(pos, op, `OpSpecConstantOp ${inner} is not supported`);
  };

  const emit = (type: number, id: number, v: Value): void => {
    if (v.kind === 'bool') out.push((3 << 16) | (v.value ? Op.ConstantTrue : Op.ConstantFalse), type, id);
    else if (v.kind === 'int') {
      const literal = literalWords(v.value, v.width);
      out.push(((3 + literal.length) << 16) | Op.Constant, type, id, ...literal);
    } else if (v.kind === 'float') out.push(((3 + v.words.length) << 16) | Op.Constant, type, id, ...v.words);
    else out.push(((3 + v.parts.length) << 16) | Op.ConstantComposite, type, id, ...v.parts);
    known.set(id, v);
  };

  for (let pos = 5; pos < words.length; ) {
    const count = words[pos] >>> 16;
    const op = words[pos] & 0xffff;
    const inst = words.subarray(pos, pos + count);
    const given = (id: number): Uint8Array | undefined => {
      const specId = specIds.get(id);
      return specId === undefined ? undefined : values.get(specId);
    };
    switch (op) {
      case Op.Decorate:
        if (count >= 4 && inst[2] === Decoration.SpecId) specIds.set(inst[1], inst[3]);
        out.push(...inst);
        break;
      case Op.TypeInt:
        types.set(inst[1], { kind: 'int', width: inst[2], signed: inst[3] === 1 });
        out.push(...inst);
        break;
      case Op.TypeFloat:
        types.set(inst[1], { kind: 'float', width: inst[2] });
        out.push(...inst);
        break;
      case Op.TypeBool:
        types.set(inst[1], { kind: 'bool' });
        out.push(...inst);
        break;
      case Op.Constant: {
        const t = types.get(inst[1]);
        if (t?.kind === 'int') known.set(inst[2], { kind: 'int', width: t.width, signed: t.signed, value: fromBytes(new Uint8Array(inst.slice(3).buffer)) });
        if (t?.kind === 'float') known.set(inst[2], { kind: 'float', words: Array.from(inst.subarray(3)) });
        out.push(...inst);
        break;
      }
      case Op.ConstantTrue: case Op.ConstantFalse:
        known.set(inst[2], { kind: 'bool', value: op === Op.ConstantTrue });
        out.push(...inst);
        break;
      case Op.ConstantComposite:
        known.set(inst[2], { kind: 'composite', parts: Array.from(inst.subarray(3)) });
        out.push(...inst);
        break;
      case Op.SpecConstantTrue: case Op.SpecConstantFalse: {
        const bytes = given(inst[2]);
        emit(inst[1], inst[2], { kind: 'bool', value: bytes ? fromBytes(bytes) !== 0n : op === Op.SpecConstantTrue });
        break;
      }
      case Op.SpecConstant: {
        const bytes = given(inst[2]);
        const t = types.get(inst[1]);
        if (!t || t.kind === 'bool') fail(pos, op, `OpSpecConstant %${inst[2]} has type %${inst[1]}, which is not a numeric scalar`);
        const width = (t as { width: number }).width;
        if (bytes && bytes.length * 8 < width) fail(pos, op, `specialization of %${inst[2]} gives ${bytes.length} bytes for a ${width}-bit constant`);
        const value = bytes ? fromBytes(bytes.subarray(0, width / 8)) : fromBytes(new Uint8Array(inst.slice(3).buffer));
        if (t?.kind === 'int') emit(inst[1], inst[2], { kind: 'int', width, signed: t.signed, value });
        else emit(inst[1], inst[2], { kind: 'float', words: literalWords(value, width) });
        break;
      }
      case Op.SpecConstantComposite:
        emit(inst[1], inst[2], { kind: 'composite', parts: Array.from(inst.subarray(3)) });
        break;
      case Op.SpecConstantOp:
        if (count < 4) fail(pos, op, 'OpSpecConstantOp has no operation');
        emit(inst[1], inst[2], evaluate(inst[1], inst[3], inst.subarray(4), pos));
        break;
      default:
        out.push(...inst);
    }
    pos += count;
  }
  return Uint32Array.from(out);
}
