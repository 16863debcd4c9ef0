// The structured tree of one function -> WGSL statements: blocks, if/loop/switch, the phi copies
// on each edge, and the induction steps of carried floor divisions (passes/floor-division.ts).
import type { CarriedDivision, Relinearization, Block } from '../ir/ir.js';
import { readIds } from '../ir/operands.js';
import type { Node } from '../structurize.js';
import { instruction } from './expressions.js';
import { FLOOR_DIV_NONNEG_FN, FLOOR_DIV_NONNEG_WGSL } from './idiom-helpers.js';
import { type Expr, Printer } from './printer.js';
import { bumpsEpoch } from './uses.js';

export function nodes(ctx: Printer, list: Node[]): void {
  for (const n of list) node(ctx, n);
}

export function scoped(ctx: Printer, list: Node[]): void {
  const saved = ctx.indent;
  ctx.indent += '  ';
  nodes(ctx, list);
  ctx.indent = saved;
}

export function node(ctx: Printer, n: Node): void {
  switch (n.k) {
    case 'block': block(ctx, n.block); break;
    case 'copies': copies(ctx, n.from, n.to); break;
    case 'break': ctx.line('break;'); break;
    case 'continue': ctx.line('continue;'); break;
    case 'return': {
      enterTerminator(ctx, n.from);
      if (n.value !== 0) ctx.line(`return ${ctx.value(n.value).text};`);
      else if (ctx.types.get(ctx.fn.resultType).kind !== 'void') ctx.line(`return ${ctx.types.wgsl(ctx.fn.resultType)}();`);
      else ctx.line('return;');
      break;
    }
    case 'unreachable':
      enterTerminator(ctx, n.from);
      if (ctx.types.get(ctx.fn.resultType).kind !== 'void') ctx.line(`return ${ctx.types.wgsl(ctx.fn.resultType)}();`);
      break;
    case 'if': {
      enterTerminator(ctx, n.from);
      const c = ctx.value(n.cond);
      if (ctx.types.numeric1(c.type).scalar !== 'bool' || ctx.types.numeric1(c.type).n !== 1) ctx.fail('branch condition is not a bool');
      const thenEmpty = isEmpty(ctx, n.then);
      const elseEmpty = isEmpty(ctx, n.else);
      if (thenEmpty && elseEmpty) break;
      const negate = n.negate !== thenEmpty;
      ctx.line(`if (${negate ? `!${c.text}` : c.text}) {`);
      scoped(ctx, thenEmpty ? n.else : n.then);
      if (!thenEmpty && !elseEmpty) {
        ctx.line('} else {');
        scoped(ctx, n.else);
      }
      ctx.line('}');
      break;
    }
    case 'loop': {
      const header = n.body[0]?.k === 'block' ? n.body[0].block.index : -1;
      const versioned = ctx.ir.versioned.get(header);
      if (versioned && ctx.assumedRelinearized.size === 0) versionedLoop(ctx, n, versioned);
      else loop(ctx, n);
      break;
    }
    case 'switch': {
      enterTerminator(ctx, n.from);
      const sel = ctx.value(n.selector);
      const k = ctx.types.numeric1(sel.type).scalar;
      if (k !== 'i32' && k !== 'u32') ctx.fail('switch selector is not a 32-bit integer');
      ctx.line(`switch ${sel.atom ? `(${sel.text})` : sel.text} {`);
      const saved = ctx.indent;
      ctx.indent += '  ';
      for (const c of n.cases) {
        const labels = c.literals.map((l) => (k === 'i32' ? `${l | 0}i` : `${l >>> 0}u`));
        if (c.isDefault) labels.push('default');
        ctx.line(`case ${labels.join(', ')}: {`);
        scoped(ctx, c.body);
        ctx.line('}');
      }
      ctx.indent = saved;
      ctx.line('}');
      break;
    }
  }
}

