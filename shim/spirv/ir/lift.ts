// Parsed module -> IR: the functions the entry point reaches, callees first, each with its
// structured control-flow tree. The passes (passes/) then rewrite it in place.
import { SpirvTranslationError } from '../errors.js';
import { ExecutionModel, Op, opName } from '../opcodes.js';
import type { EntryPoint, Instruction, SpirvFunction, SpirvModule } from '../parse.js';
import { structurize } from '../structurize.js';
import type { IrModule } from './ir.js';

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
  return { spirv: mod, entry, functions: order.map((fn) => ({ fn, tree: structurize(fn), carried: new Map(), versioned: new Map() })) };
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
