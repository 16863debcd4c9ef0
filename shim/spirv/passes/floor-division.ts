// Floor division, a pass on the IR. Taichi has no floor-dividing SPIR-V instruction, so every
// `a // b` on i32 (every ndarray index it splits into coordinates) becomes a truncating OpSDiv
// and a sign correction:
//
//   q = OpSDiv a b
//   c = ((a < 0) != (b < 0)) && (a != 0) && (b * q != a)
//   r = OpISub q (OpSelect c 1 0)
//
// Printed as written, the GPU runs a signed division and seven more operations per element. The
// pass puts one FloorDiv in r's place instead, which the printer writes as a call of a helper
// (wgsl/idiom-helpers.ts), branch-free where b is known not to be negative.
//
// Induction variables. When a is a loop's phi stepped by an invariant s (Taichi's grid-stride
// loops: p += num_workgroups * group size) and b is invariant too, the printer keeps the quotient
// q and remainder r of a by b in variables alongside a: computed on entry, and on the back edge
// stepped by those of s (q += s / b, r += s % b, carrying r into q) where that is provably exact:
// b > 0, s >= 0 and a has not wrapped around. Where it is not, the back edge computes them afresh
// with the helper. Either way they hold floor(a / b) and a - q * b for a's current value, so the
// loop body reads them with no division and no branch; the floor remainder a - q * b, which
// Taichi computes next to every such quotient, is read as r. Wrap-around is ruled out once for
// the whole loop when the loop runs while a < n (its header's branch, as in Taichi's loops) and
// n - 1 + s fits in an i32; in other loops each step checks that a did not decrease.
//
// Truncating division. Taichi also divides a grid-stride loop's index by a shape with a bare
// OpSDiv, with no sign correction (the index is never negative). Such a quotient is carried the
// same way, with one more condition for the carried path, a >= 0 on entry (then truncation and
// floor agree); where that fails, the back edge computes a / b afresh, as written.
import { definitions } from '../def-use.js';
import { STD450_SMAX } from '../glsl-std450.js';
import { IrOp, replaceInstruction, type IrFunction, type IrModule } from '../ir/ir.js';
import { Op } from '../opcodes.js';
import { intConstant, isScalarI32 } from '../ir/module.js';
import type { Instruction, SpirvFunction } from '../parse.js';

interface FloorDivision {
  dividend: number;
  divisor: number;
  /** The divisor is a non-negative constant or max(x, c) with c >= 0. */
  divisorNonNegative: boolean;
  /** Set when the dividend is a loop phi stepped by an invariant amount and the divisor is invariant. */
  induction?: Induction;
  /** With `induction`: the id of `dividend - quotient * divisor` in the same block, if there is one. */
  remainder?: number;
  /** A bare OpSDiv (keyed by its own id), not the floor-division sequence. */
  truncating?: boolean;
}

interface Induction {
  /** The step s of `next = phi + s`. */
  step: number;
  /** The id of `next`, the phi's value on the back edge. */
  next: number;
  /** n, where the loop header leaves the loop unless phi < n. */
  bound?: number;
  /** Index of the loop header, the phi's block. */
  header: number;
}

