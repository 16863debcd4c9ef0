// Parsed module -> IR: the functions the entry point reaches, callees first, each with its
// structured control-flow tree, and the module's types, constants and variables with their
// decorations folded in (module.ts). The passes (passes/) then rewrite it in place; nothing
// after this reads the parsed module.
import { SpirvTranslationError } from '../errors.js';
import { BuiltIn, ExecutionModel, Op, opName } from '../opcodes.js';
import type { EntryPoint, Instruction, SpirvFunction, SpirvModule } from '../parse.js';
import { structurize } from '../structurize.js';
import type { IrModule } from './ir.js';
import type { IrEntry, IrGlobal, IrType } from './module.js';

function fail(reason: string, inst: Instruction | null): never {
  if (inst === null) throw new SpirvTranslationError(0, undefined, reason);
  const what = inst.id !== 0 ? `${opName(inst.op)} %${inst.id}` : opName(inst.op);
  throw new SpirvTranslationError(inst.offset, inst.op, `${what}: ${reason}`);
}

export function liftModule(mod: SpirvModule, entry: EntryPoint): IrModule {
  const order = reachableFunctions(mod, entry);
  const main = order[order.length - 1];
  const at: Instruction = { op: Op.Function, type: main.resultType, id: main.id, args: new Uint32Array(0), offset: main.offset };
  if (entry.model !== ExecutionModel.GLCompute) fail(`entry point "${entry.name}" is not a GLCompute entry point`, at);
  if (main.params.length > 0) fail('an entry point function takes no parameters', at);
  return {
    bound: mod.bound,
    types: liftTypes(mod),
    constants: new Map(mod.constants),
    globals: liftGlobals(mod),
    extInstSets: new Map(mod.extInstImports),
    entry: liftEntry(mod, entry),
    functions: order.map((fn) => ({ fn, tree: structurize(fn), carried: new Map(), versioned: new Map() })),
    helpers: [],
  };
}

function liftTypes(mod: SpirvModule): Map<number, IrType> {
  const types = new Map<number, IrType>();
  for (const [id, t] of mod.types) {
    const d = mod.decorations.get(id);
    if (t.kind === 'array' || t.kind === 'runtime-array') {
      types.set(id, d?.arrayStride === undefined ? { ...t } : { ...t, stride: d.arrayStride });
    } else if (t.kind === 'struct') {
      const members = mod.memberDecorations.get(id) ?? [];
      const layout = t.members.map((_, i) => {
        const m = members[i];
        return m === undefined ? {} : { offset: m.offset, matrixStride: m.matrixStride, rowMajor: m.rowMajor };
      });
      types.set(id, { kind: 'struct', members: t.members, layout, bufferBlock: d?.bufferBlock === true });
    } else {
      types.set(id, t);
    }
  }
  return types;
}

function liftGlobals(mod: SpirvModule): Map<number, IrGlobal> {
  const globals = new Map<number, IrGlobal>();
  for (const [id, g] of mod.globals) {
    const d = mod.decorations.get(id);
    const name = mod.names.get(id);
    globals.set(id, { ...g, set: d?.set, binding: d?.binding, builtIn: d?.builtIn, name: name === '' ? undefined : name });
  }
  return globals;
}

function liftEntry(mod: SpirvModule, entry: EntryPoint): IrEntry {
  let sizeConstant = 0;
  for (const [id, c] of mod.constants) {
    if (mod.decorations.get(id)?.builtIn === BuiltIn.WorkgroupSize && c.kind === 'composite' && c.parts.length === 3) {
      sizeConstant = id;
      break;
    }
  }
  const ls = mod.localSize.get(entry.fn);
  const lsId = mod.localSizeId.get(entry.fn);
  return {
    name: entry.name,
    fn: entry.fn,
    offset: entry.offset,
    localSize: ls && [ls[0], ls[1], ls[2]],
    localSizeId: lsId && [lsId[0], lsId[1], lsId[2]],
    sizeConstant,
  };
}

/** The functions `entry` reaches, callees before their callers (WGSL forbids recursion). */
function reachableFunctions(mod: SpirvModule, entry: EntryPoint): SpirvFunction[] {
  const order: SpirvFunction[] = [];
  const state = new Map<number, number>(); // 1: visiting, 2: done
  const visit = (id: number, from: Instruction | null): void => {
    const fn = mod.functions.get(id);
    if (fn === undefined) fail(`%${id} is not a function`, from);
    const s = state.get(id);
    if (s === 2) return;
    if (s === 1) fail(`function %${id} is called recursively (WGSL forbids recursion)`, from);
    state.set(id, 1);
    for (const b of fn.blocks) for (const inst of b.body) if (inst.op === Op.FunctionCall) visit(inst.args[0], inst);
    state.set(id, 2);
    order.push(fn);
  };
  visit(entry.fn, null);
  return order;
}
