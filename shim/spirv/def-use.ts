// Definitions and uses of a function's result ids, for the analyses that match instruction
// patterns (the idiom passes and the grid-stride analysis in passes/).
import { Op } from './opcodes.js';
import type { Instruction, SpirvFunction } from './parse.js';

export interface Definitions {
  /** Result id -> the phi or body instruction that defines it. */
  defs: Map<number, Instruction>;
  /** Result id -> index of its block. */
  defBlock: Map<number, number>;
}

export function definitions(fn: SpirvFunction): Definitions {
  const defs = new Map<number, Instruction>();
  const defBlock = new Map<number, number>();
  for (const b of fn.blocks) {
    for (const inst of [...b.phis, ...b.body]) {
      if (inst.id === 0) continue;
      defs.set(inst.id, inst);
      defBlock.set(inst.id, b.index);
    }
  }
  return { defs, defBlock };
}

/** How many times each id is an operand in `fn` (variables, phis, bodies, merges and terminators). */
export function useCounts(fn: SpirvFunction): Map<number, number> {
  const uses = new Map<number, number>();
  const count = (inst: Instruction | null) => {
    if (inst) for (const w of idOperands(inst)) uses.set(w, (uses.get(w) ?? 0) + 1);
  };
  for (const v of fn.vars) count(v);
  for (const b of fn.blocks) {
    for (const inst of b.phis) count(inst);
    for (const inst of b.body) count(inst);
    count(b.merge);
    count(b.term);
  }
  return uses;
}

/** The blocks a terminator can branch to. */
export function branchTargets(term: Instruction): number[] {
  switch (term.op) {
    case Op.Branch:
      return [term.args[0]];
    case Op.BranchConditional:
      return [term.args[1], term.args[2]];
    case Op.Switch: {
      // Selector, default, then (literal, label) pairs: the analysis sees only 32-bit selectors.
      const out = [term.args[1]];
      for (let i = 3; i < term.args.length; i += 2) out.push(term.args[i]);
      return out;
    }
    default:
      return [];
  }
}

/**
 * The operands of `inst` that may be ids. Literals are left out where the analysis meets them
 * often (extended-instruction numbers, composite indices, merge controls, memory access masks);
 * anywhere else every operand counts, and a literal counted as a use only makes an analysis refuse.
 */
export function idOperands(inst: Instruction): Iterable<number> {
  return idOperandIndices(inst).map((i) => inst.args[i]);
}

/** Replaces the id `from` by `to` wherever it is an operand of `inst` (as idOperands sees them). */
export function replaceIdOperands(inst: Instruction, from: number, to: number): void {
  for (const i of idOperandIndices(inst)) if (inst.args[i] === from) inst.args[i] = to;
}

function idOperandIndices(inst: Instruction): number[] {
  const n = inst.args.length;
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, Math.min(to, n) - from) }, (_, k) => from + k);
  switch (inst.op) {
    case Op.ExtInst:
      return [0, ...range(2, n)];
    case Op.CompositeExtract:
    case Op.Load:
    case Op.SelectionMerge:
      return range(0, 1);
    case Op.CompositeInsert:
    case Op.VectorShuffle:
    case Op.LoopMerge:
    case Op.Store:
      return range(0, 2);
    case Op.BranchConditional:
      return range(0, 3);
    case Op.Variable:
      return range(1, n);
    case Op.Switch:
      // Selector, default, then (literal, label) pairs.
      return [0, 1, ...range(3, n).filter((i) => (i - 3) % 2 === 1)];
    default:
      return range(0, n);
  }
}
