// The SPIR-V target: real Taichi tasks with instruction-aware damage (word flips, truncation,
// ids out of range, bogus opcodes, broken control flow, self-referential types), translated with
// translateSpirv; a few that translate are built into a Dawn pipeline inside error scopes.

import { translateSpirv } from '../../shim/spirv/translate.js';
import { judge, type Outcome } from '../helpers/outcome.js';
import { Rng } from '../helpers/random.js';

const OP = {
  TypeVector: 23, TypeMatrix: 24, TypeArray: 28, TypeRuntimeArray: 29, TypeStruct: 30, TypePointer: 32, TypeFunction: 33,
  Label: 248, Branch: 249, BranchConditional: 250, Switch: 251, Return: 253, FunctionEnd: 56, Function: 54, LoopMerge: 246,
  SelectionMerge: 247, Phi: 245, Load: 61, Store: 62, AccessChain: 65, Variable: 59, FunctionCall: 57, Unreachable: 255,
  Kill: 252,
} as const;
const SOME_OPCODES = [0, 1, 5, 12, 15, 16, 17, 19, 20, 21, 22, 23, 28, 29, 30, 32, 33, 43, 44, 46, 50, 52, 54, 55, 56, 57, 59, 61, 62, 63, 65, 67, 68, 71, 72, 79, 80, 81, 82, 124, 126, 128, 135, 141, 169, 170, 194, 199, 224, 225, 230, 234, 245, 246, 247, 248, 249, 250, 251, 253, 254, 255, 331, 332, 400, 4416, 5632, 6035, 9999, 0xffff];

interface Inst {
  at: number;
  op: number;
  count: number;
}

function instructions(words: Uint32Array): Inst[] {
  const out: Inst[] = [];
  let at = 5;
  while (at < words.length) {
    const count = words[at] >>> 16;
    if (count === 0 || at + count > words.length) break;
    out.push({ at, op: words[at] & 0xffff, count });
    at += count;
  }
  return out;
}

function splice(words: Uint32Array, at: number, remove: number, insert: ArrayLike<number> = []): Uint32Array {
  at = Math.min(at, words.length);
  remove = Math.min(remove, words.length - at);
  const out = new Uint32Array(words.length - remove + insert.length);
  out.set(words.subarray(0, at));
  out.set(insert, at);
  out.set(words.subarray(at + remove), at + insert.length);
  return out;
}

