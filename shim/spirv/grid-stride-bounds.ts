// The bounds of a grid-stride loop (passes/grid-stride.ts finds them) and how the shim sizes a
// dispatch from them at submit time (commands/encode.ts): the contract between the two.
/** An i32 expression, evaluated with WGSL's wrapping arithmetic. */
export type BoundExpr =
  | { op: 'const'; value: number }
  /** The 32-bit word at byte `offset` of the uniform buffer bound at (set, binding). */
  | { op: 'word'; set: number; binding: number; offset: number }
  | { op: 'add' | 'sub' | 'mul' | 'max' | 'min'; a: BoundExpr; b: BoundExpr };

export interface GridStride {
  /** Invocations per workgroup (all along x). */
  groupSize: number;
  begin: BoundExpr;
  end: BoundExpr;
}

/** Reads a word of a bound uniform buffer as the device will see it; undefined when it cannot tell. */
export type WordReader = (set: number, binding: number, offset: number) => number | undefined;

const INT32_MAX = 0x7fffffff;

export function evaluateBound(e: BoundExpr, word: WordReader): number | undefined {
  let compiled = compiledBounds.get(e);
  if (!compiled) compiledBounds.set(e, (compiled = compileBound(e)));
  return compiled(word);
}

type CompiledBound = (word: WordReader) => number | undefined;

/**
 * Each expression as a tree of closures, made on its first evaluation: the shim sizes every
 * dispatch with it, and a walk over the expression's nodes, whose shapes differ by operator,
 * made V8 look their fields up generically at each node.
 */
const compiledBounds = new WeakMap<BoundExpr, CompiledBound>();

function compileBound(e: BoundExpr): CompiledBound {
  switch (e.op) {
    case 'const': {
      const value = e.value;
      return () => value;
    }
    case 'word': {
      const { set, binding, offset } = e;
      return (word) => {
        const w = word(set, binding, offset);
        return w === undefined ? undefined : w | 0;
      };
    }
  }
  const a = compileBound(e.a);
  const b = compileBound(e.b);
  const combine = COMBINE[e.op];
  return (word) => {
    const x = a(word);
    const y = x === undefined ? undefined : b(word);
    return x === undefined || y === undefined ? undefined : combine(x, y);
  };
}

const COMBINE: Record<'add' | 'sub' | 'mul' | 'max' | 'min', (a: number, b: number) => number> = {
  add: (a, b) => (a + b) | 0,
  sub: (a, b) => (a - b) | 0,
  mul: Math.imul,
  max: Math.max,
  min: Math.min,
};

/** The workgroups a dispatch of `groups` needs: at least one, at most `groups`. */
export function gridStrideGroups(g: GridStride, groups: number, word: WordReader): number {
  const begin = evaluateBound(g.begin, word);
  const end = begin === undefined ? undefined : evaluateBound(g.end, word);
  if (begin === undefined || end === undefined) return groups;
  // Where the original grid's start or step wraps past INT32_MAX, the loop does something other
  // than [begin, end): leave it as it was written.
  const threads = groups * g.groupSize;
  if (begin + threads - 1 > INT32_MAX || end - 1 + threads > INT32_MAX) return groups;
  return Math.min(groups, Math.ceil(Math.max(end - begin, 1) / g.groupSize));
}
