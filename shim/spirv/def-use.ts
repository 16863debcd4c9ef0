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
  const add = (inst: Instruction, block: number): void => {
    if (inst.id === 0) return;
    defs.set(inst.id, inst);
    defBlock.set(inst.id, block);
  };
  for (const b of fn.blocks) {
    for (const inst of b.phis) add(inst, b.index);
    for (const inst of b.body) add(inst, b.index);
  }
  return { defs, defBlock };
}

/** How many times each id is an operand in `fn` (variables, phis, bodies, merges and terminators). */
export function useCounts(fn: SpirvFunction): Map<number, number> {
  const uses = new Map<number, number>();
  const countId = (id: number): void => {
    uses.set(id, (uses.get(id) ?? 0) + 1);
  };
  const count = (inst: Instruction | null): void => {
    if (inst) forEachIdOperand(inst, countId);
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
export function idOperands(inst: Instruction): number[] {
  const ids: number[] = [];
  forEachIdOperandIndex(inst, (i) => ids.push(inst.args[i]));
  return ids;
}

/** Calls `visit` with each operand of `inst` that idOperands returns, allocating nothing. */
export function forEachIdOperand(inst: Instruction, visit: (id: number) => void): void {
  forEachIdOperandIndex(inst, (i) => visit(inst.args[i]));
}

/** Replaces the id `from` by `to` wherever it is an operand of `inst` (as idOperands sees them). */
export function replaceIdOperands(inst: Instruction, from: number, to: number): void {
  forEachIdOperandIndex(inst, (i) => {
    if (inst.args[i] === from) inst.args[i] = to;
  });
}

// Analyses run this for every instruction of a function several times per translation: it
// visits indices in place rather than building an array for each instruction.
function forEachIdOperandIndex(inst: Instruction, visit: (index: number) => void): void {
  const n = inst.args.length;
  const range = (from: number, to: number): void => {
    for (let i = from; i < Math.min(to, n); i++) visit(i);
  };
  switch (inst.op) {
    case Op.ExtInst:
      if (n > 0) visit(0);
      range(2, n);
      return;
    case Op.CompositeExtract:
    case Op.Load:
    case Op.SelectionMerge:
      range(0, 1);
      return;
    case Op.CompositeInsert:
    case Op.VectorShuffle:
    case Op.LoopMerge:
    case Op.Store:
      range(0, 2);
      return;
    case Op.BranchConditional:
      range(0, 3);
      return;
    case Op.Variable:
      range(1, n);
      return;
    case Op.Switch:
      // Selector, default, then (literal, label) pairs.
      range(0, 2);
      for (let i = 4; i < n; i += 2) visit(i);
      return;
    default:
      range(0, n);
  }
}