/** One damaging edit of `input`; returns the new words and what was done. */
function mutateOnce(input: Uint32Array, rng: Rng): { words: Uint32Array<ArrayBufferLike>; what: string } {
  let w: Uint32Array<ArrayBufferLike> = new Uint32Array(input);
  const insts = instructions(w);
  const bound = w.length > 3 ? w[3] : 1;
  const pickInst = (ops?: readonly number[]): Inst | undefined => {
    const from = ops ? insts.filter((i) => ops.includes(i.op)) : insts;
    return from.length > 0 ? rng.pick(from) : undefined;
  };
  const op = rng.int(12);
  switch (op) {
    case 0: {
      const n = rng.range(1, 8);
      for (let i = 0; i < n; i++) w[rng.int(w.length)] ^= 1 << rng.int(32);
      return { words: w, what: `${n} bit flips` };
    }
    case 1: {
      const at = rng.int(w.length + 1);
      return { words: w.subarray(0, at), what: `truncated to ${at} of ${w.length} words` };
    }
    case 2: {
      // An operand becomes an id at or past the bound, or 0.
      const inst = pickInst();
      if (!inst || inst.count < 2) return { words: w, what: 'no operand to change' };
      const k = rng.range(1, inst.count - 1);
      const v = rng.pick([0, bound, bound + 1, bound - 1, 0xffffffff, 0x7fffffff, rng.int(bound)]);
      w[inst.at + k] = v >>> 0;
      return { words: w, what: `operand ${k} of opcode ${inst.op} at word ${inst.at} := ${v}` };
    }
    case 3: {
      const inst = pickInst();
      if (!inst) return { words: w, what: 'no instruction' };
      const to = rng.chance(0.7) ? rng.pick(SOME_OPCODES) : rng.int(0x10000);
      w[inst.at] = ((inst.count << 16) | to) >>> 0;
      return { words: w, what: `opcode ${inst.op} at word ${inst.at} -> ${to}` };
    }
    case 4: {
      const inst = pickInst();
      if (!inst) return { words: w, what: 'no instruction' };
      const count = rng.pick([0, 1, inst.count - 1, inst.count + 1, 0xffff, rng.int(0x10000)]) & 0xffff;
      w[inst.at] = ((count << 16) | inst.op) >>> 0;
      return { words: w, what: `word count of opcode ${inst.op} at word ${inst.at}: ${inst.count} -> ${count}` };
    }
    case 5: {
      // Control flow: a branch to another id, a block without its terminator, a repeated label.
      const inst = pickInst([OP.Branch, OP.BranchConditional, OP.LoopMerge, OP.SelectionMerge, OP.Switch, OP.Phi, OP.Label, OP.Return, OP.FunctionEnd]);
      if (!inst) return { words: w, what: 'no control flow' };
      const r = rng.int(3);
      if (r === 0 && inst.count >= 2) {
        const labels = insts.filter((i) => i.op === OP.Label).map((i) => w[i.at + 1]);
        const k = rng.range(1, inst.count - 1);
        const to = labels.length > 0 && rng.chance(0.7) ? rng.pick(labels) : rng.int(bound + 2);
        w[inst.at + k] = to;
        return { words: w, what: `operand ${k} of opcode ${inst.op} at word ${inst.at} -> %${to}` };
      }
      if (r === 1) return { words: splice(w, inst.at, inst.count), what: `removed opcode ${inst.op} at word ${inst.at}` };
      const copy = w.slice(inst.at, inst.at + inst.count);
      const other = pickInst() ?? inst;
      return { words: splice(w, other.at, 0, copy), what: `copied opcode ${inst.op} from word ${inst.at} to word ${other.at}` };
    }
    case 6: {
      // A type that contains or points to itself.
      const inst = pickInst([OP.TypePointer, OP.TypeStruct, OP.TypeArray, OP.TypeRuntimeArray, OP.TypeVector, OP.TypeMatrix, OP.TypeFunction]);
      if (!inst || inst.count < 3) return { words: w, what: 'no composite type' };
      const self = w[inst.at + 1];
      const k = inst.op === OP.TypePointer ? 3 : rng.range(2, inst.count - 1);
      if (k >= inst.count) return { words: w, what: 'no member operand' };
      w[inst.at + k] = self;
      return { words: w, what: `type %${self} (opcode ${inst.op}) refers to itself in operand ${k}` };
    }
    case 7: {
      const inst = pickInst();
      if (!inst) return { words: w, what: 'no instruction' };
      return { words: splice(w, inst.at, inst.count), what: `removed opcode ${inst.op} at word ${inst.at}` };
    }
    case 8: {
      const inst = pickInst();
      if (!inst) return { words: w, what: 'no instruction' };
      const to = rng.pick(insts).at;
      return { words: splice(w, to, 0, w.slice(inst.at, inst.at + inst.count)), what: `repeated opcode ${inst.op} from word ${inst.at} at word ${to}` };
    }
    case 9: {
      const a = pickInst();
      const b = pickInst();
      if (!a || !b || a.at === b.at) return { words: w, what: 'no pair to swap' };
      const [first, second] = a.at < b.at ? [a, b] : [b, a];
      const parts = [w.subarray(0, first.at), w.slice(second.at, second.at + second.count), w.subarray(first.at + first.count, second.at), w.slice(first.at, first.at + first.count), w.subarray(second.at + second.count)];
      const out = new Uint32Array(w.length);
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.length;
      }
      return { words: out, what: `swapped opcode ${first.op} at word ${first.at} with opcode ${second.op} at word ${second.at}` };
    }
    case 10: {
      const k = rng.int(5);
      const v = rng.pick([0, 1, 0xffffffff, 0x00010600, 0x00020000, 0x00010700, 0x400000, bound * 2, rng.u32()]);
      w[k] = v >>> 0;
      return { words: w, what: `header word ${k} := 0x${(v >>> 0).toString(16)}` };
    }
    default: {
      // A random word anywhere becomes a boundary value.
      const n = rng.range(1, 4);
      for (let i = 0; i < n; i++) w[rng.int(w.length)] = rng.edgeInt() >>> 0;
      if (rng.chance(0.1)) w = splice(w, rng.int(w.length), 0, Array.from({ length: rng.range(1, 32) }, () => rng.u32()));
      return { words: w, what: `${n} words := boundary values` };
    }
  }
}

export interface SpirvCase {
  words: Uint32Array;
  mutation: string;
}

export function generateSpirv(rng: Rng, tasks: readonly { module: string; task: string; words: Uint32Array }[]): SpirvCase {
  const t = rng.pick(tasks);
  let words: Uint32Array<ArrayBufferLike> = t.words;
  const what = [`${t.module}/${t.task}`];
  const edits = rng.chance(0.6) ? 1 : rng.range(2, 5);
  for (let i = 0; i < edits; i++) {
    const m = mutateOnce(words, rng);
    words = m.words;
    what.push(m.what);
  }
  return { words, mutation: what.join('; ') };
}

/** Translates; when `device` is given, also builds the WGSL into a pipeline (inside error scopes). */
export async function executeSpirv(c: SpirvCase, device: GPUDevice | undefined): Promise<{ outcome: Outcome; translated: boolean; dawnRejected?: string }> {
  let result;
  try {
    result = translateSpirv(c.words);
  } catch (e) {
    return { outcome: judge(e), translated: false };
  }
  if (!device) return { outcome: { kind: 'ok' }, translated: true };
  try {
    device.pushErrorScope('validation');
    device.pushErrorScope('internal');
    const module = device.createShaderModule({ code: result.wgsl });
    let dawnRejected: string | undefined;
    try {
      await device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: result.entryPoint } });
    } catch (e) {
      dawnRejected = e instanceof Error ? e.message : String(e);
    }
    const internal = await device.popErrorScope();
    const validation = await device.popErrorScope();
    dawnRejected ??= internal?.message ?? validation?.message;
    return { outcome: { kind: 'ok' }, translated: true, dawnRejected };
  } catch (e) {
    return { outcome: { kind: 'failure', reason: `Dawn threw outside its error scopes: ${e instanceof Error ? e.message : String(e)}` }, translated: true };
  }
}
