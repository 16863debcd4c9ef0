// CFG blocks + merge instructions -> a tree of if/loop/switch/break/continue/return.
// Structured SPIR-V names every construct's merge block (and a loop's continue target), so the
// tree follows from walking each construct from its header to its merge. Every block is placed
// at most once; reaching a block twice, or branching into another construct, is unstructured
// control flow and an error.
import { SpirvTranslationError } from './errors.js';
import { Op } from './opcodes.js';
import type { Block, SpirvFunction } from './parse.js';

export type Node =
  | { k: 'block'; block: Block }
  | { k: 'if'; from: Block; cond: number; negate: boolean; then: Node[]; else: Node[] }
  | { k: 'loop'; body: Node[]; continuing: Node[]; breakIf: number; breakIfNegate: boolean; from: Block | null }
  | { k: 'switch'; from: Block; selector: number; cases: SwitchCase[] }
  | { k: 'copies'; from: Block; to: Block }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'return'; from: Block; value: number }
  | { k: 'unreachable'; from: Block };

export interface SwitchCase { literals: number[]; isDefault: boolean; body: Node[] }

export interface StructuredFunction {
  body: Node[];
  // WGSL scope each block's instructions land in (-1: unreachable, not emitted). A `let` made
  // in scope s is visible in scope t when s is t or one of t's ancestors.
  scopeOf: Int32Array;
  scopeParent: number[];
}

interface Construct {
  kind: 'if' | 'loop' | 'switch';
  merge: number;
  cont: number; // loops only, else -1
  header: number;
  inContinuing: boolean;
  continuingScope: number;
  loop: Extract<Node, { k: 'loop' }> | null;
}

type Exit = 'fall' | 'break' | 'continue' | 'inner';

class Structurizer {
  private readonly blocks: Block[];
  private readonly emitted: Uint8Array;
  readonly scopeOf: Int32Array;
  readonly scopeParent: number[] = [];
  private readonly stack: Construct[] = [];
  private steps = 0;

  constructor(private readonly fn: SpirvFunction) {
    this.blocks = fn.blocks;
    this.emitted = new Uint8Array(fn.blocks.length);
    this.scopeOf = new Int32Array(fn.blocks.length).fill(-1);
  }

  run(): Node[] {
    const out: Node[] = [];
    this.region(0, -1, this.newScope(-1), out);
    return out;
  }

  private fail(b: Block, reason: string, inst = b.term): never {
    throw new SpirvTranslationError(inst.offset, inst.op, `function %${this.fn.id}, block %${b.label}: ${reason}`);
  }

  private newScope(parent: number): number {
    this.scopeParent.push(parent);
    return this.scopeParent.length - 1;
  }

  private index(from: Block, label: number, inst = from.term): number {
    const i = this.fn.blockIndex.get(label);
    if (i === undefined) this.fail(from, `branch target %${label} is not a block of this function`, inst);
    return i;
  }

  // Emits blocks in sequence from `start` until control reaches `follow` or leaves the region.
  private region(start: number, follow: number, scope: number, out: Node[]): void {
    let cur = start;
    while (cur >= 0 && cur !== follow) {
      if (++this.steps > 4 * this.blocks.length + 16) this.fail(this.blocks[cur], 'control flow does not terminate');
      cur = this.place(cur, follow, scope, out);
    }
  }

  // Places one block (or a whole loop headed by it); returns the block that follows in sequence, or -1.
  private place(bi: number, follow: number, scope: number, out: Node[]): number {
    const b = this.blocks[bi];
    if (this.emitted[bi]) this.fail(b, 'block is reached from more than one place (unstructured control flow)', b.term);
    this.emitted[bi] = 1;
    if (b.merge !== null && b.merge.op === Op.LoopMerge) return this.loop(b, scope, out);
    this.scopeOf[bi] = scope;
    out.push({ k: 'block', block: b });
    return this.terminator(b, follow, scope, out);
  }