export function loop(ctx: Printer, n: Extract<Node, { k: 'loop' }>): void {
  ctx.line('loop {');
  scoped(ctx, n.body);
  if (n.continuing.length > 0) {
    const saved = ctx.indent;
    ctx.indent += '  ';
    ctx.line('continuing {');
    if (n.breakIf !== 0) {
      // The break-if condition is read after the edge copies: pin it in a let first.
      const last = n.continuing.length - 1;
      scoped(ctx, n.continuing.slice(0, last));
      ctx.indent += '  ';
      enterTerminator(ctx, n.from!);
      let c = ctx.value(n.breakIf);
      if (!c.stable) {
        const name = `bc_${n.breakIf}`;
        ctx.line(`let ${name} = ${c.text};`);
        c = { ...c, text: name, atom: true, stable: true };
        ctx.exprs.set(n.breakIf, c);
      }
      node(ctx, n.continuing[last]);
      ctx.line(`break if ${n.breakIfNegate ? `!${c.atom ? c.text : `(${c.text})`}` : c.text};`);
      ctx.indent = saved + '  ';
    } else {
      scoped(ctx, n.continuing);
    }
    ctx.line('}');
    ctx.indent = saved;
  }
  ctx.line('}');
}

/**
 * The loop twice over (passes/relinearize.ts): under `if (A == b && ...)`, a copy that reads each
 * relinearisation as its dividend, then the loop as written. Each copy defines its own values.
 */
export function versionedLoop(ctx: Printer, n: Extract<Node, { k: 'loop' }>, relinearizations: Relinearization[]): void {
  const tests = new Set<string>();
  for (const { scale, divisor, modulus } of relinearizations) {
    const d = ctx.as(ctx.value(divisor), 'i32');
    tests.add(`${ctx.as(ctx.value(scale), 'i32')} == ${d}`);
    if (modulus) {
      // iok: d > 0, the phi starts non-negative and never wraps; then n <= M * d (computed
      // without overflow) keeps the quotient in [0, M), where q mod M is q.
      const m = ctx.as(ctx.value(modulus.m), 'i32');
      tests.add(`iok_${modulus.division} && ${m} > 0i && ${m} <= 2147483647i / ${d} && ${ctx.as(ctx.value(modulus.bound), 'i32')} <= ${m} * ${d}`);
    }
  }
  const exprs = new Map(ctx.exprs);
  const ptrs = new Map(ctx.ptrs);
  ctx.line(`if (${[...tests].join(' && ')}) {`);
  const saved = ctx.indent;
  ctx.indent += '  ';
  ctx.assumedRelinearized = new Set(relinearizations.map((r) => r.id));
  loop(ctx, n);
  ctx.assumedRelinearized = new Set();
  ctx.exprs = exprs;
  ctx.ptrs = ptrs;
  ctx.indent = saved;
  ctx.line('} else {');
  ctx.indent += '  ';
  loop(ctx, n);
  ctx.indent = saved;
  ctx.line('}');
}

export function isEmpty(ctx: Printer, list: Node[]): boolean {
  for (const n of list) {
    if (n.k === 'block' && n.block.body.length === 0) continue;
    if (n.k !== 'copies' || n.to.phis.length > 0) return false;
  }
  return true;
}

export function enterTerminator(ctx: Printer, b: Block): void {
  ctx.curBlock = b.index;
  ctx.curEpoch = ctx.endEpoch[b.index];
  ctx.types.current = b.term;
}