/** The OpISub instructions of `fn` that end a floor-division idiom, by result id. */
function findFloorDivisions(mod: IrModule, fn: SpirvFunction): Map<number, FloorDivision> {
  const { defs, defBlock } = definitions(fn);
  const phis = new Map<number, { phi: Instruction; block: number }>();
  for (const b of fn.blocks) for (const phi of b.phis) phis.set(phi.id, { phi, block: b.index });
  const def = (id: number, op: number): Instruction | undefined => {
    const inst = defs.get(id);
    return inst !== undefined && inst.op === op ? inst : undefined;
  };
  const isZero = (id: number) => intConstant(mod, id) === 0;
  const nonNegative = (id: number): boolean => {
    const c = intConstant(mod, id);
    if (c !== undefined) return c >= 0;
    const ext = def(id, Op.ExtInst);
    if (!ext || mod.extInstSets.get(ext.args[0]) !== 'GLSL.std.450' || ext.args[1] !== STD450_SMAX) return false;
    return [ext.args[2], ext.args[3]].some((x) => (intConstant(mod, x) ?? -1) >= 0);
  };
  // Operand pairs match in either order, as the operations are commutative.
  const pair = (inst: Instruction, x: number, y: number) =>
    (inst.args[0] === x && inst.args[1] === y) || (inst.args[0] === y && inst.args[1] === x);

  // A value defined in a block that comes before the loop header is outside the loop: SPIR-V
  // orders blocks so that the header precedes every block it dominates, and the loop is those.
  const invariant = (id: number, header: number) => (defBlock.get(id) ?? -1) < header;
  const induction = (a: number, d: number): Induction | undefined => {
    const entry = phis.get(a);
    if (!entry || entry.phi.args.length !== 4) return undefined;
    const header = entry.block;
    if (!invariant(d, header)) return undefined;
    for (const next of [entry.phi.args[0], entry.phi.args[2]]) {
      const add = def(next, Op.IAdd);
      if (!add || !isScalarI32(mod, add.type)) continue;
      const step = add.args[0] === a ? add.args[1] : add.args[1] === a ? add.args[0] : -1;
      if (step >= 0 && invariant(step, header)) return { step, next, bound: loopBound(a, header), header };
    }
    return undefined;
  };
  // n when the header ends in `OpBranchConditional (a < n) <into the loop> <the loop's merge>`.
  const loopBound = (a: number, header: number): number | undefined => {
    const h = fn.blocks[header];
    if (h.merge?.op !== Op.LoopMerge || h.term.op !== Op.BranchConditional || h.term.args[2] !== h.merge.args[0]) return undefined;
    const less = def(h.term.args[0], Op.SLessThan);
    const bound = less?.args[0] === a ? less.args[1] : undefined;
    return bound !== undefined && invariant(bound, header) ? bound : undefined;
  };

  const found = new Map<number, FloorDivision>();
  for (const b of fn.blocks) {
    for (const sub of b.body) {
      if (sub.op !== Op.ISub || !isScalarI32(mod, sub.type)) continue;
      const q = def(sub.args[0], Op.SDiv);
      const sel = def(sub.args[1], Op.Select);
      if (!q || !sel || !isScalarI32(mod, q.type)) continue;
      if (intConstant(mod, sel.args[1]) !== 1 || intConstant(mod, sel.args[2]) !== 0) continue;
      const [a, d] = [q.args[0], q.args[1]];
      // The condition's three terms, joined by two LogicalAnds in any grouping.
      const terms: number[] = [];
      const collect = (id: number, depth: number): void => {
        const and = depth < 2 ? def(id, Op.LogicalAnd) : undefined;
        if (and) {
          collect(and.args[0], depth + 1);
          collect(and.args[1], depth + 1);
        } else terms.push(id);
      };
      collect(sel.args[0], 0);
      if (terms.length !== 3) continue;
      const signsDiffer = (id: number) => {
        const ne = def(id, Op.LogicalNotEqual);
        if (!ne) return false;
        const x = def(ne.args[0], Op.SLessThan);
        const y = def(ne.args[1], Op.SLessThan);
        if (!x || !y || !isZero(x.args[1]) || !isZero(y.args[1])) return false;
        return (x.args[0] === a && y.args[0] === d) || (x.args[0] === d && y.args[0] === a);
      };
      const dividendNonZero = (id: number) => {
        const ne = def(id, Op.INotEqual);
        return ne !== undefined && ((ne.args[0] === a && isZero(ne.args[1])) || (ne.args[1] === a && isZero(ne.args[0])));
      };
      const inexact = (id: number) => {
        const ne = def(id, Op.INotEqual);
        if (!ne) return false;
        const productId = ne.args[0] === a ? ne.args[1] : ne.args[1] === a ? ne.args[0] : -1;
        const product = productId >= 0 ? def(productId, Op.IMul) : undefined;
        return product !== undefined && pair(product, d, q.id);
      };
      const checks = [signsDiffer, dividendNonZero, inexact];
      const matched = checks.every((check) => terms.some((t) => check(t)));
      if (!matched) continue;
      const divisorNonNegative = nonNegative(d);
      found.set(sub.id, { dividend: a, divisor: d, divisorNonNegative, induction: divisorNonNegative ? induction(a, d) : undefined });
    }
  }
  // Bare truncating divisions of induction phis (the quotients of the sequences above excluded).
  const floorQuotients = new Set([...found.keys()].map((id) => defs.get(id)!.args[0]));
  for (const b of fn.blocks) {
    for (const div of b.body) {
      if (div.op !== Op.SDiv || !isScalarI32(mod, div.type) || floorQuotients.has(div.id)) continue;
      const carried = induction(div.args[0], div.args[1]);
      if (carried) found.set(div.id, { dividend: div.args[0], divisor: div.args[1], divisorNonNegative: false, induction: carried, truncating: true });
    }
  }
  for (const b of fn.blocks) {
    for (const sub of b.body) {
      if (sub.op !== Op.ISub || found.has(sub.id)) continue;
      const product = def(sub.args[1], Op.IMul);
      if (!product) continue;
      const quotient = [product.args[0], product.args[1]].find((id) => found.get(id)?.induction && defBlock.get(id) === b.index);
      const fd = quotient === undefined ? undefined : found.get(quotient);
      if (fd && fd.remainder === undefined && sub.args[0] === fd.dividend && pair(product, quotient!, fd.divisor)) fd.remainder = sub.id;
    }
  }
  return found;
}

/**
 * Rewrites the floor divisions of `f` into FloorDiv (or FloorDivNonNegative) instructions, and
 * those of an induction variable into CarriedQuotient (and CarriedRemainder) with the phi's
 * entry in `f.carried`. The instructions of the original sequences stay, unread.
 */
export function floorDivisions(mod: IrModule, f: IrFunction): void {
  const found = findFloorDivisions(mod, f.fn);
  for (const [id, fd] of found) {
    if (!fd.induction) {
      replaceInstruction(f.fn, id, fd.divisorNonNegative ? IrOp.FloorDivNonNegative : IrOp.FloorDiv, [fd.dividend, fd.divisor]);
      continue;
    }
    replaceInstruction(f.fn, id, IrOp.CarriedQuotient, []);
    if (fd.remainder !== undefined) replaceInstruction(f.fn, fd.remainder, IrOp.CarriedRemainder, [id]);
    const { step, next, bound, header } = fd.induction;
    const list = f.carried.get(fd.dividend) ?? [];
    list.push({ division: id, dividend: fd.dividend, divisor: fd.divisor, step, next, bound, header, remainder: fd.remainder !== undefined, truncating: fd.truncating === true });
    f.carried.set(fd.dividend, list);
  }
}