  private loop(h: Block, scope: number, out: Node[]): number {
    const merge = this.index(h, h.merge!.args[0], h.merge!);
    const cont = this.index(h, h.merge!.args[1], h.merge!);
    if (merge === h.index) this.fail(h, 'loop header is its own merge block', h.merge!);
    const bodyScope = this.newScope(scope);
    this.scopeOf[h.index] = bodyScope;
    const node: Extract<Node, { k: 'loop' }> = { k: 'loop', body: [{ k: 'block', block: h }], continuing: [], breakIf: 0, breakIfNegate: false, from: null };
    const c: Construct = { kind: 'loop', merge, cont, header: h.index, inContinuing: false, continuingScope: -1, loop: node };
    this.stack.push(c);
    const next = this.terminator(h, cont, bodyScope, node.body);
    this.region(next, cont, bodyScope, node.body);
    if (cont !== h.index) {
      c.inContinuing = true;
      c.continuingScope = this.newScope(bodyScope);
      this.region(cont, h.index, c.continuingScope, node.continuing);
    }
    this.stack.pop();
    out.push(node);
    return merge;
  }

  private innermostLoop(): Construct | null {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i].kind === 'loop') return this.stack[i];
    return null;
  }

  private classify(from: Block, t: number, follow: number): Exit {
    if (t === follow) return 'fall';
    let breakable: Construct | null = null;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i].kind !== 'if') { breakable = this.stack[i]; break; }
    }
    if (breakable !== null && t === breakable.merge) {
      if (breakable.kind === 'loop' && breakable.inContinuing) this.fail(from, 'a continue construct may only leave its loop through its last block');
      return 'break';
    }
    const loop = this.innermostLoop();
    if (loop !== null) {
      if (t === loop.cont && !loop.inContinuing) return 'continue';
      if (t === loop.merge) this.fail(from, 'breaking out of a loop from inside a switch is not supported');
    }
    for (const c of this.stack) {
      if (t === c.merge || t === c.cont || t === c.header) this.fail(from, `branch to %${this.blocks[t].label}, the merge, continue target or header of an enclosing construct, is not a structured break`);
    }
    return 'inner';
  }

  private exitNodes(from: Block, t: number, exit: Exit, out: Node[]): void {
    out.push({ k: 'copies', from, to: this.blocks[t] });
    if (exit === 'break') out.push({ k: 'break' });
    else if (exit === 'continue') out.push({ k: 'continue' });
  }

  // The nodes of one arm of a branch from `from` to `t`, which ends at `follow`.
  private arm(from: Block, t: number, follow: number, scope: number): Node[] {
    const out: Node[] = [];
    const exit = this.classify(from, t, follow);
    if (exit !== 'inner') {
      this.exitNodes(from, t, exit, out);
      return out;
    }
    out.push({ k: 'copies', from, to: this.blocks[t] });
    this.region(t, follow, scope, out);
    return out;
  }

  private terminator(b: Block, follow: number, scope: number, out: Node[]): number {
    const t = b.term;
    switch (t.op) {
      case Op.Branch: {
        const target = this.index(b, t.args[0]);
        const exit = this.classify(b, target, follow);
        if (exit !== 'inner') { this.exitNodes(b, target, exit, out); return -1; }
        out.push({ k: 'copies', from: b, to: this.blocks[target] });
        return target;
      }
      case Op.BranchConditional: {
        const tt = this.index(b, t.args[1]);
        const ff = this.index(b, t.args[2]);
        const cond = t.args[0];
        if (b.merge !== null && b.merge.op === Op.SelectionMerge) {
          const merge = this.index(b, b.merge.args[0], b.merge);
          this.stack.push({ kind: 'if', merge, cont: -1, header: b.index, inContinuing: false, continuingScope: -1, loop: null });
          const thenNodes = this.arm(b, tt, merge, this.newScope(scope));
          const elseNodes = tt === ff ? [] : this.arm(b, ff, merge, this.newScope(scope));
          this.stack.pop();
          out.push({ k: 'if', from: b, cond, negate: false, then: thenNodes, else: elseNodes });
          return merge;
        }
        if (tt === ff) {
          const exit = this.classify(b, tt, follow);
          if (exit !== 'inner') { this.exitNodes(b, tt, exit, out); return -1; }
          out.push({ k: 'copies', from: b, to: this.blocks[tt] });
          return tt;
        }
        const loop = this.innermostLoop();
        if (loop !== null && loop.inContinuing && scope === loop.continuingScope &&
            ((tt === loop.header && ff === loop.merge) || (ff === loop.header && tt === loop.merge))) {
          // The last block of a continue construct: `break if`, with each edge's phi copies first.
          const toMerge = tt === loop.merge;
          const stay: Node[] = [{ k: 'copies', from: b, to: this.blocks[loop.header] }];
          const leave: Node[] = [{ k: 'copies', from: b, to: this.blocks[loop.merge] }];
          out.push({ k: 'if', from: b, cond, negate: false, then: toMerge ? leave : stay, else: toMerge ? stay : leave });
          loop.loop!.breakIf = cond;
          loop.loop!.breakIfNegate = !toMerge;
          loop.loop!.from = b;
          return -1;
        }
        const et = this.classify(b, tt, follow);
        const ef = this.classify(b, ff, follow);
        if (et !== 'inner' && ef !== 'inner') {
          const thenNodes: Node[] = [];
          const elseNodes: Node[] = [];
          this.exitNodes(b, tt, et, thenNodes);
          this.exitNodes(b, ff, ef, elseNodes);
          out.push({ k: 'if', from: b, cond, negate: false, then: thenNodes, else: elseNodes });
          return -1;
        }
        if (et === 'inner' && ef === 'inner') this.fail(b, 'conditional branch to two blocks without a merge instruction (unstructured control flow)');
        const exitTarget = et === 'inner' ? ff : tt;
        const inner = et === 'inner' ? tt : ff;
        const exitNodes: Node[] = [];
        this.exitNodes(b, exitTarget, et === 'inner' ? ef : et, exitNodes);
        out.push({ k: 'if', from: b, cond, negate: et === 'inner', then: exitNodes, else: [] });
        out.push({ k: 'copies', from: b, to: this.blocks[inner] });
        return inner;
      }
      case Op.Switch: {
        if (b.merge === null || b.merge.op !== Op.SelectionMerge) this.fail(b, 'OpSwitch without OpSelectionMerge');
        const merge = this.index(b, b.merge.args[0], b.merge);
        const targets: number[] = [];
        const cases: SwitchCase[] = [];
        const caseOf = (label: number): SwitchCase => {
          const ti = this.index(b, label);
          let k = targets.indexOf(ti);
          if (k < 0) {
            targets.push(ti);
            cases.push({ literals: [], isDefault: false, body: [] });
            k = targets.length - 1;
          }
          return cases[k];
        };
        caseOf(t.args[1]).isDefault = true;
        for (let i = 2; i + 1 < t.args.length; i += 2) caseOf(t.args[i + 1]).literals.push(t.args[i]);
        this.stack.push({ kind: 'switch', merge, cont: -1, header: b.index, inContinuing: false, continuingScope: -1, loop: null });
        for (let k = 0; k < cases.length; k++) cases[k].body = this.arm(b, targets[k], merge, this.newScope(scope));
        this.stack.pop();
        out.push({ k: 'switch', from: b, selector: t.args[0], cases });
        return merge;
      }
      case Op.Return:
        out.push({ k: 'return', from: b, value: 0 });
        return -1;
      case Op.ReturnValue:
        out.push({ k: 'return', from: b, value: t.args[0] });
        return -1;
      case Op.Kill: case Op.TerminateInvocation:
        // Compute shaders have no fragment to discard: ending the invocation is the closest meaning.
        out.push({ k: 'return', from: b, value: 0 });
        return -1;
      default:
        out.push({ k: 'unreachable', from: b });
        return -1;
    }
  }
}

export function structurize(fn: SpirvFunction): StructuredFunction {
  const s = new Structurizer(fn);
  const body = s.run();
  return { body, scopeOf: s.scopeOf, scopeParent: s.scopeParent };
}