// Assigns the phi variables of `to` for the edge from `from`. Copies on one edge happen at
// once: a value that an earlier copy might change is read into a temporary first.
export function copies(ctx: Printer, from: Block, to: Block): void {
  if (to.phis.length === 0) return;
  enterTerminator(ctx, from);
  const pairs: Array<[string, Expr]> = [];
  for (const phi of to.phis) {
    ctx.types.current = phi;
    let v = 0;
    for (let i = 0; i + 1 < phi.args.length; i += 2) if (phi.args[i + 1] === from.label) { v = phi.args[i]; break; }
    if (v === 0) ctx.fail(`OpPhi has no value for predecessor %${from.label}`, phi);
    for (const c of ctx.ir.carried.get(phi.id) ?? []) stepInduction(ctx, c, v);
    pairs.push([`p_${phi.id}`, ctx.value(v)]);
  }
  if (pairs.length > 1) {
    for (const p of pairs) {
      if (!p[1].stable) {
        const name = `t_${ctx.tmp++}`;
        ctx.line(`let ${name} = ${p[1].text};`);
        p[1] = { ...p[1], text: name, atom: true, stable: true };
      }
    }
  }
  for (const [name, e] of pairs) if (name !== e.text) ctx.line(`${name} = ${e.text};`);
}

// On the edge that gives the phi `value`: the back edge steps the quotient and remainder of
// carried floor division `c` where that is exact and computes them afresh where not; any other
// edge computes them (passes/floor-division.ts). Runs before the phi itself is assigned, so the
// phi still holds its previous value.
export function stepInduction(ctx: Printer, c: CarriedDivision, value: number): void {
  const n = c.division;
  const phi = c.dividend;
  const d = ctx.as(ctx.pin(c.divisor), 'i32');
  const s = ctx.as(ctx.pin(c.step), 'i32');
  const a = ctx.as(ctx.pin(value), 'i32');
  // A bare OpSDiv truncates: computed afresh it stays a plain division.
  const div = (x: string) => (c.truncating ? `${x} / ${d}` : `${FLOOR_DIV_NONNEG_FN}(${x}, ${d})`);
  if (!c.truncating) ctx.helpers.set(FLOOR_DIV_NONNEG_FN, FLOOR_DIV_NONNEG_WGSL);
  if (value === c.next) {
    if (c.bound === undefined) ctx.line(`iok_${n} = iok_${n} && (${a} >= p_${phi});`);
    ctx.line(`if (iok_${n}) {`);
    ctx.line(`  iq_${n} = iq_${n} + isq_${n};`);
    ctx.line(`  ir_${n} = ir_${n} + isr_${n};`);
    ctx.line(`  if (ir_${n} >= bitcast<u32>(${d})) { ir_${n} = ir_${n} - bitcast<u32>(${d}); iq_${n} = iq_${n} + 1i; }`);
    ctx.line('} else {');
    ctx.line(`  iq_${n} = ${div(a)};`);
    ctx.line(`  ir_${n} = bitcast<u32>(${a} - iq_${n} * ${d});`);
    ctx.line('}');
    return;
  }
  ctx.line(`iq_${n} = ${div(a)};`);
  ctx.line(`ir_${n} = bitcast<u32>(${a} - iq_${n} * ${d});`);
  ctx.line(`isq_${n} = ${div(s)};`);
  ctx.line(`isr_${n} = bitcast<u32>(${s} - isq_${n} * ${d});`);
  // With the loop's bound n, phi < n on every step, so no step wraps when n - 1 <= i32 max - s.
  const bound = c.bound === undefined ? undefined : ctx.as(ctx.pin(c.bound), 'i32');
  const noWrap = bound === undefined ? '' : ` && (${bound} <= 0i || ${bound} - 1i <= 2147483647i - ${s})`;
  // Truncation agrees with the floor stepping only while the phi is non-negative: from its start.
  const start = c.truncating ? ` && ${a} >= 0i` : '';
  ctx.line(`iok_${n} = ${d} > 0i && ${s} >= 0i${start}${noWrap};`);
}

export function block(ctx: Printer, b: Block): void {
  ctx.curBlock = b.index;
  ctx.curEpoch = 0;
  for (const inst of b.body) {
    ctx.types.current = inst;
    // An access chain reads its operands where it is made (they are counted where it is used).
    ctx.reads = ctx.chainDefs.has(inst.id) ? Array.from(inst.args) : readIds(inst, (id) => ctx.operandType(id));
    instruction(ctx, inst);
    ctx.reads = null;
    if (bumpsEpoch(inst.op)) ctx.curEpoch++;
  }
}
